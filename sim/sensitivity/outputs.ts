// The outputs a sensitivity analysis reads, per replication, from a run's records: the modelled
// (counterfactual) effect, its value, ROI, cost and staff hours, for one strategy or all of them,
// and what an optimizer's constraints read: the pilot test's power, contacts per customer and the
// contacts the contact policy held back, staff hours per branch and week.
// Only a few figures per replication and strategy are kept, so many runs fit in memory.
import { recordLayout, STEP, STEP_FIELDS, STRATEGY_CHANNEL, STRATEGY_CHANNEL_FIELDS } from '../engine/layout';
import { SIGNIFICANCE_ALPHA } from '../engine/summarize';
import type { ReplicationBlock } from '../run-settings';
import type { Scenario } from '../scenario/schema';
import { statOf } from '../stats/summary';
import { SensitivityError } from './errors';

/**
 * What a sensitivity analysis can measure. Sums are per replication over the chosen strategies;
 * ratios are ratios of means (docs/model.md):
 * - modelledNewMoney: modelled net new money of the treated, CNY (each customer vs their own counterfactual);
 * - modelledValue: modelled incremental value, CNY;
 * - roi: modelled value ÷ total cost;
 * - conversionUplift: modelled incremental buyers ÷ targeted treated customers, percentage points;
 * - cost: total cost (contacts + incentives), CNY;
 * - staffHours: staff hours spent;
 * - staffHoursPerBranchWeek: staff hours ÷ (branches × weeks): the average over branches and
 *   weeks (the records keep staff time per strategy and channel, not per branch or week, so the
 *   busiest branch or week is not known here);
 * - pilotPowerConversion / pilotPowerAum: the share of replications in which the pilot's own
 *   analysis (covariate-adjusted randomization test, docs/model.md) finds the conversion / net new
 *   money effect at α = SIGNIFICANCE_ALPHA (p ≤ 0.05), among replications where the test could run;
 *   for all strategies together, the share over strategies and replications;
 * - contactsPerCustomer: contact attempts made ÷ targeted treated customers, over the horizon;
 * - policySuppressed: contacts the contact policy held back (a customer over the weekly or 4-week
 *   cap; postponed or dropped), counted each time.
 */
export const SENSITIVITY_OUTPUTS = [
  'modelledNewMoney',
  'modelledValue',
  'roi',
  'conversionUplift',
  'cost',
  'staffHours',
  'staffHoursPerBranchWeek',
  'pilotPowerConversion',
  'pilotPowerAum',
  'contactsPerCustomer',
  'policySuppressed',
] as const;
export type SensitivityOutput = (typeof SENSITIVITY_OUTPUTS)[number];

/** The figures kept per replication and strategy. */
const FIGURES = [
  'newMoney',
  'value',
  'buyers',
  'targeted',
  'cost',
  'staffHours',
  'detectedConversion',
  'testedConversion',
  'detectedAum',
  'testedAum',
  'contacts',
  'suppressed',
] as const;
type Figure = (typeof FIGURES)[number];

/** Per-replication figures of one run: values[strategy][figure][replication]. */
export type ReplicationFigures = {
  replications: number;
  strategies: string[];
  values: Float64Array[][];
  /** Branches × weeks of the scenario (staffHoursPerBranchWeek divides by it). */
  branchWeeks: number;
};

/** A pilot test's p-value as (tested, detected): rejected when p ≤ α (p-values are multiples of 1/200). */
function detection(p: number): [number, number] {
  if (!Number.isFinite(p)) return [0, 0];
  return [1, p <= SIGNIFICANCE_ALPHA + 1e-12 ? 1 : 0];
}

/** Read the kept figures from a run's blocks (covering [0, n) in any order). */
export function replicationFigures(
  scenario: Scenario,
  blocks: readonly ReplicationBlock[],
): ReplicationFigures {
  const L = recordLayout(scenario);
  const n = blocks.reduce((m, b) => Math.max(m, b.end), 0);
  const values = L.strategies.map(() => FIGURES.map(() => new Float64Array(n)));
  for (const b of blocks) {
    for (let r = b.start; r < b.end; r++) {
      const o = (r - b.start) * L.length;
      L.strategies.forEach((lay, si) => {
        const at = (k: keyof typeof lay.scalar) => b.data[o + lay.scalar[k]];
        const v = values[si];
        v[0][r] = at('modelledNewMoneyT');
        v[1][r] = at('modelledValueT');
        v[2][r] = at('modelledBuyersT');
        v[3][r] = at('targetedT');
        v[4][r] = at('costContacts') + at('costIncentives');
        v[5][r] = at('staffMinutes') / 60;
        [v[7][r], v[6][r]] = detection(at('pConversion'));
        [v[9][r], v[8][r]] = detection(at('pAum'));
        let contacts = 0;
        for (let c = 0; c < L.nChannels; c++)
          contacts +=
            b.data[o + lay.channels + c * STRATEGY_CHANNEL_FIELDS.length + STRATEGY_CHANNEL.attempts];
        v[10][r] = contacts;
        let suppressed = 0;
        for (let k = 0; k < scenario.strategies[si].journey.steps.length; k++)
          suppressed += b.data[o + lay.steps + k * STEP_FIELDS.length + STEP.suppressed];
        v[11][r] = suppressed;
      });
    }
  }
  return {
    replications: n,
    strategies: scenario.strategies.map((s) => s.id),
    values,
    branchWeeks: L.nBranches * L.nWeeks,
  };
}

