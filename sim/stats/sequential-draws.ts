// The Monte Carlo re-randomizations of the pilot's tests (sim/stats/pilot-inference.ts): full draws
// of the smaller arm, or the conditional route's (sim/stats/heavy-route.ts), stopped once the test's
// decision is known (Besag & Clifford 1991): the rejection decision is the one the fixed 199-draw
// test makes on the same draws; the 90% interval comes from the first 79 draws ((79 + 1)·0.05 = 4
// whole, so its coverage is exact as well). Method and measured size: docs/model.md.

import { drawHeavy, type HeavyPlan } from './heavy-route';
import { intervalOf, NONE, type RandomizationResult } from './randomization';

/** Most re-randomizations per test: decisions are those of the fixed test with this B. */
export const MAX_DRAWS = 199;
/** Re-randomizations the 90% interval is computed from: exact coverage, (79 + 1)·0.05 = 4. */
export const INTERVAL_DRAWS = 79;
/** Besag–Clifford h: a tail with this many exceedances cannot reject, (199 + 1)·0.025 = 5. */
const STOP_AT = 5;

/**
 * How many analyses took each route, and how many units' draws were made (full draws: the drawn
 * arm's size; conditional: the heavy units) (diagnostics).
 */
export const pilotCounters = { normal: 0, conditional: 0, drawn: 0, draws: 0 };

/** Scratch for packRows' sums (one analysis at a time per thread). */
const acc = new Float64Array(8);
let rowsScratch = new Float32Array(0);
const Rs = new Float64Array(MAX_DRAWS);
const As0 = new Float64Array(MAX_DRAWS);
const As1 = new Float64Array(MAX_DRAWS);
const sums = new Float64Array(3);
/** Per outcome (0, 1): exceedances above [0, 1] and below [2, 3]; draws at the STOP_AT-th [4..7]. */
const tails = new Int32Array(8);

/**
 * Monte Carlo tests of K = 1 or 2 outcomes (o0, o1) against the same re-randomizations: draws of
 * the smaller arm (uniform m-subsets by a partial Fisher–Yates shuffle not reset between draws,
 * the same mulberry32 stream and swaps as randomization.ts, so the same units in the same order).
 * After the first INTERVAL_DRAWS draws (the interval's), drawing stops as soon as every outcome has
 * STOP_AT exceedances in both tails; each tail's p-value is Besag & Clifford's: STOP_AT / (draws
 * when the STOP_AT-th exceedance came), or (1 + exceedances) / (MAX_DRAWS + 1) if it never came.
 */
export function sequentialTests(
  o0: Float64Array,
  o1: Float64Array,
  K: number,
  estimate0: number,
  estimate1: number,
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  n1: number,
  seed: number,
): [RandomizationResult, RandomizationResult] {
  const cols = K + 1;
  if (rowsScratch.length < n * 3) rowsScratch = new Float32Array(Math.max(n * 3, 2 * rowsScratch.length));
  const rows = rowsScratch;
  // The rows hold the values rounded to single precision (half the memory, so a random row is
  // more often in cache); the observed statistic is computed from the same rounded values, so the
  // test is exact for them (any fixed function of the data is a valid statistic). The estimate
  // stays the double-precision one.
  packRows(rows, r, o0, o1, isTreated, n, cols, acc);
  const n0 = n - n1;
  const totals = [acc[0], acc[1], acc[2]];
  const R = acc[3] / n1 - (totals[0] - acc[3]) / n0;
  const A0 = acc[4] / n1 - (totals[1] - acc[4]) / n0;
  const A1 = acc[5] / n1 - (totals[2] - acc[5]) / n0;
  drawLoop(rows, null, K, n, n1, seed, totals, A0, A1);
  pilotCounters.draws += drawsMade * Math.min(n1, n0);
  return [resultOf(A0, R, As0, 0, estimate0), K > 1 ? resultOf(A1, R, As1, 1, estimate1) : NONE];
}

/** The conditional route's draws of one outcome (see drawLoop); totals: Σr and Σa over all units. */
export function sequentialDraws(
  plan: HeavyPlan,
  A: number,
  R: number,
  n: number,
  n1: number,
  seed: number,
  estimate: number,
  totals: number[],
): RandomizationResult {
  drawLoop(rowsScratch, plan, 1, n, n1, seed, totals, A, 0);
  pilotCounters.draws += drawsMade * plan.K;
  return resultOf(A, R, As0, 0, estimate);
}

/** Draws made by the last drawLoop. */
let drawsMade = 0;

/**
 * The sequential draws of K outcomes into Rs, As0, As1: full re-randomizations of `rows` (plan
 * null) or conditional ones (heavy-route.ts). After the first INTERVAL_DRAWS draws (the
 * interval's), drawing stops as soon as every outcome has STOP_AT exceedances in both tails.
 * `totals`: sums of r and the outcomes over all units (as the draws' sums are rounded).
 */
