// The analytic pilot-power calculator: give all but one of effect, power and size, get the
// missing one. Formulas live in proportions.ts, means.ts, cluster.ts and two-arm.ts; this module
// picks the unknown, validates the inputs and runs the right solver.
import { type ClusterAnalysis, clusterDf, clusterSizeZ, designEffect, maxEffectiveN } from './cluster';
import { checkAbove, checkAlpha, checkIcc, checkPower, checkProbability, PlannerInputError } from './errors';
import { checkMeans, checkNPerArm, MIN_T_PER_ARM, meanScale, solveDelta } from './means';
import {
  checkProportions,
  type ProportionMethod,
  proportionScale,
  solveTreatRate,
  unreachableRate,
} from './proportions';
import { ceilTolerant, solveFrom, solveIncreasing } from './solve';
import { type EffectScale, type TestKind, twoArmPower, zSampleSize } from './two-arm';

export { type ClusterAnalysis, designEffect } from './cluster';
export { PlannerInputError } from './errors';
export type { ProportionMethod } from './proportions';
export type { TestKind } from './two-arm';

/** A binary outcome: response rates as probabilities; leave `pTreat` out to solve the MDE. */
export type BinaryOutcome = { kind: 'binary'; pControl: number; pTreat?: number; method: ProportionMethod };
/** A continuous outcome: SD σ and difference δ in its units; leave `delta` out to solve the MDE. */
export type MeanOutcome = { kind: 'mean'; sd: number; delta?: number };

/**
 * Branch randomisation: ICC in [0, 1), CV of branch sizes (default 0), and two of customers per
 * arm (`PlanInput.nPerArm`), branches per arm and customers per branch — or one when solving
 * for the other.
 */
export type ClusterInput = {
  icc: number;
  cv?: number;
  clusterSize?: number;
  clustersPerArm?: number;
  /** How the test weighs branches (see designEffect); default 'weighted'. */
  analysis?: ClusterAnalysis;
};

/** What to plan. Exactly one of effect, `power` and the size (n, k or m) is left out. */
export type PlanInput = {
  outcome: BinaryOutcome | MeanOutcome;
  /** Two-sided significance level. */
  alpha: number;
  test: TestKind;
  /** Target power; leave out to compute the power of a given size and effect. */
  power?: number;
  /** Customers per arm. */
  nPerArm?: number;
  cluster?: ClusterInput;
  /** Eligible customers a branch accrues per week; gives the duration of a cluster design. */
  accrualPerBranchPerWeek?: number;
};

/** The quantity a plan solves for. */
export type Unknown = 'nPerArm' | 'clustersPerArm' | 'clusterSize' | 'mde' | 'power';

/** The solved design. Sizes are per arm; `*Rounded` are the whole numbers to recruit. */
export type PlanResult = {
  solvedFor: Unknown;
  test: TestKind;
  /** Degrees of freedom of the t test (2(n − 1), or 2(k − 1) with branches); null for z. */
  df: number | null;
  /** 1 + ((CV² + 1)·m − 1)·ICC; 1 when customers are randomised individually. */
  designEffect: number;
  /** The target power, or the computed one when solving for power. */
  power: number;
  /** Customers per arm, unrounded when solved. */
  nPerArm: number;
  /** Customers to recruit per arm: ⌈n⌉, or the rounded branches × branch size. Set when solving a size. */
  nPerArmRounded?: number;
  clustersPerArm?: number;
  clustersPerArmRounded?: number;
  clusterSize?: number;
  clusterSizeRounded?: number;
  /** Solved MDE: the treatment rate (binary) or δ (mean). */
  mde?: number;
  /** Solved MDE of a binary outcome as a difference, p_treat − p_control. */
  mdeDifference?: number;
  /** Weeks for a branch to accrue its customers: ⌈m / weekly accrual per branch⌉. */
  weeks?: number;
  /** Caveats about the design (few branches, z test with branches, …), as codes; messages/ words them. */
  notes: PlanNote[];
};

/**
 * A caveat of the analytic plan: `at-minimum` (the t test's least size, {what, power}),
 * `single-customer` ({power}), `too-few-branches` ({k, min}), `z-few-branches` ({k}).
 */
export type PlanNote =
  | { code: 'at-minimum'; params: { what: 'customers' | 'branches'; power: number } }
  | { code: 'single-customer'; params: { power: number } }
  | { code: 'too-few-branches'; params: { k: number; min: number } }
  | { code: 'z-few-branches'; params: { k: number } };

/** Rule of thumb: below this many branches per arm a z test noticeably overstates power. */
const FEW_CLUSTERS = 30;

