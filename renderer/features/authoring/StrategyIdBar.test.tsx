// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore, setupStore } from '../../test/render';
import { StrategyIdBar } from './StrategyIdBar';

afterEach(cleanup);

type Doc = { strategies: { id: string }[]; uncertainty: { param: string }[] };

describe("a strategy's id", () => {
  it('renames every reference on Enter, in one undo step', async () => {
    const store = await setupStore((d) => {
      d.uncertainty = [
        ...(d.uncertainty ?? []),
        { param: 'strategies[payday_wmp].offer.fit', prior: { type: 'uniform', min: 0.8, max: 1.2 } },
      ];
    });
    const before = store.getState().text;
    renderWithStore(store, <StrategyIdBar id="payday_wmp" onSelect={() => {}} />);
    const input = screen.getByTestId('strategy-id');
    fireEvent.change(input, { target: { value: 'payroll_push' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const doc = store.getState().doc as Doc;
    expect(doc.strategies.map((s) => s.id)).toEqual([
      'omni_fund',
      'payroll_push',
      'app_activation',
      'inflow_wm',
    ]);
    expect(doc.uncertainty.at(-1)?.param).toBe('strategies[payroll_push].offer.fit');
    store.getState().undo();
    expect(store.getState().text).toBe(before);
  });

  it('refuses an id that is taken or malformed, saying why, and changes nothing', async () => {
    const store = await setupStore();
    const before = store.getState().text;
    renderWithStore(store, <StrategyIdBar id="payday_wmp" onSelect={() => {}} />);
    const input = screen.getByTestId('strategy-id');
    fireEvent.change(input, { target: { value: 'omni_fund' } });
    expect(screen.getByRole('alert').textContent).toBe('omni_fund is already used by another strategy');
    fireEvent.blur(input);
    fireEvent.change(input, { target: { value: '2fast' } });
    expect(screen.getByRole('alert').textContent).toContain('lower_snake_case');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.getState().text).toBe(before);
  });

  it('moves the strategy earlier or later in the list', async () => {
    const store = await setupStore();
    const selected: number[] = [];
    renderWithStore(store, <StrategyIdBar id="payday_wmp" onSelect={(i) => selected.push(i)} />);
    fireEvent.click(screen.getByTestId('strategy-move-earlier-payday_wmp'));
    expect((store.getState().doc as Doc).strategies.map((s) => s.id)[0]).toBe('payday_wmp');
    expect(selected).toEqual([0]);
    expect((screen.getByTestId('strategy-move-earlier-payday_wmp') as HTMLButtonElement).disabled).toBe(true);
  });
});
