// Simulation-based pilot power: turn a scenario into a branch pilot (2k selected branches, half
// held out, w weeks), read the power of the pilot's own test off the Monte Carlo, and set it
// beside the analytic planner fed with the ICC and branch-size CV the simulation implies.
// Pure: the simulation itself is injected as a runner (worker pool in the CLI and the studio).
import type { RunSettings } from '../api';
import { GROUP_FIELDS, recordLayout } from '../engine/layout';
import type { RunSummary, StrategySummary } from '../results';
import type { Scenario, Strategy } from '../scenario/schema';
import { normalInv } from '../stats/dist';
import { planPower } from './analytic';
import {
  type BranchInfo,
  type BranchSelection,
  type SelectionMethod,
  type StratifyBy,
  sampleRatioMismatch,
  selectBranches,
} from './branch-selection';
import { PlannerInputError } from './errors';
import { tQuantile } from './two-arm';

/** The level and the power the simulated pilot is judged at (the engine tests at α = 0.05). */
export const PILOT_ALPHA = 0.05;
export const PILOT_TARGET_POWER = 0.8;
/** The longest calendar a scenario allows. */
export const MAX_WEEKS = 104;

export type HoldoutLevel = 'branch' | 'customer';
export type Holdout = { level: HoldoutLevel; share: number };

/** How to restrict a scenario to some branches. */
export type RestrictOptions = {
  /** One holdout for every strategy, or one per strategy. */
  holdout: Holdout | ((strategy: Strategy) => Holdout);
  weeks?: number;
  replications?: number;
  /** Multiplies every strategy's budget (e.g. the branches' share of customers). Default 1. */
  budgetScale?: number;
};

/**
 * A copy of `scenario` where every strategy targets only `branches` (a `branch` rule is added to
 * its rules, so existing rules still apply), with the given holdout, horizon (batch trigger weeks
 * are clamped inside it), replications and budget scale.
 */
export function restrictToBranches(
  scenario: Scenario,
  branches: readonly string[],
  opts: RestrictOptions,
): Scenario {
  if (branches.length === 0) {
    throw new PlannerInputError('branches', '[]', 'selects no branch', 'at least one branch name');
  }
  const s = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const weeks = opts.weeks ?? s.calendar.weeks;
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw new PlannerInputError(
      'weeks',
      weeks,
      'is not a horizon',
      `a whole number of weeks from 1 to ${MAX_WEEKS}`,
    );
  }
  s.calendar.weeks = weeks;
  if (opts.replications !== undefined) s.monteCarlo.replications = opts.replications;
  const scale = opts.budgetScale ?? 1;
  for (const st of s.strategies) {
    st.target.rules.push({ attr: 'branch', op: 'in', values: [...branches] });
    const h = typeof opts.holdout === 'function' ? opts.holdout(st) : opts.holdout;
    st.holdout = { level: h.level, share: h.share };
    if (st.trigger.type === 'batch') st.trigger.week = Math.min(st.trigger.week, weeks - 1);
    st.budgetCny = Math.max(0, st.budgetCny * scale);
  }
  return s;
}

/** Share of all customers who belong to `names` (1 when the branch table is empty). */
export function customerShare(branches: readonly BranchInfo[], names: readonly string[]): number {
  const set = new Set(names);
  let total = 0;
  let inside = 0;
  for (const b of branches) {
    total += b.customers;
    if (set.has(b.name)) inside += b.customers;
  }
  return total > 0 ? inside / total : 1;
}

export type PilotDesign = {
  /** The 2k pilot and control branches (the engine re-randomizes which k are control each replication). */
  branches: readonly string[];
  weeks: number;
  replications: number;
  /** 'branch' (default): whole branches, half held out; 'customer': customers within the branches. */
  level?: HoldoutLevel;
  /** Customer-level holdout share (default 0.5); a branch design always holds out half the branches. */
  holdoutShare?: number;
  /** Scale budgets by the branches' share of customers (default true), so spend per customer is kept. */
  isBudgetScaled?: boolean;
};

/**
 * The pilot of a scenario: every strategy targets only the pilot's branches, holdout
 * `{ level: 'branch', share: 0.5 }` (or customer-level), `calendar.weeks = w` with batch triggers
 * clamped inside, `monteCarlo.replications = R`, and budgets scaled to the branches' customers.
 */
