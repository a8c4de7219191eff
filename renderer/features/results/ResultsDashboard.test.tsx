// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../sim/index';
import { runSummaryFixture } from './fixtures';
import { ResultsDashboard } from './ResultsDashboard';
import { renderWithI18n } from './test-utils';

vi.mock('../../components/charts/export-png', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../components/charts/export-png')>()),
  chartToPngBytes: vi.fn(async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
}));

afterEach(cleanup);

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('ResultsDashboard KPI cards', () => {
  it('shows means, the band 90% of replications fall in, and Monte Carlo SEs of the first strategy', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />);
    // causal uplift 3.00 pp, sd 0.92 → p05/p95 = 3 ∓ 1.6449·0.92
    expect(text('kpi-conversion-uplift-value')).toBe('+3.00 pp');
    expect(text('kpi-conversion-uplift-interval')).toBe('90% of replications in: +1.49 pp – +4.51 pp');
    expect(text('kpi-conversion-uplift-sub')).toBe('Treatment 15.0% vs control 12.0%');
    expect(text('kpi-new-money-per-customer-value')).toBe('+¥2,350');
    expect(text('kpi-new-money-per-customer-interval')).toBe('90% of replications in: +¥541 – +¥4,159');
    // 2,350 CNY × 14,580 targeted customers
    expect(text('kpi-new-money-total-value')).toBe('+¥34.3M');
    expect(text('kpi-roi-value')).toBe('1.85');
    // Modelled ROI: sd 0.45 / 4 → band 1.85 ∓ 1.6449·0.1125; the randomized ROI on the second line.
    expect(text('kpi-roi-interval')).toBe('90% of replications in: 1.66 – 2.04');
    expect(text('kpi-roi-sub')).toBe('Replications with ROI > 1: 99% · randomized ROI 1.85');
    // Monte Carlo SE of the mean: 0.92 / √1000 = 0.029 pp.
    expect(text('kpi-conversion-uplift-se')).toBe('± 0.03 pp Monte Carlo SE of the mean');
    expect(text('verdict')).toContain('Roll out');
    expect(text('verdict')).toContain('86% power');
    expect(text('kpi-p-uplift-value')).toBe('>99%');
    expect(screen.queryByTestId('kpi-p-uplift-interval')).toBeNull();
    expect(text('kpi-power-value')).toBe('86%');
    expect(text('kpi-power-interval')).toBe('Monte Carlo 90% interval of the power: 84% – 88%');
  });

  it('formats in Chinese with 万/亿 and 个百分点', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />, 'zh-CN');
    expect(text('kpi-conversion-uplift-value')).toBe('+3.00个百分点');
    expect(text('kpi-new-money-total-value')).toBe('+3,426万元');
    expect(screen.queryAllByText('转化率提升（对比对照组）')).toHaveLength(1);
  });

  it('switches strategy with the tabs', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />);
    const tab = screen.getByTestId('strategy-tab-payroll-push');
    expect(tab.getAttribute('aria-selected')).toBe('false');
    fireEvent.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(text('kpi-conversion-uplift-value')).toBe('+0.80 pp');
    expect(text('kpi-roi-sub')).toBe('Replications with ROI > 1: 20% · randomized ROI 0.92');
    expect(text('verdict')).toContain('too small to confirm it');
  });
});

describe('ResultsDashboard naive vs causal', () => {
  it('shows both numbers, the bias and the explanation', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />);
    const view = screen.getByTestId('naive-vs-causal');
    // participants 31% vs non-participants 6.6% → 24.40 pp naive; 3.00 pp causal
    expect(within(view).getByTestId('naive-uplift-value').textContent).toBe('+24.40 pp');
    expect(within(view).getByTestId('causal-uplift-value').textContent).toBe('+3.00 pp');
    expect(within(view).getByTestId('selection-bias-value').textContent).toBe('+21.40 pp');
    expect(within(view).getByTestId('naive-explanation').textContent).toMatch(/already likely to buy/);
  });
});

