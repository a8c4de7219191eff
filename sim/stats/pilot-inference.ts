// The pilot's randomization tests at their cost (engine v2): the same covariate-adjusted statistic
// and test inversion as randomization.ts, with draws only where they can matter.
// - An outcome whose randomization distribution is close to normal by a stated criterion (below)
//   is tested with that normal limit, with the exact permutation mean and variance: no draws.
// - Otherwise Monte Carlo re-randomizations, stopped once the test's decision is known
//   (Besag & Clifford 1991): the rejection decision is the one the fixed 199-draw test makes on
//   the same draws; the 90% interval comes from the first 79 draws ((79 + 1)·0.05 = 4 whole, so its
//   coverage is exact as well). Method and measured size: docs/model.md, "Pilot inference".

import { normalCdf } from './dist';
import { intervalOf, NONE, type RandomizationResult } from './randomization';

/** Most re-randomizations per test: decisions are those of the fixed test with this B. */
export const MAX_DRAWS = 199;
/** Re-randomizations the 90% interval is computed from: exact coverage, (79 + 1)·0.05 = 4. */
export const INTERVAL_DRAWS = 79;
/** Besag–Clifford h: a tail with this many exceedances cannot reject, (199 + 1)·0.025 = 5. */
const STOP_AT = 5;
/** Standard normal quantiles of the two-sided 5% test and of the 90% interval. */
const Z975 = 1.959963984540054;
const Z95 = 1.6448536269514722;
/** Normality criterion: no unit above this share of the sum of squares (Lindeberg–Hájek). */
const MAX_SHARE = 0.01;
/** ...and the Edgeworth estimate of the tail error within a tenth of each tail (2.5%, 5%). */
const TAIL_ERROR = 0.1;

/** How many analyses took each route, and how many re-randomizations were drawn (diagnostics). */
export const pilotCounters = { normal: 0, drawn: 0, draws: 0 };

/** Scratch for the loops' sums (one analysis at a time per thread). */
const acc = new Float64Array(8);

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
  armSums(a0, a1, r, isTreated, n, acc);
  const n1 = acc[0];
  const sumR = acc[1];
  const r1 = acc[2];
  const sum0 = acc[3];
  const sum1 = acc[4];
  const t0 = acc[5];
  const t1 = acc[6];
  const n0 = n - n1;
  if (n1 < 2 || n0 < 2) return [NONE, NONE];
  const R = r1 / n1 - (sumR - r1) / n0;
  if (!(R > 0)) return [NONE, NONE];
  const A0 = t0 / n1 - (sum0 - t0) / n0;
  const A1 = t1 / n1 - (sum1 - t1) / n0;
  const res0 = allowNormal ? normalTest(a0, r, n, n1, A0, R) : null;
  const res1 = allowNormal ? normalTest(a1, r, n, n1, A1, R) : null;
  if (res0 !== null) pilotCounters.normal++;
  if (res1 !== null) pilotCounters.normal++;
  if (res0 !== null && res1 !== null) return [res0, res1];
  // Draw for the outcomes the normal route does not take (one or both), against the same draws.
  if (res0 === null && res1 === null) {
    pilotCounters.drawn += 2;
    return sequentialTests(a0, a1, 2, A0, A1, sum0, sum1, r, sumR, R, n, n1, seed);
  }
  pilotCounters.drawn++;
  if (res0 === null)
    return [
      sequentialTests(a0, a0, 1, A0, A0, sum0, sum0, r, sumR, R, n, n1, seed)[0],
      res1 as RandomizationResult,
    ];
  return [res0, sequentialTests(a1, a1, 1, A1, A1, sum1, sum1, r, sumR, R, n, n1, seed)[0]];
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

/**
 * The normal route, or null where the criterion fails. Under re-randomization (complete, n1 of
 * n treated) the treated − control difference of fixed values v has mean 0 (v centred) and
 * variance n / (n1·n0·(n − 1))·Σv² exactly; under H0: τ the values are v = a − τ·r, so the set
 * {τ : |A − τR| ≤ z·sd(τ)} is the solution of a quadratic. The finite-population central limit
 * theorem (Hájek 1960) makes this the limit of the Monte Carlo test; the criterion (shapeOk)
 * asks that it be close at τ = 0 and at both bounds.
 */
function normalTest(
  a: Float64Array,
  r: Float64Array,
  n: number,
  n1: number,
  A: number,
  R: number,
): RandomizationResult | null {
  secondMoments(a, r, n, acc);
  const ma = acc[0];
  const mr = acc[1];
  const saa = acc[2];
  const sar = acc[3];
  const srr = acc[4];
  const c = n / (n1 * (n - n1) * (n - 1));
  if (!(saa > 0)) return null;
  const q = Z95 * Z95 * c;
  // (A − τR)² ≤ q·(saa − 2τ·sar + τ²·srr) ⇔ k2·τ² − 2·k1·τ + k0 ≤ 0.
  const k2 = R * R - q * srr;
  const k1 = A * R - q * sar;
  const k0 = A * A - q * saa;
  const disc = k1 * k1 - k2 * k0;
  if (!(k2 > 0) || !(disc >= 0)) return null;
  const lo = (k1 - Math.sqrt(disc)) / k2;
  const hi = (k1 + Math.sqrt(disc)) / k2;
  if (
    !shapeOk(a, r, n, n1, ma, mr, 0) ||
    !shapeOk(a, r, n, n1, ma, mr, lo) ||
    !shapeOk(a, r, n, n1, ma, mr, hi)
  )
    return null;
  const z = A / Math.sqrt(c * saa);
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { estimate: A / R, lo90: lo, hi90: hi, p };
}