export function pilotScenario(
  scenario: Scenario,
  design: PilotDesign,
  branches: readonly BranchInfo[],
): Scenario {
  const level = design.level ?? 'branch';
  const share = level === 'branch' ? 0.5 : (design.holdoutShare ?? 0.5);
  return restrictToBranches(scenario, design.branches, {
    holdout: { level, share },
    weeks: design.weeks,
    replications: design.replications,
    budgetScale: design.isBudgetScaled === false ? 1 : customerShare(branches, design.branches),
  });
}

/** Clusters for the ICC: per group (branch, or branch × arm) its arm, size and outcome sum. */
export type IccGroup = { arm: number; n: number; sum: number };

/**
 * ICC by the one-way ANOVA estimator with the arm as a fixed stratum (Donner & Klar 2000, §3.3;
 * Searle 1971): with K groups of sizes nᵢ in A arms, N customers,
 * SSB = Σ sumᵢ²/nᵢ − Σₐ Sₐ²/Nₐ, SSW = Σₐ SumSqₐ − Σ sumᵢ²/nᵢ, MSB = SSB/(K − A), MSW = SSW/(N − K),
 * n₀ = (N − Σₐ Σᵢ∈ₐ nᵢ²/Nₐ)/(K − A), ICC = (MSB − MSW)/(MSB + (n₀ − 1)·MSW).
 * `sumSqByArm[a]` is the sum of squared outcomes of arm a (for a 0/1 outcome, its successes).
 * May be negative (sampling noise); NaN when there are too few groups or customers.
 */
export function anovaIcc(groups: readonly IccGroup[], sumSqByArm: readonly number[]): number {
  const arms = new Map<number, { n: number; s: number; n2: number }>();
  let N = 0;
  let K = 0;
  let sumSqOverN = 0;
  for (const g of groups) {
    if (!(g.n > 0)) continue;
    K++;
    N += g.n;
    sumSqOverN += (g.sum * g.sum) / g.n;
    const a = arms.get(g.arm) ?? { n: 0, s: 0, n2: 0 };
    a.n += g.n;
    a.s += g.sum;
    a.n2 += g.n * g.n;
    arms.set(g.arm, a);
  }
  const A = arms.size;
  if (K - A < 1 || N - K < 1) return Number.NaN;
  let armTerm = 0;
  let n2Term = 0;
  let totalSq = 0;
  for (const [arm, a] of arms) {
    armTerm += (a.s * a.s) / a.n;
    n2Term += a.n2 / a.n;
    totalSq += sumSqByArm[arm] ?? 0;
  }
  const msb = (sumSqOverN - armTerm) / (K - A);
  const msw = Math.max(0, totalSq - sumSqOverN) / (N - K);
  const n0 = (N - n2Term) / (K - A);
  const denominator = msb + (n0 - 1) * msw;
  return denominator > 0 ? (msb - msw) / denominator : Number.NaN;
}

export type IccEstimate = {
  /** Mean over replications of the per-replication ANOVA estimate. */
  icc: number;
  /** Its standard error over replications (SD / √R). */
  se: number;
  replications: number;
};

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
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { icc: mean, se: sd / Math.sqrt(n), replications: n };
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

/** Coefficient of variation (sample SD / mean) of branch sizes; 0 for fewer than two branches. */
export function sizeCv(sizes: readonly number[]): number {
  const n = sizes.length;
  if (n < 2) return 0;
  const mean = sizes.reduce((a, b) => a + b, 0) / n;
  if (!(mean > 0)) return Number.NaN;
  const v = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(v) / mean;
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

/**
 * Grid of values around a centre: ⌈c/2⌉, c, round(1.5c), 2c, clamped to [min, max], unique, ascending.
 */
export function pilotGrid(centre: number, min: number, max: number): number[] {
  const raw = [Math.ceil(centre / 2), centre, Math.round(1.5 * centre), 2 * centre];
  return [...new Set(raw.map((x) => Math.min(max, Math.max(min, x))))].sort((a, b) => a - b);
}

export type CurveCrossing = {
  /** Branches per arm (or weeks) where the curve reaches the target; null when it never does in the grid. */
  value: number | null;
  /** 'interpolated' between two grid points; 'at-most' when the first grid point already reaches it; 'beyond-grid' when no point does. */
  bound: 'interpolated' | 'at-most' | 'beyond-grid';
};

/** Where a rising power curve first reaches `target`, by linear interpolation between grid points. */
export function crossing(points: ReadonlyArray<{ x: number; power: number }>, target: number): CurveCrossing {
  const pts = points.filter((p) => Number.isFinite(p.power));
  if (pts.length === 0) return { value: null, bound: 'beyond-grid' };
  if (pts[0].power >= target) return { value: pts[0].x, bound: 'at-most' };
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (b.power >= target) {
      const t = b.power === a.power ? 1 : (target - a.power) / (b.power - a.power);
      return { value: a.x + t * (b.x - a.x), bound: 'interpolated' };
    }
  }
  return { value: null, bound: 'beyond-grid' };
}

