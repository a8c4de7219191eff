// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore, setupStore } from '../../test/render';
import { LedgerScreen } from './LedgerScreen';

afterEach(cleanup);

type Doc = { ledger: Array<{ param: string; low?: number; high?: number }> };

describe('the assumption ledger screen', () => {
  it('keeps a row and its fields on screen while its range is wrong, with the error at the field', async () => {
    const store = await setupStore();
    renderWithStore(store, <LedgerScreen />);
    const i = (store.getState().doc as Doc).ledger.findIndex(
      (e) => e.param === 'channels[sms].responseEffect',
    );
    fireEvent.change(screen.getByTestId(`field-ledger[${i}].low`), { target: { value: '0.3' } });
    fireEvent.change(screen.getByTestId(`field-ledger[${i}].high`), { target: { value: '0.1' } });
    store.getState().validateNow();
    expect(store.getState().scenario).toBeNull();
    expect(await screen.findByTestId('ledger-invalid')).toBeTruthy();
    expect(screen.getByTestId('ledger-row-channels[sms].responseEffect')).toBeTruthy();
    expect(screen.getByTestId(`field-ledger[${i}].high-error`).textContent).toContain(
      'low 0.3 and high 0.1; expected low < high',
    );
    // Fixing it brings the scenario back; the range is the one set here.
    fireEvent.change(screen.getByTestId(`field-ledger[${i}].high`), { target: { value: '0.5' } });
    store.getState().validateNow();
    expect(store.getState().scenario).not.toBeNull();
    expect(screen.getByTestId('ledger-range-channels[sms].responseEffect').textContent).toContain(
      '0.3 – 0.5 (set here)',
    );
  });
});
