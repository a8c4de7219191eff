// Runtime: Node (CLI). The readable summary on stdout, and the JSON / per-replication CSV files.

import { catalogueT, verdictText as wordVerdict } from '../../messages/index';
import type { RunSettings } from '../api';
import { type CsvCell, toCsv } from '../csv';
import type { StrategyScalar } from '../engine/layout';
import type { SummaryColumns } from '../engine/summary-columns';
import type { DomainOutcome, RunSummary, Stat, StrategySummary, UpliftStat } from '../results';
import type { Scenario } from '../scenario';
import { bothLanguages } from '../scenario/local-text';

const num = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const signed = (x: number, digits = 2) =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${num(x, digits)}` : '–';
const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : '–');
const cny = (x: number) => (Number.isFinite(x) ? `¥${num(x)}` : '–');
const signedCny = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}¥${num(Math.abs(x))}` : '–');
/** Relative uplift from the mean rates (a mean of per-replication ratios is unstable when control rates are small). */
const relative = (t: number, c: number) =>
  c > 0 && Number.isFinite(t) ? `${signed(100 * (t / c - 1), 0)}%` : 'n/a: no control buyers';
/** The band across replications and the Monte Carlo SE of the mean, in the words the studio uses. */
const interval = (s: Stat, f: (x: number) => string) =>
  `(± ${f(s.mcSe).replace(/^[+−-]/, '')} MC SE; 90% of replications in [${f(s.p05)}, ${f(s.p95)}])`;
const share = (x: number, total: number) => (total > 0 ? pct(x / total, 0) : '–');

type Fmt = (x: number) => string;
const ppOf: Fmt = (x) => `${signed(100 * x, 2)} pp`;
const signedNum =
  (digits: number): Fmt =>
  (x) =>
    signed(x, digits);
const DOMAIN: Array<[string, (st: StrategySummary) => DomainOutcome, Fmt, Fmt]> = [
  ['products held', (st) => st.productsHeldPerCustomer, (x) => num(x, 3), signedNum(3)],
  ['app users (MAU)', (st) => st.mauRate, (x) => pct(x, 1), ppOf],
  ['app logins / month', (st) => st.appLoginsPerMonth, (x) => num(x, 2), signedNum(2)],
  ['moved up a tier', (st) => st.tierUpRate, (x) => pct(x, 2), ppOf],
  ['attrition', (st) => st.attritionRate, (x) => pct(x, 2), ppOf],
];

/** Per targeted customer: treatment vs control, the uplift with its band, and the naive multiple. */
function domainLines(st: StrategySummary): string[] {
  return DOMAIN.map(([name, get, f, up], k) => {
    const d = get(st);
    return `${(k === 0 ? '  per customer' : '').padEnd(25)}${name.padEnd(20)}treatment ${f(d.treatment.mean)} vs control ${f(d.control.mean)}: uplift ${up(d.uplift.mean)} ${interval(d.uplift, up)}; naive participants ÷ others ×${num(d.naiveRatio.mean, 2)}`;
  });
}

const t = catalogueT('en');
/** The verdict in the CLI's English, through the shared catalogue (the studio words the same codes). */
const verdictText = (v: StrategySummary['verdict']) =>
  wordVerdict(v, t, {
    pp: (x) => `${signed(x)} pp`,
    cny: signedCny,
    ratio: (x) => num(x, 2),
    probability: (x) => pct(x, 0),
  });

