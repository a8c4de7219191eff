// The pilot's randomization tests at their cost (engines v2, v3): the same covariate-adjusted
// statistic and test inversion as randomization.ts, with draws only where they can matter.
// - An outcome whose randomization distribution is close to normal by a stated criterion
//   (normal-route.ts) is tested with that normal limit, with the exact permutation mean and
//   variance: no draws.
// - Else, if setting a few heavy units aside leaves a bulk that passes that criterion, conditional
//   Monte Carlo: the heavy units drawn exactly, the bulk from its normal limit (heavy-route.ts).
// - Otherwise Monte Carlo re-randomizations (sequential-draws.ts), stopped once the test's
//   decision is known (Besag & Clifford 1991): the rejection decision is the one the fixed
//   199-draw test makes on the same draws; the 90% interval comes from the first 79 draws
//   ((79 + 1)·0.05 = 4 whole, so its coverage is exact as well). Method and measured size:
//   docs/model.md, "Pilot inference".

import { boundsOk, HeavyScan, heavyPlan, scanUnits } from './heavy-route';
import { normalTest, type SecondMoments } from './normal-route';
import { NONE, type RandomizationResult } from './randomization';
import { pilotCounters, sequentialDraws, sequentialTests } from './sequential-draws';

export { INTERVAL_DRAWS, MAX_DRAWS, pilotCounters } from './sequential-draws';

/** Scratch for the normal route (one analysis at a time per thread). */
const scratch = new Float64Array(8);

/**
 * Both outcomes' tests and 90% intervals for one design's units (see randomizationTests for the
 * statistic, its linearity in τ and the interval by inversion). `allowNormal`: the units are
 * many exchangeable customers, so the normal route may be used where the criterion holds.
 * (The loops live in small closure-free functions of fixed argument types: V8 compiles each once,
 * instead of re-entering a long function's loop by on-stack replacement at every call.)
 */
export function pilotInference(
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  seed: number,
  allowNormal: boolean,
): [RandomizationResult, RandomizationResult] {
  const s = pilotSums;
  armSums(a0, a1, r, isTreated, n, s);
  if (allowNormal) centredMoments(a0, a1, r, n, s[3] / n, s[4] / n, s[1] / n, s);
  return pilotInferenceOf(a0, a1, r, isTreated, n, seed, allowNormal, s);
}

/**
 * The sums pilotInference starts from, filled by armSums and centredMoments (or by the caller's
 * own pass over the units, as the engine's residualization does): [0] treated count, [1] Σr,
 * [2] Σr over the treated, [3] Σa0, [4] Σa1, [5] Σa0 and [6] Σa1 over the treated, [7] Σ(a0 − ā0)²,
 * [8] Σ(a0 − ā0)(r − r̄), [9] Σ(a1 − ā1)², [10] Σ(a1 − ā1)(r − r̄), [11] Σ(r − r̄)².
 */
export const pilotSums = new Float64Array(12);

/** The scans of the two outcomes under analysis, for the normal and conditional routes (heavy-route.ts). */
const scan0 = new HeavyScan();
const scan1 = new HeavyScan();

/** pilotInference from its sums `s` (pilotSums' layout; [7..11] needed only with allowNormal). */
export function pilotInferenceOf(
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  seed: number,
  allowNormal: boolean,
  s: Float64Array,
): [RandomizationResult, RandomizationResult] {
  const n1 = s[0];
  const sumR = s[1];
  const r1 = s[2];
  const sum0 = s[3];
  const sum1 = s[4];
  const t0 = s[5];
  const t1 = s[6];
  const n0 = n - n1;
  if (n1 < 2 || n0 < 2) return [NONE, NONE];
  const R = r1 / n1 - (sumR - r1) / n0;
  if (!(R > 0)) return [NONE, NONE];
  const A0 = t0 / n1 - (sum0 - t0) / n0;
  const A1 = t1 / n1 - (sum1 - t1) / n0;
  if (!allowNormal) {
    pilotCounters.drawn += 2;
    return sequentialTests(a0, a1, 2, A0 / R, A1 / R, r, isTreated, n, n1, seed);
  }
  const mr = sumR / n;
  const mom0 = { ma: sum0 / n, mr, saa: s[7], sar: s[8], srr: s[11] };
  const mom1 = { ma: sum1 / n, mr, saa: s[9], sar: s[10], srr: s[11] };
  scanUnits(scan0, scan1, a0, a1, r, n, mom0.ma, mom1.ma, mr, mom0.saa, mom1.saa);
  const res0 = oneOutcome(scan0, a0, r, n, n1, A0, R, mom0, sumR, sum0, seed);
  const res1 = oneOutcome(scan1, a1, r, n, n1, A1, R, mom1, sumR, sum1, seed);
  if (res0 !== null && res1 !== null) return [res0, res1];
  // Draw for the outcomes neither route takes (one or both), against the same draws.
  if (res0 === null && res1 === null) {
    pilotCounters.drawn += 2;
    return sequentialTests(a0, a1, 2, A0 / R, A1 / R, r, isTreated, n, n1, seed);
  }
  pilotCounters.drawn++;
  if (res0 === null)
    return [sequentialTests(a0, a0, 1, A0 / R, 0, r, isTreated, n, n1, seed)[0], res1 as RandomizationResult];
  return [res0, sequentialTests(a1, a1, 1, A1 / R, 0, r, isTreated, n, n1, seed)[0]];
}

