// The summaries a pilot is compared on, from observed per-arm totals and from a simulated
// replication's record alike (the same function reads both), and the per-branch rows a simulated
// pilot would report (pilot-data).
import { GROUP_FIELDS, recordLayout } from '../engine/layout';
import { branchName } from '../scenario/cross-check';
import type { Scenario } from '../scenario/schema';
import type { ArmTotals } from './observed-check';

export const SUMMARY_IDS = [
  'reachRate',
  'responseRate',
  'conversionTreatment',
  'conversionControl',
  'newMoneyTreatmentCny',
  'newMoneyControlCny',
  'productsGainedTreatment',
  'productsGainedControl',
  'appActiveTreatment',
  'appActiveControl',
] as const;
export type SummaryId = (typeof SUMMARY_IDS)[number];

const ratio = (a: number | null, b: number | null) => (a === null || b === null || !(b > 0) ? null : a / b);

/**
 * Summaries of a pilot (null where the figures are missing): reach = reached ÷ targeted and
 * response = responded ÷ reached in the treatment arm; conversion (buyers ÷ targeted), net new
 * money per targeted customer (CNY), products gained and app-active share per targeted customer, per arm.
 */
export function pilotSummaries(t: ArmTotals, c: ArmTotals): Record<SummaryId, number | null> {
  return {
    reachRate: ratio(t.reached, t.targeted),
    responseRate: ratio(t.responded, t.reached),
    conversionTreatment: ratio(t.buyers, t.targeted),
    conversionControl: ratio(c.buyers, c.targeted),
    newMoneyTreatmentCny: ratio(t.netNewMoneyCny, t.targeted),
    newMoneyControlCny: ratio(c.netNewMoneyCny, c.targeted),
    productsGainedTreatment: ratio(t.productsGained, t.targeted),
    productsGainedControl: ratio(c.productsGained, c.targeted),
    appActiveTreatment: ratio(t.activeAppUsers, t.targeted),
    appActiveControl: ratio(c.activeAppUsers, c.targeted),
  };
}

/** Per-arm totals of strategy `si` in one replication's record (control is never contacted). */
export function recordTotals(
  scenario: Scenario,
  record: Float64Array,
  offset: number,
  si: number,
): { treatment: ArmTotals; control: ArmTotals } {
  const sc = recordLayout(scenario).strategies[si].scalar;
  const v = (k: keyof typeof sc) => record[offset + sc[k]];
  return {
    treatment: {
      targeted: v('targetedT'),
      reached: v('reachedT'),
      responded: v('respondedT'),
      buyers: v('buyersT'),
      netNewMoneyCny: v('netNewMoneyT'),
      netNewMoneySq: v('netNewMoneySqT'),
      productsGained: v('productsDeltaT'),
      activeAppUsers: v('mauT'),
    },
    control: {
      targeted: v('targetedC'),
      reached: 0,
      responded: 0,
      buyers: v('buyersC'),
      netNewMoneyCny: v('netNewMoneyC'),
      netNewMoneySq: v('netNewMoneySqC'),
      productsGained: v('productsDeltaC'),
      activeAppUsers: v('mauC'),
    },
  };
}

export type BranchFigures = {
  branch: string;
  arm: 'treatment' | 'control';
  targeted: number;
  buyers: number;
  netNewMoneyCny: number;
};

/** The branches of strategy `si` with targeted customers in one replication, per arm (what a pilot reports per branch). */
export function recordBranches(
  scenario: Scenario,
  record: Float64Array,
  offset: number,
  si: number,
): BranchFigures[] {
  const L = recordLayout(scenario);
  const GF = GROUP_FIELDS.length;
  const f = (name: (typeof GROUP_FIELDS)[number]) => GROUP_FIELDS.indexOf(name);
  const out: BranchFigures[] = [];
  for (let b = 0; b < L.nBranches; b++) {
    const o = offset + L.strategies[si].branches + b * GF;
    for (const [arm, s] of [
      ['treatment', 'T'],
      ['control', 'C'],
    ] as const) {
      const targeted = record[o + f(`targeted${s}`)];
      if (targeted > 0)
        out.push({
          branch: branchName(b),
          arm,
          targeted,
          buyers: record[o + f(`buyers${s}`)],
          netNewMoneyCny: record[o + f(`netNewMoney${s}`)],
        });
    }
  }
  return out;
}
