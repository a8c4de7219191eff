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

/**
 * Both outcomes' tests and 90% intervals for one design's units (see randomizationTests for the
 * statistic, its linearity in τ and the interval by inversion). `allowNormal`: the units are
 * many exchangeable customers, so the normal route may be used where the criterion holds.
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
  let n1 = 0;
  let sumR = 0;
  let r1 = 0;
  let sum0 = 0;
  let sum1 = 0;
  let t0 = 0;
  let t1 = 0;
  for (let i = 0; i < n; i++) {
    sumR += r[i];
    sum0 += a0[i];
    sum1 += a1[i];
    if (isTreated[i]) {
      n1++;
      r1 += r[i];
      t0 += a0[i];
      t1 += a1[i];
    }
  }
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
  const drawn = res0 === null ? (res1 === null ? [a0, a1] : [a0]) : [a1];
  const observed = res0 === null ? (res1 === null ? [A0, A1] : [A0]) : [A1];
  const totals = res0 === null ? (res1 === null ? [sum0, sum1] : [sum0]) : [sum1];
  const out = sequentialTests(drawn, observed, totals, r, sumR, R, n, n1, seed);
  pilotCounters.drawn += drawn.length;
  if (res0 === null) return [out[0], res1 ?? out[1]];
  return [res0, out[0]];
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

/**
 * Whether the randomization distribution of the treated sum of v = a − τ·r is close enough to
 * normal: (1) no unit holds more than 1% of Σ(v − v̄)² (the Lindeberg condition of Hájek's 1960
 * theorem, which fails for heavy-tailed money: W1's largest unit holds 3–37%); (2) the one-term
 * Edgeworth correction for sampling without replacement (Babu & Singh 1985; skewness exact,
 * excess kurtosis to O(1/n) from Poisson sampling) moves each tail probability at the 2.5% and 5%
 * points by less than a tenth of itself. Cochran's rule (n > 25·G1², Cochran 1977 §2.15) is the
 * classical, looser form of (2): it allows a skewness of 0.2 here, this about 0.09.
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
  const mv = ma - tau * mr;
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
  if (!(s2 > 0) || top > MAX_SHARE * s2) return false;
  const f = m / n;
  const variance = ((m * (n - m)) / (n * (n - 1))) * s2;
  const k3 = ((m * (n - m) * (n - 2 * m)) / (n * (n - 1) * (n - 2))) * s3;
  const skew = k3 / variance ** 1.5;
  const kurt = ((1 - 6 * f * (1 - f)) * s4) / (f * (1 - f) * s2 * s2);
  return (
    edgeworthError(Z975, skew, kurt) <= TAIL_ERROR * 0.025 &&
    edgeworthError(Z95, skew, kurt) <= TAIL_ERROR * 0.05
  );
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

/**
 * Monte Carlo tests of one or two outcomes against the same re-randomizations: draws of the
 * smaller arm (uniform m-subsets by a partial Fisher–Yates shuffle not reset between draws, the
 * same mulberry32 stream and swaps as randomization.ts, so the same units in the same order).
 * After the first INTERVAL_DRAWS draws (the interval's), drawing stops as soon as every outcome has
 * STOP_AT exceedances in both tails; each tail's p-value is Besag & Clifford's: STOP_AT / (draws
 * when the STOP_AT-th exceedance came), or (1 + exceedances) / (MAX_DRAWS + 1) if it never came.
 */
function sequentialTests(
  outs: Float64Array[],
  observed: number[],
  totals: number[],
  r: Float64Array,
  sumR: number,
  R: number,
  n: number,
  n1: number,
  seed: number,
): RandomizationResult[] {
  const K = outs.length;
  const cols = K + 1;
  if (rowsScratch.length < n * 3) rowsScratch = new Float64Array(Math.max(n * 3, 2 * rowsScratch.length));
  const rows = rowsScratch;
  const o0 = outs[0];
  const o1 = K > 1 ? outs[1] : o0;
  for (let i = 0; i < n; i++) {
    rows[i * cols] = r[i];
    rows[i * cols + 1] = o0[i];
    if (K > 1) rows[i * cols + 2] = o1[i];
  }
  const n0 = n - n1;
  const m = Math.min(n1, n0);
  const isSmallTreated = n1 <= n0;
  const Rs = new Float64Array(MAX_DRAWS);
  const As = outs.map(() => new Float64Array(MAX_DRAWS));
  const sums = new Float64Array(3);
  // Per outcome: exceedances above / below and the draw count at the STOP_AT-th of each.
  const up = new Int32Array(K);
  const down = new Int32Array(K);
  const upAt = new Int32Array(K);
  const downAt = new Int32Array(K);
  const eps = new Float64Array(K);
  const diff = (s: number, total: number) => {
    const st = isSmallTreated ? s : total - s;
    return st / n1 - (total - st) / n0;
  };
  const tally = (v: number, d: number, e: number, k: number, at: number) => {
    if (v >= d - e && ++up[k] === STOP_AT) upAt[k] = at;
    if (v <= d + e && ++down[k] === STOP_AT) downAt[k] = at;
  };
  let state = seed | 0;
  let b = 0;
  for (; b < MAX_DRAWS; b++) {
    state = drawOne(rows, n, m, cols, state, sums);
    Rs[b] = diff(sums[0], sumR);
    for (let k = 0; k < K; k++) As[k][b] = diff(sums[k + 1], totals[k]);
    if (b + 1 < INTERVAL_DRAWS) continue;
    if (b + 1 === INTERVAL_DRAWS) {
      // Ties within rounding count as ties (as in randomization.ts), on the scale of these draws.
      for (let k = 0; k < K; k++) {
        let ss = 0;
        for (let j = 0; j < INTERVAL_DRAWS; j++) ss += As[k][j] * As[k][j];
        eps[k] = 1e-9 * (Math.sqrt(ss / INTERVAL_DRAWS) + Math.abs(observed[k]));
        for (let j = 0; j < INTERVAL_DRAWS; j++) tally(As[k][j], observed[k], eps[k], k, j + 1);
      }
    } else for (let k = 0; k < K; k++) tally(As[k][b], observed[k], eps[k], k, b + 1);
    let done = true;
    for (let k = 0; k < K; k++) if (up[k] < STOP_AT || down[k] < STOP_AT) done = false;
    if (done) {
      b++;
      break;
    }
  }
  pilotCounters.draws += b * m;
  const tailP = (count: number, at: number) =>
    count >= STOP_AT ? STOP_AT / at : (1 + count) / (MAX_DRAWS + 1);
  return outs.map((_, k) => {
    const iv = intervalOf(observed[k], R, As[k], Rs, INTERVAL_DRAWS);
    const p = Math.min(1, 2 * Math.min(tailP(up[k], upAt[k]), tailP(down[k], downAt[k])));
    return { estimate: iv.estimate, lo90: iv.lo90, hi90: iv.hi90, p };
  });
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