/** Means of a and r and their central second moments (sums), into out[0..4]. */
function secondMoments(a: Float64Array, r: Float64Array, n: number, out: Float64Array): void {
  let ma = 0;
  let mr = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mr += r[i];
  }
  ma /= n;
  mr /= n;
  let saa = 0;
  let sar = 0;
  let srr = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const dr = r[i] - mr;
    saa += da * da;
    sar += da * dr;
    srr += dr * dr;
  }
  out[0] = ma;
  out[1] = mr;
  out[2] = saa;
  out[3] = sar;
  out[4] = srr;
}

/**
 * Whether the randomization distribution of the treated sum of v = a − τ·r is close enough to
 * normal: (1) no unit holds more than 1% of Σ(v − v̄)² (the Lindeberg condition of Hájek's 1960
 * theorem, which fails for heavy-tailed money: W1's largest unit holds 3–37%); (2) the one-term
 * Edgeworth correction for sampling without replacement (Babu & Singh 1985; skewness exact,
 * excess kurtosis to O(1/n) from Poisson sampling) moves each tail probability at the 2.5% and 5%
 * points by less than a tenth of itself. Cochran's rule (n > 25·G1², Cochran 1977 §2.15) is the
 * classical, looser form of (2): it allows a skewness of 0.2 here, this about 0.09.
 * `ma`, `mr`: the means of a and r.
 */
export function shapeOk(
  a: Float64Array,
  r: Float64Array,
  n: number,
  m: number,
  ma: number,
  mr: number,
  tau: number,
): boolean {
  higherMoments(a, r, n, ma - tau * mr, tau, acc);
  const s2 = acc[0];
  const s3 = acc[1];
  const s4 = acc[2];
  const top = acc[3];
  if (!(s2 > 0) || top > MAX_SHARE * s2) return false;
  const f = m / n;
  const variance = ((m * (n - m)) / (n * (n - 1))) * s2;
  const k3 = ((m * (n - m) * (n - 2 * m)) / (n * (n - 1) * (n - 2))) * s3;
  const skew = k3 / (variance * Math.sqrt(variance));
  const kurt = ((1 - 6 * f * (1 - f)) * s4) / (f * (1 - f) * s2 * s2);
  return (
    edgeworthError(Z975, skew, kurt) <= TAIL_ERROR * 0.025 &&
    edgeworthError(Z95, skew, kurt) <= TAIL_ERROR * 0.05
  );
}

/** Σv², Σv³, Σv⁴ and max v² of v = a − τ·r − mv, into out[0..3]. */
function higherMoments(
  a: Float64Array,
  r: Float64Array,
  n: number,
  mv: number,
  tau: number,
  out: Float64Array,
): void {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] - tau * r[i] - mv;
    const v2 = v * v;
    s2 += v2;
    s3 += v2 * v;
    s4 += v2 * v2;
    if (v2 > top) top = v2;
  }
  out[0] = s2;
  out[1] = s3;
  out[2] = s4;
  out[3] = top;
}

/** |Edgeworth correction| to a normal tail probability at z, to order 1/n (terms bounded separately). */
function edgeworthError(z: number, skew: number, kurt: number): number {
  const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const z2 = z * z;
  return (
    phi *
    ((Math.abs(skew) / 6) * Math.abs(z2 - 1) +
      (Math.abs(kurt) / 24) * Math.abs(z * (z2 - 3)) +
      ((skew * skew) / 72) * Math.abs(z * (z2 * z2 - 10 * z2 + 15)))
  );
}

let rowsScratch = new Float64Array(0);
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
function sequentialTests(
  o0: Float64Array,
  o1: Float64Array,
  K: number,
  A0: number,
  A1: number,
  total0: number,
  total1: number,
  r: Float64Array,
  sumR: number,
  R: number,
  n: number,
  n1: number,
  seed: number,
): [RandomizationResult, RandomizationResult] {
  const cols = K + 1;
  if (rowsScratch.length < n * 3) rowsScratch = new Float64Array(Math.max(n * 3, 2 * rowsScratch.length));
  const rows = rowsScratch;
  packRows(rows, r, o0, o1, n, cols);
  const n0 = n - n1;
  const m = Math.min(n1, n0);
  const isSmallTreated = n1 <= n0;
  tails.fill(0);
  let eps0 = 0;
  let eps1 = 0;
  let state = seed | 0;
  let b = 0;
  while (b < MAX_DRAWS) {
    state = drawOne(rows, n, m, cols, state, sums);
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
  pilotCounters.draws += b * m;
  return [resultOf(A0, R, As0, 0), K > 1 ? resultOf(A1, R, As1, 1) : NONE];
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

function resultOf(A: number, R: number, As: Float64Array, k: number): RandomizationResult {
  const iv = intervalOf(A, R, As, Rs, INTERVAL_DRAWS);
  const p = Math.min(1, 2 * Math.min(tailP(tails[k], tails[4 + k]), tailP(tails[2 + k], tails[6 + k])));
  return { estimate: iv.estimate, lo90: iv.lo90, hi90: iv.hi90, p };
}

/** Each unit's r and outcome(s) side by side, `cols` numbers a row. */
function packRows(
  rows: Float64Array,
  r: Float64Array,
  o0: Float64Array,
  o1: Float64Array,
  n: number,
  cols: number,
): void {
  if (cols === 3) {
    for (let i = 0; i < n; i++) {
      rows[i * 3] = r[i];
      rows[i * 3 + 1] = o0[i];
      rows[i * 3 + 2] = o1[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      rows[i * 2] = r[i];
      rows[i * 2 + 1] = o0[i];
    }
  }
}

/**
 * One re-randomization: the sums of the first `cols` columns over a uniform m-subset of the n
 * rows, written to `out`; returns the generator's state. Closure-free, so V8 compiles it once.
 */
function drawOne(
  rows: Float64Array,
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