/** One outcome by the normal route, else the conditional one (after its scan); null if neither applies. */
function oneOutcome(
  scan: HeavyScan,
  a: Float64Array,
  r: Float64Array,
  n: number,
  n1: number,
  A: number,
  R: number,
  mom: SecondMoments,
  sumR: number,
  sumA: number,
  seed: number,
): RandomizationResult | null {
  const res = normalTest(a, r, n, n1, A, R, mom, scan.totals, scratch);
  if (res !== null) {
    pilotCounters.normal++;
    return res;
  }
  return conditionalTest(scan, a, r, n, n1, A, R, mom, [sumR, sumA], seed);
}

/**
 * The conditional Monte Carlo test of one outcome (sim/stats/heavy-route.ts), or null where no
 * heavy count up to MAX_HEAVY leaves a bulk that passes the normal criterion at τ = 0 and at the
 * interval's bounds. The draws are the sequential ones (same p-value rule, same 79-draw interval).
 */
function conditionalTest(
  scan: HeavyScan,
  a: Float64Array,
  r: Float64Array,
  n: number,
  n1: number,
  A: number,
  R: number,
  mom: SecondMoments,
  totals: number[],
  seed: number,
): RandomizationResult | null {
  const m = Math.min(n1, n - n1);
  let from = -1;
  for (;;) {
    const plan = heavyPlan(scan, n, m, mom, from);
    if (plan === null) return null;
    const res = sequentialDraws(plan, A, R, n, n1, seed, A / R, totals);
    if (boundsOk(scan, a, r, n, m, mom, plan, res.lo90, res.hi90)) {
      pilotCounters.conditional++;
      return res;
    }
    from = plan.level;
  }
}

/** Means are sum / n; Σ(a0 − ā0)², Σ(a0 − ā0)(r − r̄), the same of a1, then Σ(r − r̄)², into out[7..11]. */
function centredMoments(
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  n: number,
  m0: number,
  m1: number,
  mr: number,
  out: Float64Array,
): void {
  let s00 = 0;
  let s0r = 0;
  let s11 = 0;
  let s1r = 0;
  let srr = 0;
  for (let i = 0; i < n; i++) {
    const d0 = a0[i] - m0;
    const d1 = a1[i] - m1;
    const dr = r[i] - mr;
    s00 += d0 * d0;
    s0r += d0 * dr;
    s11 += d1 * d1;
    s1r += d1 * dr;
    srr += dr * dr;
  }
  out[7] = s00;
  out[8] = s0r;
  out[9] = s11;
  out[10] = s1r;
  out[11] = srr;
}

/** Count treated; sums of r, a0, a1 over all units and over the treated, into out[0..6]. */
function armSums(
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  out: Float64Array,
): void {
  let n1 = 0;
  let sumR = 0;
  let r1 = 0;
  let sum0 = 0;
  let sum1 = 0;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    const x0 = a0[i];
    const x1 = a1[i];
    sumR += ri;
    sum0 += x0;
    sum1 += x1;
    if (isTreated[i] !== 0) {
      n1++;
      r1 += ri;
      t0 += x0;
      t1 += x1;
    }
  }
  out[0] = n1;
  out[1] = sumR;
  out[2] = r1;
  out[3] = sum0;
  out[4] = sum1;
  out[5] = t0;
  out[6] = t1;
}