describe('ResultsDashboard states', () => {
  it('marks numbers provisional while running', () => {
    const summary = { ...runSummaryFixture(), replicationsDone: 120 };
    renderWithI18n(<ResultsDashboard summary={summary} isRunning />);
    expect(text('provisional-banner')).toMatch(/120 of 1,000 replications/);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('120');
    expect(screen.getByTestId('kpi-roi').getAttribute('data-provisional')).toBe('true');
  });

  it('collapses intervals with one replication', () => {
    const summary: RunSummary = { ...runSummaryFixture(), replicationsDone: 1, replicationsPlanned: 1 };
    renderWithI18n(<ResultsDashboard summary={summary} isRunning={false} />);
    expect(text('kpi-conversion-uplift-interval')).toBe('No interval with one replication');
    expect(text('one-replication-note')).toBe('Only one replication so far: intervals need at least two.');
  });

  it('survives a strategy that targeted nobody (NaN rates, empty samples and flows)', () => {
    const summary = runSummaryFixture();
    const s = summary.strategies[0];
    const nan = {
      mean: Number.NaN,
      median: Number.NaN,
      p05: Number.NaN,
      p95: Number.NaN,
      sd: Number.NaN,
      mcSe: Number.NaN,
    };
    s.funnelTreatment = { eligible: 0, targeted: 0, reached: 0, responded: 0, converted: 0, buyers: 0 };
    s.funnelControl = { ...s.funnelTreatment };
    s.naive.causalUpliftPp = { ...nan, pPositive: Number.NaN };
    s.newMoneyPerCustomerCny.uplift = { ...nan, pPositive: Number.NaN };
    s.roi = { ...nan, pAbove1: Number.NaN };
    s.modelled.roi = { ...nan, pAbove1: Number.NaN };
    s.samples = {
      conversionUpliftPp: new Float64Array(0),
      newMoneyUpliftPerCustomerCny: new Float64Array(0),
      roi: new Float64Array(0),
      costCny: new Float64Array(0),
      staffHours: new Float64Array(0),
    };
    s.flows = [];
    s.byCell = [];
    s.byBranch = [];
    s.byTier = [];
    s.byWeek = [];
    s.cost.totalCny = { ...nan, mean: 0 };
    renderWithI18n(<ResultsDashboard summary={summary} isRunning={false} />);
    expect(text('no-targeted-note')).toBe(
      'No customer was targeted by this strategy: check its segment rules, trigger and budget.',
    );
    expect(text('kpi-conversion-uplift-value')).toBe('—');
    expect(text('kpi-roi-value')).toBe('—');
    expect(screen.getAllByText('No data for this view.').length).toBeGreaterThan(3);
  });

  it('shows an empty state without strategies', () => {
    renderWithI18n(
      <ResultsDashboard summary={{ ...runSummaryFixture(), strategies: [] }} isRunning={false} />,
    );
    expect(text('results-empty')).toBe('This run has no strategies to show.');
  });
});

describe('ResultsDashboard charts and export', () => {
  it('renders the charts with accessible labels', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />);
    for (const id of [
      'funnel-chart',
      'histogram-conversion-uplift',
      'histogram-roi',
      'flow-sankey',
      'segment-heatmap',
      'tier-chart',
      'branch-chart',
      'weekly-chart',
    ]) {
      const el = screen.getByTestId(id);
      expect(el.getAttribute('role')).toBe('img');
      expect(el.querySelector('svg')).not.toBeNull();
    }
    expect(screen.getByTestId('funnel-chart').getAttribute('aria-label')).toBe(
      'Funnel: treatment vs control',
    );
  });

  it('hands PNG bytes of a chart to onExportPng', async () => {
    const onExportPng = vi.fn();
    renderWithI18n(
      <ResultsDashboard summary={runSummaryFixture()} isRunning={false} onExportPng={onExportPng} />,
    );
    const button = screen.getByRole('button', { name: /Export “Funnel: treatment vs control” as PNG/ });
    fireEvent.click(button);
    await waitFor(() => expect(onExportPng).toHaveBeenCalledTimes(1));
    const [name, bytes] = onExportPng.mock.calls[0];
    expect(name).toMatch(/maturity-wm-funnel\.png$/);
    expect(bytes).toBeInstanceOf(Uint8Array);
  });

  it('lists channels with this strategy and shared columns', () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning={false} />);
    const row = screen.getByTestId('channel-row-wealth_manager');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // attempts 2,600 × 0.6 of this strategy; capacity 97%; 2,600 / 410 / 320 leads queued, cooled, dropped
    expect(cells[0]).toBe('1,560');
    expect(cells.slice(5)).toEqual(['97%', '2,600', '410', '320']);
  });
});
