// Runtime: Node (CLI). The readable summary on stdout, and the JSON / per-replication CSV files.
import type { ReplicationBlock, RunSettings } from '../api';
import { concatBlocks } from '../api';
import { recordLayout, type StrategyScalar } from '../engine/layout';
import type { RunSummary, Stat, StrategySummary, UpliftStat } from '../results';
import type { Scenario } from '../scenario';

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
const interval = (s: Stat, f: (x: number) => string) => `90% [${f(s.p05)}, ${f(s.p95)}]`;

function strategyBlock(st: StrategySummary): string {
  const f = st.funnelTreatment;
  const c = st.funnelControl;
  const conv = st.conversionRate;
  const upPp: UpliftStat = st.naive.causalUpliftPp;
  const lines = [
    `${st.id} · ${st.label}  (offer ${st.offerProduct}, holdout ${pct(st.holdoutShare, 0)} by ${st.assignmentLevel})`,
    `  funnel, treatment      eligible ${num(f.eligible)} → targeted ${num(f.targeted)} → reached ${num(f.reached)} → responded ${num(f.responded)} → converted ${num(f.converted)}`,
    `  bought the offer       treatment ${pct(conv.treatment.mean, 2)} of ${num(f.targeted)}   control ${pct(conv.control.mean, 2)} of ${num(c.targeted)}`,
    `  conversion uplift      ${signed(upPp.mean)} pp  ${interval(upPp, (x) => signed(x))}  P(>0) ${pct(upPp.pPositive, 0)}  (relative ${relative(conv.treatment.mean, conv.control.mean)})`,
    `  net new money uplift   ${signedCny(st.newMoneyPerCustomerCny.uplift.mean)} per customer  ${interval(st.newMoneyPerCustomerCny.uplift, signedCny)};  total ${signedCny(st.newMoneyUpliftTotalCny.mean)}`,
    `  modelled effect        ${signed(st.modelled.conversionUpliftPp.mean)} pp incremental buyers, ${signedCny(st.modelled.newMoneyPerCustomerCny.mean)} net new money per customer  ${interval(st.modelled.newMoneyPerCustomerCny, signedCny)} (each treated customer against their own counterfactual)`,
    `  cost                   ${cny(st.cost.totalCny.mean)} (contacts ${cny(st.cost.contactsCny.mean)}, incentives ${cny(st.cost.incentivesCny.mean)}), staff ${num(st.cost.staffHours.mean)} h`,
    `  ROI                    ${num(st.roi.mean, 2)}  ${interval(st.roi, (x) => num(x, 2))}  P(ROI > 1) ${pct(st.roi.pAbove1, 0)}`,
    `  naive view             participants ${pct(st.naive.participantsConversion.mean)} vs non-participants ${pct(st.naive.nonParticipantsConversion.mean)}: ${signed(st.naive.naiveUpliftPp.mean)} pp — overstates the causal ${signed(upPp.mean)} pp by ${signed(st.naive.selectionBiasPp.mean)} pp (selection bias)`,
    `  pilot power (α 0.05)   conversion ${pct(st.pilot.powerConversion, 0)} ± ${pct(st.pilot.powerConversionSe, 0)}, net new money ${pct(st.pilot.powerAum, 0)} ± ${pct(st.pilot.powerAumSe, 0)}  (${st.pilot.analysisLevel}-level analysis)`,
  ];
  return lines.join('\n');
}

/** The readable run summary printed on stdout. */
export function summaryTable(s: RunSummary, run: { seconds?: number; runner: string }): string {
  const head = [
    `${s.scenarioName}`,
    `${num(s.replicationsDone)} replications (${s.sampling} sampling), seed ${JSON.stringify(s.seed)}, ${run.runner}${run.seconds === undefined ? '' : `, ${run.seconds.toFixed(1)} s`}; ${num(s.customers)} customers over ${s.weeks} weeks`,
    'Intervals are the 5th–95th percentiles across replications; uplift is treatment minus the randomized control.',
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
  const doc = { kind: 'sandtable.result', version: 1, scenario: scenario.meta.name, settings, summary };
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
  ['staff_minutes', 'staffMinutes'],
  [
    'incremental_value_cny',
    (r) => (r('valueT') / r('targetedT') - r('valueC') / r('targetedC')) * r('targetedT'),
  ],
  ['p_value_conversion', 'pConversion'],
  ['p_value_net_new_money', 'pAum'],
];

/** One row per replication and strategy. */
export function perReplicationCsv(
  scenario: Scenario,
  settings: RunSettings,
  blocks: ReplicationBlock[],
): string {
  const L = recordLayout(scenario);
  const data = concatBlocks(blocks, L.length);
  const rows = [['replication', 'strategy', ...CSV_COLUMNS.map((c) => c[0]), 'roi'].join(',')];
  const count = data.length / L.length;
  for (let k = 0; k < count; k++) {
    const rec = data.subarray(k * L.length, (k + 1) * L.length);
    scenario.strategies.forEach((st, si) => {
      const sc = L.strategies[si].scalar;
      const get = (key: StrategyScalar) => rec[sc[key]];
      const values = CSV_COLUMNS.map(([, how]) => (typeof how === 'string' ? get(how) : how(get)));
      const inc = values[CSV_COLUMNS.findIndex((c) => c[0] === 'incremental_value_cny')];
      const roi = inc / (get('costContacts') + get('costIncentives'));
      rows.push(
        [
          String(k),
          st.id,
          ...[...values, roi].map((v) => (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '')),
        ].join(','),
      );
    });
  }
  void settings;
  return `${rows.join('\n')}\n`;
}