/** The analytic planner's answer for one outcome, or why it has none. */
export type AnalyticAnswer = {
  power: number | null;
  /** Conversion: percentage points; net new money: CNY per customer. */
  mde: number | null;
  designEffect: number | null;
  error: string | null;
};

export type NoteCode =
  | 'agree'
  | 'small-k'
  | 'unequal-branches'
  | 'skewed-aum'
  | 'parameter-uncertainty'
  | 'rare-outcome'
  | 'noisy-icc'
  | 'unexplained';

/** A plain-words remark on simulated vs analytic power; `pilotNoteText` renders it in English. */
export type PilotNote = {
  outcome: 'conversion' | 'aum';
  code: NoteCode;
  /** Sign of simulated − analytic power when they disagree. */
  direction: 'lower' | 'higher' | 'same';
  params: Record<string, number>;
};

export type OutcomeResult = {
  /** Conversion: rate; net new money: CNY per customer. */
  control: number;
  treatment: number;
  /** Mean uplift (conversion in pp, net new money in CNY per customer). */
  uplift: number;
  /** SD over replications of the per-replication uplift: the simulated SE of the pilot's estimate. */
  upliftSd: number;
  /** Share of replications where the pilot's own test is significant at α = 0.05. */
  power: number;
  powerSe: number;
  /** MDE at 80% power ≈ (q₁₋α/₂ + q₀.₈) × upliftSd; same units as `uplift`. */
  mde: number;
  icc: IccEstimate;
  analytic: AnalyticAnswer;
};

export type PilotStrategyPoint = {
  id: string;
  label: string;
  branchesPerArm: number;
  weeks: number;
  replications: number;
  targetedTreatment: number;
  targetedControl: number;
  /** Mean targeted customers per branch of the pilot (both arms). */
  customersPerBranch: number;
  conversion: OutcomeResult;
  aum: OutcomeResult & { customerSd: number };
  /** Share of replications whose arm sizes fail the SRM check (customer-level designs; null for branch designs). */
  srmFlagShare: number | null;
  notes: PilotNote[];
};

export type PointContext = {
  branchesPerArm: number;
  weeks: number;
  level: HoldoutLevel;
  holdoutShare: number;
  /** CV of the selected branches' sizes. */
  cv: number;
};

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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
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
          cluster: { icc: clampIcc(icc), cv: d.cv, clustersPerArm: d.k, clusterSize: d.m },
        }
      : { test: 'z' as const, nPerArm: individualN(d) }),
  };
  const answer: AnalyticAnswer = { power: null, mde: null, designEffect: null, error: null };
  try {
    const r = planPower({ ...base, outcome: { kind: 'binary', pControl, pTreat, method: 'pooled' } });
    answer.power = r.power;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error = errorText(e);
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
    answer.error ??= errorText(e);
  }
  return answer;
}