function strategyBlock(st: StrategySummary): string {
  const f = st.funnelTreatment;
  const c = st.funnelControl;
  const conv = st.conversionRate;
  const upPp: UpliftStat = st.naive.causalUpliftPp;
  const cost = st.cost;
  const total = cost.totalCny.mean;
  const m = st.modelled;
  const lines = [
    `${st.id} · ${bothLanguages(st.label)}  (offer ${st.offerProduct}, holdout ${pct(st.holdoutShare, 0)} by ${st.assignmentLevel})`,
    `  verdict                ${verdictText(st.verdict)}`,
    `  funnel, treatment      eligible ${num(f.eligible)} → targeted ${num(f.targeted)} → reached ${num(f.reached)} → responded ${num(f.responded)} → converted ${num(f.converted)}`,
    `  bought the offer       treatment ${pct(conv.treatment.mean, 2)} of ${num(f.targeted)}   control ${pct(conv.control.mean, 2)} of ${num(c.targeted)}`,
    `  modelled effect        ${signed(m.conversionUpliftPp.mean)} pp incremental buyers ${interval(m.conversionUpliftPp, (x) => signed(x))}`,
    `                         ${signedCny(m.newMoneyPerCustomerCny.mean)} net new money per customer ${interval(m.newMoneyPerCustomerCny, signedCny)}`,
    `                         ${signedCny(m.valueCny.mean)} value ${interval(m.valueCny, signedCny)}; ROI ${num(m.roi.mean, 2)} ${interval(m.roi, (x) => num(x, 2))}, replications with ROI > 1: ${pct(m.roi.pAbove1, 0)}`,
    '                         (each treated customer against their own counterfactual: the expected effect)',
    `  randomized comparison  conversion ${signed(upPp.mean)} pp ${interval(upPp, (x) => signed(x))}, replications with uplift > 0: ${pct(upPp.pPositive, 0)} (relative ${relative(conv.treatment.mean, conv.control.mean)})`,
    `                         net new money ${signedCny(st.newMoneyPerCustomerCny.uplift.mean)} per customer ${interval(st.newMoneyPerCustomerCny.uplift, signedCny)}; total ${signedCny(st.newMoneyUpliftTotalCny.mean)}`,
    `                         value ${signedCny(st.incrementalValueCny.mean)}; ROI ${num(st.roi.mean, 2)} ${interval(st.roi, (x) => num(x, 2))}`,
    `  cost                   ${cny(total)} in total = contacts ${cny(cost.contactsCny.mean)} (${share(cost.contactsCny.mean, total)}) + incentives ${cny(cost.incentivesCny.mean)} (${share(cost.incentivesCny.mean, total)}); of which staff ${cny(cost.staffCny.mean)} (${share(cost.staffCny.mean, total)}, ${num(cost.staffHours.mean)} h)`,
    `                         ${cny(m.costPerIncrementalBuyerCny)} per incremental buyer, ${cny(10_000 * m.costPerCnyNewMoney)} per ¥10,000 of modelled net new money`,
    ...domainLines(st),
    `  naive view             participants ${pct(st.naive.participantsConversion.mean)} vs non-participants ${pct(st.naive.nonParticipantsConversion.mean)}: ${signed(st.naive.naiveUpliftPp.mean)} pp — overstates the causal ${signed(upPp.mean)} pp by ${signed(st.naive.selectionBiasPp.mean)} pp (selection bias)`,
    `  pilot power (α 0.05)   conversion ${pct(st.pilot.powerConversion, 0)}, net new money ${pct(st.pilot.powerAum, 0)} (Monte Carlo 90% interval of the power ±${pct(1.645 * st.pilot.powerConversionSe, 0)} and ±${pct(1.645 * st.pilot.powerAumSe, 0)}); ${st.pilot.analysisLevel}-level randomization test adjusted for AUM`,
    `                         a single pilot's 90% confidence interval for net new money is ${cny(st.pilot.newMoneyIntervalWidthCny)} wide on average`,
  ];
  return lines.join('\n');
}

/** The readable run summary printed on stdout. */
export function summaryTable(s: RunSummary, run: { seconds?: number; runner: string }): string {
  const head = [
    bothLanguages(s.scenarioName),
    `${num(s.replicationsDone)} replications (${s.sampling} sampling), seed ${JSON.stringify(s.seed)}, ${run.runner}${run.seconds === undefined ? '' : `, ${run.seconds.toFixed(1)} s`}; ${num(s.customers)} customers over ${s.weeks} weeks`,
    'Bands: 90% of replications fall in [p05, p95]; ± is the Monte Carlo standard error (MC SE) of the mean. Uplift is treatment minus the randomized control.',
    '',
  ];
  const channels = s.channels
    .filter((c) => c.attempts.mean > 0)
    .map(
      (c) =>
        `  ${c.id.padEnd(16)} ${c.wheel.padEnd(8)} attempts ${num(c.attempts.mean).padStart(9)}  reached ${num(c.reached.mean).padStart(9)}  conversions ${num(c.conversions.mean).padStart(7)}  cost ${cny(c.costCny.mean).padStart(10)}${Number.isFinite(c.capacityUsedShare.mean) ? `  capacity used ${pct(c.capacityUsedShare.mean)}` : ''}${c.leadsDropped.mean > 0 ? `  leads dropped ${num(c.leadsDropped.mean)}` : ''}`,
    );
  return `${[...head, ...s.strategies.map(strategyBlock), '', 'Channels (mean per replication):', ...channels].join('\n')}\n`;
}

