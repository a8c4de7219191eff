// Results as files: the whole RunSummary as JSON (typed arrays as plain arrays) and one CSV row
// per strategy with the key KPIs: mean, its Monte Carlo SE, and the band 90% of replications fall
// in (5th and 95th percentile over replications), in the words the studio and the CLI use.
import {
  bothLanguages,
  type CsvCell,
  type RunSummary,
  type Stat,
  type StrategySummary,
  toCsv,
} from '../../../sim/index';

export function summaryToJson(summary: RunSummary): string {
  return JSON.stringify(
    summary,
    (_key, value) => (value instanceof Float64Array ? Array.from(value) : value),
    2,
  );
}

type Col = [name: string, get: (s: StrategySummary) => CsvCell];

const stat = (name: string, get: (s: StrategySummary) => Stat): Col[] => [
  [`${name}_mean`, (s) => get(s).mean],
  [`${name}_mc_se`, (s) => get(s).mcSe],
  [`${name}_p05_of_replications`, (s) => get(s).p05],
  [`${name}_p95_of_replications`, (s) => get(s).p95],
];

export const CSV_COLUMNS: Col[] = [
  ['strategy_id', (s) => s.id],
  ['strategy_label', (s) => bothLanguages(s.label)],
  ['offer_product', (s) => s.offerProduct],
  ['holdout_share', (s) => s.holdoutShare],
  ['targeted_treatment', (s) => s.funnelTreatment.targeted],
  ['targeted_control', (s) => s.funnelControl.targeted],
  ...stat('conversion_treatment', (s) => s.conversionRate.treatment),
  ...stat('conversion_control', (s) => s.conversionRate.control),
  ...stat('conversion_uplift', (s) => s.conversionRate.uplift),
  ['conversion_uplift_share_of_replications_above_0', (s) => s.conversionRate.uplift.pPositive],
  ...stat('new_money_uplift_per_customer_cny', (s) => s.newMoneyPerCustomerCny.uplift),
  ...stat('new_money_uplift_total_cny', (s) => s.newMoneyUpliftTotalCny),
  ...stat('incremental_value_cny', (s) => s.incrementalValueCny),
  ...stat('roi_randomized', (s) => s.roi),
  ...stat('modelled_conversion_uplift_pp', (s) => s.modelled.conversionUpliftPp),
  ...stat('modelled_new_money_per_customer_cny', (s) => s.modelled.newMoneyPerCustomerCny),
  ...stat('modelled_value_cny', (s) => s.modelled.valueCny),
  ...stat('modelled_roi', (s) => s.modelled.roi),
  ['modelled_roi_share_of_replications_above_1', (s) => s.modelled.roi.pAbove1],
  ...stat('cost_total_cny', (s) => s.cost.totalCny),
  ['cost_of_which_staff_cny_mean', (s) => s.cost.staffCny.mean],
  ['cost_per_incremental_buyer_cny', (s) => s.modelled.costPerIncrementalBuyerCny],
  ['cost_per_cny_of_modelled_new_money', (s) => s.modelled.costPerCnyNewMoney],
  ['pilot_power_conversion', (s) => s.pilot.powerConversion],
  ['pilot_power_conversion_mc_se', (s) => s.pilot.powerConversionSe],
  ['pilot_power_net_new_money', (s) => s.pilot.powerAum],
  ['pilot_power_net_new_money_mc_se', (s) => s.pilot.powerAumSe],
  ...(
    [
      ['products_held_per_customer', (s: StrategySummary) => s.productsHeldPerCustomer],
      ['mau_rate', (s: StrategySummary) => s.mauRate],
      ['app_logins_per_month', (s: StrategySummary) => s.appLoginsPerMonth],
      ['tier_up_rate', (s: StrategySummary) => s.tierUpRate],
      ['attrition_rate', (s: StrategySummary) => s.attritionRate],
    ] as const
  ).flatMap(([name, get]): Col[] => [
    [`${name}_treatment_mean`, (s) => get(s).treatment.mean],
    [`${name}_control_mean`, (s) => get(s).control.mean],
    ...stat(`${name}_uplift`, (s) => get(s).uplift),
    [`${name}_naive_ratio_mean`, (s) => get(s).naiveRatio.mean],
  ]),
  ['verdict_code', (s) => s.verdict.code],
];

/** One row per strategy; UTF-8 with a byte-order mark (spreadsheets then read the Chinese labels), CRLF. */
export function summaryToCsv(summary: RunSummary): string {
  const header = ['scenario', 'seed', 'replications', ...CSV_COLUMNS.map(([n]) => n)];
  const rows = summary.strategies.map((s) => [
    bothLanguages(summary.scenarioName),
    summary.seed,
    summary.replicationsDone,
    ...CSV_COLUMNS.map(([, get]) => get(s)),
  ]);
  return toCsv([header, ...rows], { hasBom: true });
}

export function baseName(fileName: string): string {
  return (fileName || 'scenario').replace(/\.json$/i, '').replace(/[\\/:*?"<>|]/g, '_');
}