function drawLoop(
  rows: Float32Array,
  plan: HeavyPlan | null,
  K: number,
  n: number,
  n1: number,
  seed: number,
  totals: number[],
  A0: number,
  A1: number,
): void {
  const n0 = n - n1;
  const m = Math.min(n1, n0);
  const cols = K + 1;
  const isSmallTreated = n1 <= n0;
  const [sumR, total0, total1] = totals;
  tails.fill(0);
  let eps0 = 0;
  let eps1 = 0;
  let state = seed | 0;
  let b = 0;
  while (b < MAX_DRAWS) {
    state = plan === null ? drawOne(rows, n, m, cols, state, sums) : drawHeavy(plan, n, m, state, sums);
    Rs[b] = armDifference(sums[0], sumR, n1, n0, isSmallTreated);
    As0[b] = armDifference(sums[1], total0, n1, n0, isSmallTreated);
    As1[b] = K > 1 ? armDifference(sums[2], total1, n1, n0, isSmallTreated) : 0;
    b++;
    if (b < INTERVAL_DRAWS) continue;
    if (b === INTERVAL_DRAWS) {
      // Ties within rounding count as ties (as in randomization.ts), on the scale of these draws.
      eps0 = 1e-9 * (rootMeanSquare(As0, INTERVAL_DRAWS) + Math.abs(A0));
      eps1 = 1e-9 * (rootMeanSquare(As1, INTERVAL_DRAWS) + Math.abs(A1));
      tally(As0, 0, INTERVAL_DRAWS, A0, eps0, 0);
      if (K > 1) tally(As1, 0, INTERVAL_DRAWS, A1, eps1, 1);
    } else {
      tally(As0, b - 1, b, A0, eps0, 0);
      if (K > 1) tally(As1, b - 1, b, A1, eps1, 1);
    }
    if (isDecided(0) && (K === 1 || isDecided(1))) break;
  }
  drawsMade = b;
}

/** Treated − control difference in means from the drawn (smaller) arm's sum. */
function armDifference(s: number, total: number, n1: number, n0: number, isSmallTreated: boolean): number {
  const st = isSmallTreated ? s : total - s;
  return st / n1 - (total - st) / n0;
}

function rootMeanSquare(x: Float64Array, count: number): number {
  let ss = 0;
  for (let j = 0; j < count; j++) ss += x[j] * x[j];
  return Math.sqrt(ss / count);
}

/** Count draws from..to−1 of `As` in outcome k's tails, noting the draw of each STOP_AT-th. */
function tally(As: Float64Array, from: number, to: number, d: number, eps: number, k: number): void {
  for (let j = from; j < to; j++) {
    const v = As[j];
    if (v >= d - eps && ++tails[k] === STOP_AT) tails[4 + k] = j + 1;
    if (v <= d + eps && ++tails[2 + k] === STOP_AT) tails[6 + k] = j + 1;
  }
}

function isDecided(k: number): boolean {
  return tails[k] >= STOP_AT && tails[2 + k] >= STOP_AT;
}

/** Besag–Clifford p of one tail: STOP_AT / draws at its STOP_AT-th exceedance, else the full count. */
function tailP(count: number, at: number): number {
  return count >= STOP_AT ? STOP_AT / at : (1 + count) / (MAX_DRAWS + 1);
}

function resultOf(A: number, R: number, As: Float64Array, k: number, estimate: number): RandomizationResult {
  const iv = intervalOf(A, R, As, Rs, INTERVAL_DRAWS);
  const p = Math.min(1, 2 * Math.min(tailP(tails[k], tails[4 + k]), tailP(tails[2 + k], tails[6 + k])));
  return { estimate, lo90: iv.lo90, hi90: iv.hi90, p };
}

/**
 * Each unit's r and outcome(s) side by side, `cols` numbers a row, rounded to single precision;
 * sums of the rounded values (r, o0, o1 over all units, then over the treated) into out[0..5].
 */
function packRows(
  rows: Float32Array,
  r: Float64Array,
  o0: Float64Array,
  o1: Float64Array,
  isTreated: Uint8Array,
  n: number,
  cols: number,
  out: Float64Array,
): void {
  let sr = 0;
  let s0 = 0;
  let s1 = 0;
  let tr = 0;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < n; i++) {
    const ri = Math.fround(r[i]);
    const x0 = Math.fround(o0[i]);
    const x1 = cols === 3 ? Math.fround(o1[i]) : 0;
    rows[i * cols] = ri;
    rows[i * cols + 1] = x0;
    if (cols === 3) rows[i * 3 + 2] = x1;
    sr += ri;
    s0 += x0;
    s1 += x1;
    if (isTreated[i] !== 0) {
      tr += ri;
      t0 += x0;
      t1 += x1;
    }
  }
  out[0] = sr;
  out[1] = s0;
  out[2] = s1;
  out[3] = tr;
  out[4] = t0;
  out[5] = t1;
}

/**
 * One re-randomization: the sums of the first `cols` columns over a uniform m-subset of the n
 * rows, written to `out`; returns the generator's state. Closure-free, so V8 compiles it once.
 */
function drawOne(
  rows: Float32Array,
  n: number,
  m: number,
  cols: number,
  seed: number,
  out: Float64Array,
): number {
  let state = seed;
  let sr = 0;
  let s0 = 0;
  let s1 = 0;
  for (let k = 0; k < m; k++) {
    // mulberry32: one 32-bit output in [0, 2^32) per step.
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    const u = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    const pk = k * cols;
    const pj = (k + Math.floor(u * (n - k))) * cols;
    const tr = rows[pj];
    const t0 = rows[pj + 1];
    rows[pj] = rows[pk];
    rows[pj + 1] = rows[pk + 1];
    rows[pk] = tr;
    rows[pk + 1] = t0;
    sr += tr;
    s0 += t0;
    if (cols === 3) {
      const t1 = rows[pj + 2];
      rows[pj + 2] = rows[pk + 2];
      rows[pk + 2] = t1;
      s1 += t1;
    }
  }
  out[0] = sr;
  out[1] = s0;
  out[2] = s1;
  return state;
}