/** The full result as JSON (typed arrays as plain arrays). */
export function toJson(scenario: Scenario, settings: RunSettings, summary: RunSummary): string {
  const withText = {
    ...summary,
    strategies: summary.strategies.map((st) => ({
      ...st,
      verdict: { ...st.verdict, text: verdictText(st.verdict) },
    })),
  };
  const doc = {
    kind: 'sandtable.result',
    version: 2,
    scenario: scenario.meta.name,
    settings,
    summary: withText,
  };
  return `${JSON.stringify(doc, (_k, v) => (v instanceof Float64Array ? Array.from(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

const CSV_COLUMNS: Array<[string, StrategyScalar | ((r: (k: StrategyScalar) => number) => number)]> = [
  ['targeted_treatment', 'targetedT'],
  ['targeted_control', 'targetedC'],
  ['reached_treatment', 'reachedT'],
  ['responded_treatment', 'respondedT'],
  ['converted_by_campaign', 'convertedCampaignT'],
  ['buyers_treatment', 'buyersT'],
  ['buyers_control', 'buyersC'],
  ['conversion_uplift_pp', (r) => 100 * (r('buyersT') / r('targetedT') - r('buyersC') / r('targetedC'))],
  ['net_new_money_per_customer_treatment_cny', (r) => r('netNewMoneyT') / r('targetedT')],
  ['net_new_money_per_customer_control_cny', (r) => r('netNewMoneyC') / r('targetedC')],
  ['cost_contacts_cny', 'costContacts'],
  ['cost_incentives_cny', 'costIncentives'],
  ['cost_total_cny', (r) => r('costContacts') + r('costIncentives')],
  ['cost_of_which_staff_cny', 'costStaff'],
  ['staff_minutes', 'staffMinutes'],
  [
    'incremental_value_cny',
    (r) => (r('valueT') / r('targetedT') - r('valueC') / r('targetedC')) * r('targetedT'),
  ],
  ['modelled_incremental_buyers', 'modelledBuyersT'],
  ['modelled_net_new_money_cny', 'modelledNewMoneyT'],
  ['modelled_value_cny', 'modelledValueT'],
  ['modelled_roi', (r) => r('modelledValueT') / (r('costContacts') + r('costIncentives'))],
  ['products_held_per_customer_treatment', (r) => r('productsHeldT') / r('targetedT')],
  ['products_held_per_customer_control', (r) => r('productsHeldC') / r('targetedC')],
  ['mau_rate_treatment', (r) => r('mauT') / r('targetedT')],
  ['mau_rate_control', (r) => r('mauC') / r('targetedC')],
  ['app_logins_per_month_treatment', (r) => r('loginsT') / r('targetedT')],
  ['app_logins_per_month_control', (r) => r('loginsC') / r('targetedC')],
  ['tier_up_rate_treatment', (r) => r('tierUpT') / r('targetedT')],
  ['tier_up_rate_control', (r) => r('tierUpC') / r('targetedC')],
  ['attrition_rate_treatment', (r) => r('attritedT') / r('targetedT')],
  ['attrition_rate_control', (r) => r('attritedC') / r('targetedC')],
  ...(
    [
      ['products_held', 'productsHeldT', 'productsHeldC', 'participantsProductsHeld'],
      ['mau', 'mauT', 'mauC', 'participantsMau'],
      ['app_logins', 'loginsT', 'loginsC', 'participantsLogins'],
      ['tier_up', 'tierUpT', 'tierUpC', 'participantsTierUp'],
      ['attrition', 'attritedT', 'attritedC', 'participantsAttrited'],
    ] as const
  ).map(
    ([name, t, c, part]) =>
      [
        `${name}_naive_ratio`,
        (r: (k: StrategyScalar) => number) =>
          r(part) / r('participants') / ((r(t) + r(c) - r(part)) / r('nonParticipants')),
      ] as [string, (r: (k: StrategyScalar) => number) => number],
  ),
  ['pilot_p_value_conversion', 'pConversion'],
  ['pilot_conversion_uplift_estimate', 'pilotConversionEstimate'],
  ['pilot_conversion_uplift_ci90_low', 'pilotConversionLo'],
  ['pilot_conversion_uplift_ci90_high', 'pilotConversionHi'],
  ['pilot_p_value_net_new_money', 'pAum'],
  ['pilot_net_new_money_uplift_estimate_cny', 'pilotAumEstimate'],
  ['pilot_net_new_money_uplift_ci90_low_cny', 'pilotAumLo'],
  ['pilot_net_new_money_uplift_ci90_high_cny', 'pilotAumHi'],
];

/** One row per replication and strategy, from the run's columns (which keep each strategy's scalars). */
export function perReplicationCsv(scenario: Scenario, settings: RunSettings, cols: SummaryColumns): string {
  const C = cols.layout;
  const data = cols.data;
  const rows: CsvCell[][] = [['replication', 'strategy', ...CSV_COLUMNS.map((c) => c[0]), 'roi']];
  for (let k = 0; k < cols.count; k++) {
    const rec = data.subarray(k * C.width, (k + 1) * C.width);
    scenario.strategies.forEach((st, si) => {
      const sc = C.strategies[si].scalar;
      const get = (key: StrategyScalar) => rec[sc[key]];
      const values = CSV_COLUMNS.map(([, how]) => (typeof how === 'string' ? get(how) : how(get)));
      const inc = values[CSV_COLUMNS.findIndex((c) => c[0] === 'incremental_value_cny')];
      const roi = inc / (get('costContacts') + get('costIncentives'));
      rows.push([cols.first + k, st.id, ...[...values, roi].map((v) => Number(v.toPrecision(12)))]);
    });
  }
  void settings;
  return toCsv(rows, { newline: '\n' });
}
