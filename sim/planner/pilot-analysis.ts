// Reading one simulated pilot: power and MDE from the summary, the ICC and customer SD the
// records imply, the analytic planner fed with them, and the notes on where the two disagree.
import { GROUP_FIELDS, recordLayout } from '../engine/layout';
import type { RunSummary, StrategySummary } from '../results';
import type { Scenario } from '../scenario/schema';
import { normalInv, tQuantile } from '../stats/dist';
import { anovaIcc, type IccEstimate, type IccGroup, iccOverReplications } from '../stats/icc';
import { planPower } from './analytic';
import { sampleRatioMismatch } from './branch-selection';
import { PlannerInputError } from './errors';
import { notesFor } from './pilot-notes';
import {
  type AnalyticAnswer,
  type AnalyticError,
  type HoldoutLevel,
  type OutcomeResult,
  PILOT_ALPHA,
  PILOT_TARGET_POWER,
  type PilotRun,
  type PilotStrategyPoint,
  type PointContext,
  type RunPoint,
} from './pilot-types';

/**
 * ICC of conversion (0/1: bought the offer) or of net new money per customer across branches,
 * implied by a run: per replication, the ANOVA estimator over the (branch, arm) groups of the
 * strategy's per-branch records, with the arm as a stratum; then the mean over replications.
 * `records` are the concatenated replication records of `scenario` (see concatBlocks).
 */
export function branchIcc(
  scenario: Scenario,
  records: Float64Array,
  strategyIndex: number,
  outcome: 'conversion' | 'aum',
): IccEstimate {
  const L = recordLayout(scenario);
  const lay = L.strategies[strategyIndex];
  const GF = GROUP_FIELDS.length;
  const count = Math.floor(records.length / L.length);
  const values: number[] = [];
  const offset = outcome === 'conversion' ? 2 : 4;
  for (let r = 0; r < count; r++) {
    const base = r * L.length;
    const groups: IccGroup[] = [];
    const sumSq = [0, 0];
    for (let b = 0; b < L.nBranches; b++) {
      const o = base + lay.branches + b * GF;
      for (const arm of [0, 1]) {
        const n = records[o + arm];
        if (n > 0) {
          const s = records[o + offset + arm];
          groups.push({ arm, n, sum: s });
          if (outcome === 'conversion') sumSq[arm] += s;
        }
      }
    }
    if (outcome === 'aum') {
      sumSq[0] = records[base + lay.scalar.netNewMoneySqT];
      sumSq[1] = records[base + lay.scalar.netNewMoneySqC];
    }
    const icc = anovaIcc(groups, sumSq);
    if (Number.isFinite(icc)) values.push(icc);
  }
  return iccOverReplications(values);
}

/**
 * Customer-level SD of net new money (CNY), pooled within arms and over replications:
 * √(mean over replications of (SSₜ + SS꜀)/(nₜ + n꜀ − 2)), from the per-arm sums and sums of squares.
 */
export function customerSdOfNewMoney(
  scenario: Scenario,
  records: Float64Array,
  strategyIndex: number,
): number {
  const L = recordLayout(scenario);
  const sc = L.strategies[strategyIndex].scalar;
  const count = Math.floor(records.length / L.length);
  let sumVar = 0;
  let k = 0;
  for (let r = 0; r < count; r++) {
    const o = r * L.length;
    const nT = records[o + sc.targetedT];
    const nC = records[o + sc.targetedC];
    if (nT + nC < 3) continue;
    const ss = (sum: number, sq: number, n: number) => (n > 0 ? sq - (sum * sum) / n : 0);
    const within =
      ss(records[o + sc.netNewMoneyT], records[o + sc.netNewMoneySqT], nT) +
      ss(records[o + sc.netNewMoneyC], records[o + sc.netNewMoneySqC], nC);
    sumVar += Math.max(0, within) / (nT + nC - 2);
    k++;
  }
  return k ? Math.sqrt(sumVar / k) : Number.NaN;
}