/** An output per replication: num, or num ÷ den as a ratio of means (den null for a sum). */
export type OutputSamples = { num: Float64Array; den: Float64Array | null; scale: number };

const RATIOS: Partial<Record<SensitivityOutput, [Figure, Figure, number]>> = {
  roi: ['value', 'cost', 1],
  conversionUplift: ['buyers', 'targeted', 100],
  pilotPowerConversion: ['detectedConversion', 'testedConversion', 1],
  pilotPowerAum: ['detectedAum', 'testedAum', 1],
  contactsPerCustomer: ['contacts', 'targeted', 1],
};
const SUMS: Partial<Record<SensitivityOutput, Figure>> = {
  modelledNewMoney: 'newMoney',
  modelledValue: 'value',
  cost: 'cost',
  staffHours: 'staffHours',
  staffHoursPerBranchWeek: 'staffHours',
  policySuppressed: 'suppressed',
};

/** The samples of `output` for one strategy (by id) or, with null, all strategies together. */
export function outputSamples(
  fig: ReplicationFigures,
  output: SensitivityOutput,
  strategy: string | null,
): OutputSamples {
  const picked =
    strategy === null
      ? fig.values.map((_, i) => i)
      : [fig.strategies.indexOf(strategy)].filter((i) => i >= 0);
  if (picked.length === 0)
    throw new SensitivityError('unknown-strategy', { strategy: String(strategy), known: fig.strategies });
  const sum = (f: Figure) => {
    const k = FIGURES.indexOf(f);
    const out = new Float64Array(fig.replications);
    for (const si of picked) {
      const v = fig.values[si][k];
      for (let r = 0; r < out.length; r++) out[r] += v[r];
    }
    return out;
  };
  const ratio = RATIOS[output];
  if (ratio) return { num: sum(ratio[0]), den: sum(ratio[1]), scale: ratio[2] };
  const f = SUMS[output];
  if (!f) throw new SensitivityError('unknown-output', { output, known: [...SENSITIVITY_OUTPUTS] });
  if (output === 'staffHoursPerBranchWeek')
    return { num: sum(f).map((x) => x / Math.max(1, fig.branchWeeks)), den: null, scale: 1 };
  return { num: sum(f), den: null, scale: 1 };
}

const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;

/** The output's estimate: mean(num), or scale × mean(num) ÷ mean(den). */
export function estimateOf(s: OutputSamples): number {
  return s.den ? (s.scale * mean(s.num)) / mean(s.den) : mean(s.num);
}

/**
 * Per-replication influence values of the estimate: their mean is the estimate's linear part, so
 * the SE of a difference of two estimates on common random numbers is the SD of the paired
 * differences of these values ÷ √n. A ratio of means R = ā / b̄ is linearized (delta method) as
 * z_r = scale × (a_r − R·b_r) / b̄ + R.
 */
export function influenceValues(s: OutputSamples): Float64Array {
  if (!s.den) return s.num;
  const den = s.den;
  const meanDen = mean(den);
  const r = mean(s.num) / meanDen;
  return s.num.map((a, k) => (s.scale * (a - r * den[k])) / meanDen + s.scale * r);
}

/** Difference of two outputs on the same replications, and its Monte Carlo SE (paired). */
export function pairedChange(low: OutputSamples, high: OutputSamples): { diff: number; se: number } {
  const a = influenceValues(low);
  const b = influenceValues(high);
  return { diff: estimateOf(high) - estimateOf(low), se: statOf(b.map((x, k) => x - a[k])).mcSe };
}

/** The estimate's own Monte Carlo SE (SD of the influence values ÷ √n). */
export function estimateSe(s: OutputSamples): number {
  return statOf(influenceValues(s)).mcSe;
}