function analyticAum(st: StrategySummary, d: DesignFacts, icc: number, sd: number): AnalyticAnswer {
  const delta = st.newMoneyPerCustomerCny.uplift.mean;
  const base = {
    alpha: PILOT_ALPHA,
    test: 't' as const,
    ...(d.level === 'branch'
      ? { cluster: { icc: clampIcc(icc), cv: d.cv, clustersPerArm: d.k, clusterSize: d.m } }
      : { nPerArm: individualN(d) }),
  };
  const answer: AnalyticAnswer = { power: null, mde: null, designEffect: null, error: null };
  try {
    const r = planPower({ ...base, outcome: { kind: 'mean', sd, delta } });
    answer.power = r.power;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error = errorText(e);
  }
  try {
    const r = planPower({ ...base, power: PILOT_TARGET_POWER, outcome: { kind: 'mean', sd } });
    answer.mde = r.mde!;
    answer.designEffect = r.designEffect;
  } catch (e) {
    answer.error ??= errorText(e);
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

/** Threshold (absolute, in power) below which simulated and analytic power count as agreeing. */
const AGREE_TOLERANCE = 0.05;
/** Below this many branches per arm, branch-to-branch luck dominates. */
const FEW_BRANCHES = 10;
const UNEQUAL_CV = 0.3;

function notesFor(
  outcome: 'conversion' | 'aum',
  p: PilotStrategyPoint,
  ctx: PointContext,
  hasPriors: boolean,
): PilotNote[] {
  const r = p[outcome];
  const analytic = r.analytic.power;
  if (analytic === null || !Number.isFinite(r.power)) return [];
  const diff = r.power - analytic;
  // Binomial SE of a simulated power if the formula were right (the simulated SE is 0 at power 0 or 1).
  const se = Math.sqrt((analytic * (1 - analytic)) / Math.max(1, p.replications));
  const tolerance = Math.max(AGREE_TOLERANCE, 2 * se);
  const facts = { simulated: r.power, simulatedSe: r.powerSe, analytic };
  if (Math.abs(diff) <= tolerance) return [{ outcome, code: 'agree', direction: 'same', params: facts }];
  const direction = diff < 0 ? 'lower' : 'higher';
  const note = (code: NoteCode, params: Record<string, number> = {}): PilotNote => ({
    outcome,
    code,
    direction,
    params: { ...facts, ...params },
  });
  const out: PilotNote[] = [];
  const isBranch = ctx.level === 'branch';
  if (isBranch && ctx.branchesPerArm < FEW_BRANCHES) out.push(note('small-k', { k: ctx.branchesPerArm }));
  if (isBranch && ctx.cv > UNEQUAL_CV) out.push(note('unequal-branches', { cv: ctx.cv }));
  if (outcome === 'aum') out.push(note('skewed-aum'));
  if (hasPriors) out.push(note('parameter-uncertainty'));
  const buyersPerBranch = p.conversion.control * p.customersPerBranch;
  if (outcome === 'conversion' && isBranch && buyersPerBranch < 5)
    out.push(note('rare-outcome', { buyersPerBranch }));
  if (isBranch && Number.isFinite(r.icc.se) && r.icc.se > Math.abs(r.icc.icc))
    out.push(note('noisy-icc', { icc: r.icc.icc, iccSe: r.icc.se }));
  if (out.length === 0) out.push(note('unexplained'));
  return out;
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? String(Number(x.toFixed(digits))) : 'n/a');

/** One plain-words English sentence for a note (the studio translates the codes itself). */
export function pilotNoteText(n: PilotNote): string {
  const p = n.params;
  const what = n.outcome === 'conversion' ? 'conversion' : 'net new money';
  switch (n.code) {
    case 'agree':
      return `For ${what} the simulated power (${fmt(p.simulated)} ± ${fmt(p.simulatedSe)}) and the formula (${fmt(p.analytic)}) agree within simulation error.`;
    case 'small-k':
      return `Only ${p.k} branches per arm: the formula takes the ICC as known, but with so few branches the branch effects that happen to land in each arm swing the result, and the t test has just ${2 * (p.k - 1)} degrees of freedom.`;
    case 'unequal-branches':
      return `Branch sizes vary (CV ${fmt(p.cv)}): the pilot's test weighs every branch mean equally, so small, noisy branches count as much as large ones; the design-effect formula assumes each customer counts the same.`;
    case 'skewed-aum':
      return 'Net new money is heavy-tailed (a few rich customers hold most AUM): a branch mean moves with whichever of them happens to buy, so the SD is unstable and the normal approximation behind the formula is poor.';
    case 'parameter-uncertainty':
      return "The scenario's priors and market factor make the true uplift differ between replications; the formula uses only the average uplift, the simulation averages power over that spread.";
    case 'rare-outcome':
      return `Few buyers per branch (about ${fmt(p.buyersPerBranch, 1)} in control): the normal approximation of the rate test is rough.`;
    case 'noisy-icc':
      return `The implied ICC (${fmt(p.icc, 4)} ± ${fmt(p.iccSe, 4)}) is itself uncertain, and the formula's answer moves with it.`;
    case 'unexplained':
      return `No single cause stands out; more replications would narrow the simulated power (± ${fmt(p.simulatedSe)}).`;
  }
}

/** Heading of a disagreement, in English. */
export function pilotNoteHeading(n: PilotNote): string {
  const what = n.outcome === 'conversion' ? 'conversion' : 'net new money';
  const p = n.params;
  return `For ${what} the simulation gives ${n.direction === 'lower' ? 'lower' : 'higher'} power than the formula (${fmt(p.simulated)} ± ${fmt(p.simulatedSe)} vs ${fmt(p.analytic)}). Likely reasons:`;
}

export type PilotRun = { summary: RunSummary; records: Float64Array };

/** Runs one scenario (all `settings.replications`) and returns its summary and concatenated records. */
export type PilotRunner = (scenario: Scenario, settings: RunSettings, point: RunPoint) => Promise<PilotRun>;

/** Which of the runs of a plan this is (for progress), with a short English label. */
export type RunPoint = { index: number; count: number; label: string };

export type PilotPlanOptions = {
  branchesPerArm: number;
  weeks: number;
  /** Replications per grid point. */
  replications: number;
  seed: string;
  method?: SelectionMethod;
  stratifyBy?: StratifyBy[];
  level?: HoldoutLevel;
  holdoutShare?: number;
  /** Default: pilotGrid(K, 2, ⌊branches/2⌋) and pilotGrid(W, 1, 104). */
  branchGrid?: number[];
  weekGrid?: number[];
};

export type CurvePoint = {
  branchesPerArm: number;
  weeks: number;
  customersPerArm: number;
  powerConversion: number;
  powerConversionSe: number;
  powerAum: number;
  powerAumSe: number;
  mdeConversionPp: number;
  mdeAumCny: number;
  analyticPowerConversion: number | null;
  analyticMdeConversionPp: number | null;
  analyticPowerAum: number | null;
  analyticMdeAumCny: number | null;
};

export type PilotStrategyPlan = {
  id: string;
  label: string;
  /** Power vs branches per arm at the planned weeks. */
  byBranches: CurvePoint[];
  /** Power and MDE vs weeks at the planned branches per arm. */
  byWeeks: CurvePoint[];
  /** Everything at the planned design (K branches per arm, W weeks). */
  design: PilotStrategyPoint;
  /** Branches per arm for 80% power, interpolated on the curve. */
  branchesFor80: { conversion: CurveCrossing; aum: CurveCrossing };
};

export type PilotPlanReport = {
  scenarioName: string;
  seed: string;
  branchesPerArm: number;
  weeks: number;
  replications: number;
  level: HoldoutLevel;
  method: SelectionMethod;
  alpha: number;
  targetPower: number;
  grids: { branches: number[]; weeks: number[] };
  /** The branches at the planned design. */
  selection: BranchSelection;
  /** CV of branch sizes (customers) over all branches and over the selected 2K. */
  cv: { all: number; selected: number };
  /** How the simulated MDE is computed, in words. */
  mdeMethod: string;
  strategies: PilotStrategyPlan[];
};

export const MDE_METHOD =
  'MDE ≈ (q(1 − α/2) + q(0.8)) × SE, where SE is the SD over replications of the simulated uplift and q are ' +
  't quantiles with 2(k − 1) df for branch designs (normal for customer designs). With parameter priors the SD also ' +
  'holds their spread, so the MDE errs on the large side.';

/** Checks the options against the scenario's branches; throws PlannerInputError. */
export function checkPilotOptions(options: PilotPlanOptions, branchCount: number): void {
  const { branchesPerArm: k, weeks, replications } = options;
  const level = options.level ?? 'branch';
  const minK = level === 'branch' ? 2 : 1;
  if (!(Number.isInteger(k) && k >= minK)) {
    throw new PlannerInputError(
      'branchesPerArm',
      k,
      'is too few',
      level === 'branch'
        ? 'at least 2 branches per arm (the branch-level test needs two per arm)'
        : 'at least 1 branch per arm',
    );
  }
  if (2 * k > branchCount) {
    throw new PlannerInputError(
      'branchesPerArm',
      k,
      `needs ${2 * k} branches but the scenario has ${branchCount}`,
      `at most ${Math.floor(branchCount / 2)} per arm`,
    );
  }
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw new PlannerInputError('weeks', weeks, 'is not a horizon', `a whole number from 1 to ${MAX_WEEKS}`);
  }
  if (!(Number.isInteger(replications) && replications >= 2)) {
    throw new PlannerInputError(
      'replications',
      replications,
      'is too few',
      'at least 2 (a power needs a spread)',
    );
  }
  const h = options.holdoutShare;
  if (h !== undefined && !(h > 0 && h < 1)) {
    throw new PlannerInputError('holdoutShare', h, 'is not a holdout share', 'a number in (0, 1)');
  }
}

/**
 * Simulation-based power of a branch pilot: for each branches-per-arm k on a grid (at W weeks)
 * and each weeks w on a grid (at K branches per arm), select 2k branches (nested selections, same
 * seed), build the pilot scenario, run it with `run`, and read off power, MDE, implied ICC/CV and
 * the analytic answer. Points run one after another, in grid order; (K, W) runs once.
 */
export async function simulatePilotPlan(
  scenario: Scenario,
  branches: readonly BranchInfo[],
  options: PilotPlanOptions,
  run: PilotRunner,
): Promise<PilotPlanReport> {
  checkPilotOptions(options, branches.length);
  const level = options.level ?? 'branch';
  const method = options.method ?? 'stratified';
  const holdoutShare = level === 'branch' ? 0.5 : (options.holdoutShare ?? 0.5);
  const K = options.branchesPerArm;
  const W = options.weeks;
  const maxK = Math.floor(branches.length / 2);
  const minK = level === 'branch' ? 2 : 1;
  const kGrid = options.branchGrid ?? pilotGrid(K, minK, maxK);
  const wGrid = options.weekGrid ?? pilotGrid(W, 1, MAX_WEEKS);
  const points: Array<{ k: number; w: number }> = [];
  for (const k of kGrid) points.push({ k, w: W });
  if (!kGrid.includes(K)) points.push({ k: K, w: W });
  for (const w of wGrid) if (w !== W) points.push({ k: K, w });
  const select = (k: number) =>
    selectBranches({ branches, perArm: k, method, stratifyBy: options.stratifyBy, seed: options.seed });
  const results = new Map<string, PilotStrategyPoint[]>();
  const sizes = new Map<string, number>();
  for (const [index, { k, w }] of points.entries()) {
    const selection = select(k);
    const names = [...selection.pilot, ...selection.control];
    const pilot = pilotScenario(
      scenario,
      { branches: names, weeks: w, replications: options.replications, level, holdoutShare },
      branches,
    );
    const settings: RunSettings = { seed: options.seed, replications: options.replications };
    const label = `${k} branches per arm, ${w} weeks`;
    const { summary, records } = await run(pilot, settings, { index, count: points.length, label });
    const cv = sizeCv(branches.filter((b) => names.includes(b.name)).map((b) => b.customers));
    results.set(
      `${k}x${w}`,
      analysePilotPoint(pilot, summary, records, { branchesPerArm: k, weeks: w, level, holdoutShare, cv }),
    );
    sizes.set(`${k}x${w}`, cv);
  }
  const selection = select(K);
  const design = results.get(`${K}x${W}`)!;
  const curve = (si: number, list: Array<{ k: number; w: number }>) =>
    list.map(({ k, w }) => curvePoint(results.get(`${k}x${w}`)![si]));
  const strategies = design.map((d, si): PilotStrategyPlan => {
    const byBranches = curve(
      si,
      kGrid.map((k) => ({ k, w: W })),
    );
    const byWeeks = curve(
      si,
      wGrid.map((w) => ({ k: K, w })),
    );
    const on = (key: 'powerConversion' | 'powerAum') =>
      byBranches.map((p) => ({ x: p.branchesPerArm, power: p[key] }));
    return {
      id: d.id,
      label: d.label,
      byBranches,
      byWeeks,
      design: d,
      branchesFor80: {
        conversion: crossing(on('powerConversion'), PILOT_TARGET_POWER),
        aum: crossing(on('powerAum'), PILOT_TARGET_POWER),
      },
    };
  });
  return {
    scenarioName: scenario.meta.name,
    seed: options.seed,
    branchesPerArm: K,
    weeks: W,
    replications: options.replications,
    level,
    method,
    alpha: PILOT_ALPHA,
    targetPower: PILOT_TARGET_POWER,
    grids: { branches: kGrid, weeks: wGrid },
    selection,
    cv: { all: sizeCv(branches.map((b) => b.customers)), selected: sizes.get(`${K}x${W}`)! },
    mdeMethod: MDE_METHOD,
    strategies,
  };
}

function curvePoint(p: PilotStrategyPoint): CurvePoint {
  return {
    branchesPerArm: p.branchesPerArm,
    weeks: p.weeks,
    customersPerArm: (p.targetedTreatment + p.targetedControl) / 2,
    powerConversion: p.conversion.power,
    powerConversionSe: p.conversion.powerSe,
    powerAum: p.aum.power,
    powerAumSe: p.aum.powerSe,
    mdeConversionPp: p.conversion.mde,
    mdeAumCny: p.aum.mde,
    analyticPowerConversion: p.conversion.analytic.power,
    analyticMdeConversionPp: p.conversion.analytic.mde,
    analyticPowerAum: p.aum.analytic.power,
    analyticMdeAumCny: p.aum.analytic.mde,
  };
}