/**
 * The multiplier of the MDE ≈ (q₁₋α/₂ + q_power) × SE: normal quantiles (z) when `df` is null,
 * Student t quantiles with `df` degrees of freedom otherwise (2(k − 1) for k branches per arm).
 * z at α = 0.05 and power 0.8: 1.959964 + 0.841621 = 2.801585.
 */
export function mdeMultiplier(alpha: number, power: number, df: number | null): number {
  if (df === null) return normalInv(1 - alpha / 2) + normalInv(power);
  return tQuantile(1 - alpha / 2, df) + tQuantile(power, df);
}

/** Reads one simulated pilot (summary and records) into power, MDE, ICC and the analytic answer, per strategy. */
export function analysePilotPoint(
  scenario: Scenario,
  summary: RunSummary,
  records: Float64Array,
  ctx: PointContext,
): PilotStrategyPoint[] {
  const hasPriors = scenario.uncertainty.length > 0 || scenario.calendar.market.sdLog > 0;
  return summary.strategies.map((st, si) => {
    const k = ctx.branchesPerArm;
    const tT = st.funnelTreatment.targeted;
    const tC = st.funnelControl.targeted;
    const m = (tT + tC) / (2 * k);
    const df = ctx.level === 'branch' ? 2 * (k - 1) : null;
    const mult = mdeMultiplier(PILOT_ALPHA, PILOT_TARGET_POWER, df);
    const iccConv = branchIcc(scenario, records, si, 'conversion');
    const iccAum = branchIcc(scenario, records, si, 'aum');
    const customerSd = customerSdOfNewMoney(scenario, records, si);
    const convSd = 100 * st.conversionRate.uplift.sd;
    const aumSd = st.newMoneyPerCustomerCny.uplift.sd;
    const design = { k, m, nT: tT, nC: tC, level: ctx.level, cv: ctx.cv };
    const conversion: OutcomeResult = {
      control: st.conversionRate.control.mean,
      treatment: st.conversionRate.treatment.mean,
      uplift: 100 * st.conversionRate.uplift.mean,
      upliftSd: convSd,
      power: st.pilot.powerConversion,
      powerSe: st.pilot.powerConversionSe,
      mde: mult * convSd,
      icc: iccConv,
      analytic: analyticConversion(st, design, iccConv.icc),
    };
    const aum: OutcomeResult & { customerSd: number } = {
      control: st.newMoneyPerCustomerCny.control.mean,
      treatment: st.newMoneyPerCustomerCny.treatment.mean,
      uplift: st.newMoneyPerCustomerCny.uplift.mean,
      upliftSd: aumSd,
      power: st.pilot.powerAum,
      powerSe: st.pilot.powerAumSe,
      mde: mult * aumSd,
      icc: iccAum,
      customerSd,
      analytic: analyticAum(st, design, iccAum.icc, customerSd),
    };
    const point: PilotStrategyPoint = {
      id: st.id,
      label: st.label,
      branchesPerArm: k,
      weeks: ctx.weeks,
      replications: summary.replicationsDone,
      targetedTreatment: tT,
      targetedControl: tC,
      customersPerBranch: m,
      conversion,
      aum,
      srmFlagShare: ctx.level === 'customer' ? srmShare(scenario, records, si, ctx.holdoutShare) : null,
      notes: [],
    };
    point.notes = [
      ...notesFor('conversion', point, ctx, hasPriors),
      ...notesFor('aum', point, ctx, hasPriors),
    ];
    return point;
  });
}

type DesignFacts = { k: number; m: number; nT: number; nC: number; level: HoldoutLevel; cv: number };

/** Why the formula has no answer, as data (a solver that fails outright says so without detail). */
function errorOf(e: unknown): AnalyticError {
  if (e instanceof PlannerInputError)
    return { input: e.input, value: e.value, code: e.code, params: e.params };
  return { input: 'design', value: null, code: 'no-answer', params: {} };
}