/**
 * Fewest branches per arm: one branch per arm confounds the campaign with the branch, and a t
 * test needs df = 2(k − 1) ≥ 2 (see MIN_T_PER_ARM on jStat's noncentral t).
 */
const MIN_CLUSTERS = 2;

/** designEffect without its input checks (validated once; called inside the solvers). */
function designEffectOf(m: number, icc: number, cv: number, analysis: ClusterAnalysis): number {
  return analysis === 'unweighted'
    ? 1 + (m - 1) * icc + cv * cv * (1 - icc)
    : 1 + ((cv * cv + 1) * m - 1) * icc;
}

/** Power of the design for an effect scale, n customers per arm in branches of m (if clustered). */
type PowerAt = (scale: EffectScale, nPerArm: number, clusterSize?: number) => number;

/**
 * Plans a two-arm campaign pilot analytically: solves for whichever of customers per arm,
 * branches per arm, customers per branch, MDE or power is left out of `input`. Customers within
 * a branch count 1/DE each (design effect, Eldridge et al. 2006); a t test uses df = 2(n − 1),
 * or 2(k − 1) with branches (noncentral t). Power counts both tails, z and t alike (see
 * {@link twoArmPower}), and every size and MDE is solved against that same power function
 * (Brent's method), unrounded, with ceilings alongside. Throws {@link PlannerInputError} on
 * invalid inputs or impossible designs.
 */
export function planPower(input: PlanInput): PlanResult {
  validate(input);
  const solvedFor = unknownOf(input);
  const { alpha, test, cluster } = input;
  const icc = cluster?.icc ?? 0;
  const cv = cluster?.cv ?? 0;
  const analysis = cluster?.analysis ?? 'weighted';
  const powerAt: PowerAt = (scale, n, m) => {
    if (m === undefined) return twoArmPower(scale, n, alpha, test === 't' ? 2 * (n - 1) : undefined);
    const de = designEffectOf(m, icc, cv, analysis);
    return twoArmPower(scale, n / de, alpha, test === 't' ? clusterDf(n / m) : undefined);
  };
  const notes: PlanNote[] = [];
  let result: PlanResult;
  if (solvedFor === 'mde' || solvedFor === 'power') {
    const { n, m } = givenSizes(input);
    const k = m === undefined ? undefined : n / m;
    result = {
      solvedFor,
      test,
      df: dfOf(test, n, k),
      designEffect: m === undefined ? 1 : designEffect(m, icc, cv, analysis),
      power: solvedFor === 'power' ? powerAt(scaleOf(input), n, m) : input.power!,
      nPerArm: n,
      ...(m === undefined ? {} : clusterFields(k!, m)),
      ...(solvedFor === 'mde' ? solveMde(input, n, m, powerAt) : {}),
      notes,
    };
  } else {
    result = solveSize(input, solvedFor, powerAt, notes);
  }
  if (input.accrualPerBranchPerWeek !== undefined) {
    const m = result.clusterSizeRounded ?? result.clusterSize!;
    result.weeks = ceilTolerant(m / input.accrualPerBranchPerWeek);
  }
  if (cluster) addClusterNotes(result, notes);
  return result;
}

/** Which of effect, power and size is missing; throws if none or more than one is. */
export function unknownOf(input: PlanInput): Unknown {
  const hasEffect = effectOf(input) !== undefined;
  const { nPerArm, cluster } = input;
  const sizes = [nPerArm, cluster?.clustersPerArm, cluster?.clusterSize].filter(
    (x) => x !== undefined,
  ).length;
  if (!hasEffect || input.power === undefined) {
    if (!hasEffect && input.power === undefined) {
      throw new PlannerInputError('power', null, 'power-missing');
    }
    const needed = cluster ? 2 : 1;
    if (sizes !== needed) {
      throw new PlannerInputError('nPerArm', nPerArm ?? null, cluster ? 'size-open-cluster' : 'size-open');
    }
    return hasEffect ? 'power' : 'mde';
  }
  if (!cluster) {
    if (nPerArm !== undefined) {
      throw new PlannerInputError('nPerArm', nPerArm, 'over-determined');
    }
    return 'nPerArm';
  }
  if (sizes === 1 && cluster.clusterSize !== undefined) return 'clustersPerArm';
  if (sizes === 1 && cluster.clustersPerArm !== undefined) return 'clusterSize';
  throw new PlannerInputError('clusterSize', cluster.clusterSize ?? null, 'not-one-size');
}

