// Results as files: the whole RunSummary as JSON (typed arrays as plain arrays) and one CSV row
// per strategy with the key KPIs (mean, 5th and 95th percentile over replications).
import type { RunSummary, Stat, StrategySummary } from '../../../sim/index';

export function summaryToJson(summary: RunSummary): string {
  return JSON.stringify(
    summary,
    (_key, value) => (value instanceof Float64Array ? Array.from(value) : value),
    2,
  );
}

function csvCell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

type Col = [name: string, get: (s: StrategySummary) => unknown];

const stat = (name: string, get: (s: StrategySummary) => Stat): Col[] => [
  [`${name}_mean`, (s) => get(s).mean],
  [`${name}_p05`, (s) => get(s).p05],
  [`${name}_p95`, (s) => get(s).p95],
];

export const CSV_COLUMNS: Col[] = [
  ['strategy_id', (s) => s.id],
  ['strategy_label', (s) => s.label],
  ['offer_product', (s) => s.offerProduct],
  ['holdout_share', (s) => s.holdoutShare],
  ['targeted_treatment', (s) => s.funnelTreatment.targeted],
  ['targeted_control', (s) => s.funnelControl.targeted],
  ...stat('conversion_treatment', (s) => s.conversionRate.treatment),
  ...stat('conversion_control', (s) => s.conversionRate.control),
  ...stat('conversion_uplift', (s) => s.conversionRate.uplift),
  ['conversion_uplift_p_positive', (s) => s.conversionRate.uplift.pPositive],
  ...stat('new_money_uplift_per_customer_cny', (s) => s.newMoneyPerCustomerCny.uplift),
  ...stat('new_money_uplift_total_cny', (s) => s.newMoneyUpliftTotalCny),
  ...stat('incremental_value_cny', (s) => s.incrementalValueCny),
  ...stat('cost_total_cny', (s) => s.cost.totalCny),
  ...stat('roi', (s) => s.roi),
  ['roi_p_above_1', (s) => s.roi.pAbove1],
  ['pilot_power_conversion', (s) => s.pilot.powerConversion],
];

export function summaryToCsv(summary: RunSummary): string {
  const header = ['scenario', 'seed', 'replications', ...CSV_COLUMNS.map(([n]) => n)];
  const rows = summary.strategies.map((s) =>
    [summary.scenarioName, summary.seed, summary.replicationsDone, ...CSV_COLUMNS.map(([, get]) => get(s))]
      .map(csvCell)
      .join(','),
  );
  // The byte-order mark makes spreadsheet programs read the Chinese labels as UTF-8.
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function baseName(fileName: string): string {
  return (fileName || 'scenario').replace(/\.json$/i, '').replace(/[\\/:*?"<>|]/g, '_');
}