/**
 * The branch design as the formula sees it. The pilot's test weighs branch means equally (a
 * cluster-level t test on unweighted means), so the formula uses that test's design effect.
 */
function clusterOf(d: DesignFacts, icc: number) {
  return {
    icc: clampIcc(icc),
    cv: d.cv,
    clustersPerArm: d.k,
    clusterSize: d.m,
    analysis: 'unweighted' as const,
  };
}

/** Per-arm size the analytic formulas (equal arms) see: the harmonic mean 2/(1/nₜ + 1/n꜀) for customer designs. */
function individualN(d: DesignFacts): number {
  return d.nT > 0 && d.nC > 0 ? 2 / (1 / d.nT + 1 / d.nC) : 0;
}

function analyticConversion(st: StrategySummary, d: DesignFacts, icc: number): AnalyticAnswer {
  const pControl = st.conversionRate.control.mean;
  const pTreat = st.conversionRate.treatment.mean;
  const base = {
    alpha: PILOT_ALPHA,
    ...(d.level === 'branch'
      ? {
          test: 't' as const,
          cluster: clusterOf(d, icc),
        }
      : { test: 'z' as const, nPerArm: individualN(d) }),
  };
  const answer: AnalyticAnswer = { power: null, mde: null, designEffect: null, error: null };
  try {
    const r = planPower({ ...base, outcome: { kind: 'binary', pControl, pTreat, method: 'pooled' } });
    answer.power = r.power;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error = errorOf(e);
  }
  try {
    const r = planPower({
      ...base,
      power: PILOT_TARGET_POWER,
      outcome: { kind: 'binary', pControl, method: 'pooled' },
    });
    answer.mde = 100 * r.mdeDifference!;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error ??= errorOf(e);
  }
  return answer;
}

function analyticAum(st: StrategySummary, d: DesignFacts, icc: number, sd: number): AnalyticAnswer {
  const delta = st.newMoneyPerCustomerCny.uplift.mean;
  const base = {
    alpha: PILOT_ALPHA,
    test: 't' as const,
    ...(d.level === 'branch' ? { cluster: clusterOf(d, icc) } : { nPerArm: individualN(d) }),
  };
  const answer: AnalyticAnswer = { power: null, mde: null, designEffect: null, error: null };
  try {
    const r = planPower({ ...base, outcome: { kind: 'mean', sd, delta } });
    answer.power = r.power;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error = errorOf(e);
  }
  try {
    const r = planPower({ ...base, power: PILOT_TARGET_POWER, outcome: { kind: 'mean', sd } });
    answer.mde = r.mde!;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error ??= errorOf(e);
  }
  return answer;
}

/** The planner needs an ICC in [0, 1): negative (noise) estimates count as 0. */
function clampIcc(icc: number): number {
  return Number.isFinite(icc) ? Math.min(0.99, Math.max(0, icc)) : 0;
}

function srmShare(scenario: Scenario, records: Float64Array, si: number, holdoutShare: number): number {
  const L = recordLayout(scenario);
  const sc = L.strategies[si].scalar;
  const count = Math.floor(records.length / L.length);
  let flagged = 0;
  let n = 0;
  for (let r = 0; r < count; r++) {
    const t = records[r * L.length + sc.targetedT];
    const c = records[r * L.length + sc.targetedC];
    if (t + c <= 0) continue;
    n++;
    if (sampleRatioMismatch([t, c], [1 - holdoutShare, holdoutShare]).isMismatch) flagged++;
  }
  return n ? flagged / n : Number.NaN;
}

/**
 * Reads a finished run of a plan where its records are: the summary as is, and for a pilot point
 * (`point.pilot` set) its per-strategy analysis. Every runner calls this, so the studio's workers,
 * the CLI and tests read a run the same way.
 */
export function readPilotRun(
  scenario: Scenario,
  summary: RunSummary,
  records: Float64Array,
  point: RunPoint,
): PilotRun {
  return { summary, pilot: point.pilot ? analysePilotPoint(scenario, summary, records, point.pilot) : null };
}