function validate(input: PlanInput): void {
  checkAlpha(input.alpha);
  if (input.power !== undefined) checkPower(input.power, input.alpha);
  const { outcome, cluster } = input;
  if (outcome.kind === 'binary') {
    if (outcome.pTreat === undefined) checkProbability('pControl', outcome.pControl);
    else checkProportions(outcome.pControl, outcome.pTreat);
  } else if (outcome.delta === undefined) checkAbove('sd', outcome.sd, 0);
  else checkMeans(outcome.delta, outcome.sd);
  if (input.nPerArm !== undefined) {
    if (cluster) checkAbove('nPerArm', input.nPerArm, 1);
    else checkNPerArm(input.nPerArm, input.test);
  }
  if (input.accrualPerBranchPerWeek !== undefined) {
    checkAbove('accrualPerBranchPerWeek', input.accrualPerBranchPerWeek, 0);
    if (!cluster) {
      throw new PlannerInputError(
        'accrualPerBranchPerWeek',
        input.accrualPerBranchPerWeek,
        'accrual-needs-branches',
      );
    }
  }
  if (!cluster) return;
  checkIcc(cluster.icc);
  if (cluster.cv !== undefined) checkAbove('cv', cluster.cv, 0, true);
  if (cluster.clusterSize !== undefined) checkAbove('clusterSize', cluster.clusterSize, 1, true);
  if (cluster.clustersPerArm !== undefined)
    checkAbove('clustersPerArm', cluster.clustersPerArm, MIN_CLUSTERS, true);
}

/** n and m (undefined when not clustered) from the sizes given; k = n / m. */
function givenSizes(input: PlanInput): { n: number; m?: number } {
  const { cluster } = input;
  if (!cluster) return { n: input.nPerArm! };
  const { clustersPerArm: k, clusterSize: m } = cluster;
  const n = input.nPerArm;
  if (n === undefined) return { n: k! * m!, m: m! };
  if (m !== undefined) {
    if (!(n / m >= MIN_CLUSTERS)) {
      throw new PlannerInputError('nPerArm', n, 'too-few-clusters', { k: n / m, m, min: MIN_CLUSTERS });
    }
    return { n, m };
  }
  if (!(n / k! >= 1)) {
    throw new PlannerInputError('nPerArm', n, 'too-few-per-branch', { m: n / k! });
  }
  return { n, m: n / k! };
}

function effectOf(input: PlanInput): number | undefined {
  return input.outcome.kind === 'binary' ? input.outcome.pTreat : input.outcome.delta;
}

function scaleOf(input: PlanInput): EffectScale {
  const o = input.outcome;
  return o.kind === 'binary' ? proportionScale(o.pControl, o.pTreat!, o.method) : meanScale(o.delta!, o.sd);
}

function dfOf(test: TestKind, n: number, k: number | undefined): number | null {
  if (test === 'z') return null;
  return k === undefined ? 2 * (n - 1) : clusterDf(k);
}

function clusterFields(
  k: number,
  m: number,
): Pick<PlanResult, 'clustersPerArm' | 'clustersPerArmRounded' | 'clusterSize'> {
  return { clustersPerArm: k, clustersPerArmRounded: roundClusters(k), clusterSize: m };
}

function solveMde(input: PlanInput, n: number, m: number | undefined, powerAt: PowerAt): Partial<PlanResult> {
  const power = input.power!;
  const o = input.outcome;
  if (o.kind === 'mean') {
    const c = input.cluster;
    const nEff = m === undefined ? n : n / designEffect(m, c!.icc, c!.cv ?? 0, c!.analysis);
    return { mde: solveDelta(o.sd, power, (scale) => powerAt(scale, n, m), nEff, input.alpha) };
  }
  const rateAt = (pTreat: number) => powerAt(proportionScale(o.pControl, pTreat, o.method), n, m);
  const pTreat = solveTreatRate(o.pControl, power, rateAt);
  if (pTreat === null) {
    const isClustered = m !== undefined;
    const size = isClustered ? n / m : n;
    throw unreachableRate(isClustered ? 'clustersPerArm' : 'nPerArm', size, o.pControl, power, rateAt(1));
  }
  return { mde: pTreat, mdeDifference: pTreat - o.pControl };
}

