// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { renderWithStore, setupStore } from '../../test/render';
import { LedgerTable } from './LedgerTable';

afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

describe('the ledger in the printed report', () => {
  it('lists every prior and marked assumption with its range, source and note, in the studio language', async () => {
    const store = await setupStore();
    renderWithStore(store, <LedgerTable />);
    const rows = within(screen.getByTestId('print-ledger')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    const wm = screen.getByTestId('print-ledger-channels[wealth_manager].closeRate');
    expect(wm.textContent).toContain('Beta');
    expect(wm.textContent).toContain("prior's 5th–95th percentile");
    expect(wm.textContent).toContain('Seed figure · seed 004: conversion 36.5% of use-case groups');
    expect(wm.textContent).toContain("calibrated to seed 004's conversion level");
    const sms = screen.getByTestId('print-ledger-channels[sms].responseEffect');
    expect(sms.textContent).toContain('0.16 – 0.24 (±20% of the value)');
    await setLanguage('zh-CN');
    expect(await screen.findByText('假设清单')).toBeTruthy();
    expect(screen.getByTestId('print-ledger-channels[wealth_manager].closeRate').textContent).toContain(
      '理财经理成交率按种子 004 的转化水平校准',
    );
  });

  it('prints nothing for a scenario without assumptions', async () => {
    const store = await setupStore((doc) => {
      doc.uncertainty = [];
      delete (doc as { ledger?: unknown }).ledger;
    });
    renderWithStore(store, <LedgerTable />);
    expect(screen.queryByTestId('print-ledger')).toBeNull();
  });
});