function solveSize(input: PlanInput, solvedFor: Unknown, powerAt: PowerAt, notes: PlanNote[]): PlanResult {
  const { alpha, test } = input;
  const power = input.power!;
  const scale = scaleOf(input);
  const nZ = zSampleSize(scale, alpha, power);
  const base = { solvedFor, test, power, notes };
  if (solvedFor === 'nPerArm') {
    const n = test === 'z' ? nZ : solveFrom((x) => powerAt(scale, x) - power, MIN_T_PER_ARM, nZ)!;
    if (test === 't' && n === MIN_T_PER_ARM) notes.push(atMinimum('customers', powerAt(scale, n)));
    return {
      ...base,
      df: dfOf(test, n, undefined),
      designEffect: 1,
      nPerArm: n,
      nPerArmRounded: ceilTolerant(n),
    };
  }
  const icc = input.cluster!.icc;
  const cv = input.cluster!.cv ?? 0;
  const analysis = input.cluster!.analysis ?? 'weighted';
  if (solvedFor === 'clustersPerArm') {
    const m = input.cluster!.clusterSize!;
    const de = designEffect(m, icc, cv, analysis);
    const kZ = (nZ * de) / m;
    const k = test === 'z' ? kZ : solveFrom((x) => powerAt(scale, x * m, m) - power, MIN_CLUSTERS, kZ)!;
    if (test === 't' && k === MIN_CLUSTERS) notes.push(atMinimum('branches', powerAt(scale, k * m, m)));
    const kRounded = roundClusters(k);
    return {
      ...base,
      df: dfOf(test, k * m, k),
      designEffect: de,
      nPerArm: k * m,
      nPerArmRounded: ceilTolerant(kRounded * m),
      ...clusterFields(k, m),
    };
  }
  const k = input.cluster!.clustersPerArm!;
  const m = solveClusterSize(scale, k, nZ, input, powerAt, notes);
  const mRounded = ceilTolerant(m);
  return {
    ...base,
    df: dfOf(test, k * m, k),
    designEffect: designEffect(m, icc, cv, analysis),
    nPerArm: k * m,
    nPerArmRounded: ceilTolerant(k * mRounded),
    clustersPerArm: k,
    clustersPerArmRounded: roundClusters(k),
    clusterSize: m,
    clusterSizeRounded: mRounded,
  };
}

/** Customers per branch m ≥ 1 for k branches per arm; throws when no m reaches the power. */
function solveClusterSize(
  scale: EffectScale,
  k: number,
  nZ: number,
  input: PlanInput,
  powerAt: PowerAt,
  notes: PlanNote[],
): number {
  const { alpha, test } = input;
  const power = input.power!;
  const icc = input.cluster!.icc;
  const cv = input.cluster!.cv ?? 0;
  const analysis = input.cluster!.analysis ?? 'weighted';
  const nEffMax = maxEffectiveN(k, icc, cv, analysis);
  const best = Number.isFinite(nEffMax)
    ? twoArmPower(scale, nEffMax, alpha, test === 't' ? clusterDf(k) : undefined)
    : 1;
  if (!(best > power)) {
    // The fewest branches that could work: the k at which infinitely large branches reach the power.
    const kMinZ = nZ * (analysis === 'unweighted' ? 1 : cv * cv + 1) * icc;
    const kMin =
      test === 'z'
        ? kMinZ
        : solveFrom(
            (x) => twoArmPower(scale, maxEffectiveN(x, icc, cv, analysis), alpha, clusterDf(x)) - power,
            MIN_CLUSTERS,
            kMinZ,
          );
    throw new PlannerInputError('clustersPerArm', k, 'icc-caps-power', {
      icc,
      best: Number(best.toPrecision(4)),
      power,
      kMin: Number((kMin ?? kMinZ).toPrecision(4)),
    });
  }
  if (powerAt(scale, k, 1) >= power) {
    notes.push({ code: 'single-customer', params: { power: powerAt(scale, k, 1) } });
    return 1;
  }
  if (test === 'z') return clusterSizeZ(nZ, k, icc, cv, analysis)!;
  return solveIncreasing((m) => powerAt(scale, k * m, m) - power, 2, 1)!;
}

function addClusterNotes(result: PlanResult, notes: PlanNote[]): void {
  const k = result.clustersPerArmRounded!;
  if (result.clustersPerArm! < MIN_CLUSTERS) {
    notes.push({ code: 'too-few-branches', params: { k: result.clustersPerArm!, min: MIN_CLUSTERS } });
  }
  if (result.test === 'z' && k < FEW_CLUSTERS) notes.push({ code: 'z-few-branches', params: { k } });
}

/** Branches to plan: the ceiling, and never fewer than MIN_CLUSTERS. */
function roundClusters(k: number): number {
  return Math.max(MIN_CLUSTERS, ceilTolerant(k));
}

function atMinimum(what: 'customers' | 'branches', power: number): PlanNote {
  return { code: 'at-minimum', params: { what, power } };
}
