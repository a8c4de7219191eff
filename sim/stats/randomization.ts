// Covariate-adjusted randomization inference for a difference in means between randomized arms:
// exact size under the sharp null whatever the tails of the outcome, and an interval by inverting
// the test under a constant additive effect. Pure; randomness comes from the caller's uniforms.

/** Estimate, equal-tailed 90% interval and two-sided p-value (H0: no effect on anyone). */
export type RandomizationResult = { estimate: number; lo90: number; hi90: number; p: number };

export const NONE: RandomizationResult = {
  estimate: Number.NaN,
  lo90: Number.NaN,
  hi90: Number.NaN,
  p: Number.NaN,
};

/**
 * Residuals of an outcome and of the treatment indicator on one covariate (pooled OLS with
 * intercept, ignoring treatment): Rosenbaum's (2002) covariance adjustment. `x` null means no
 * covariate (residuals are deviations from the mean). Writes `e` and `r` (length n).
 */
export function residualize(
  y: Float64Array,
  x: Float64Array | null,
  isTreated: Uint8Array,
  n: number,
  e: Float64Array,
  r: Float64Array,
): void {
  let sy = 0;
  let sx = 0;
  let st = 0;
  for (let i = 0; i < n; i++) {
    sy += y[i];
    sx += x ? x[i] : 0;
    st += isTreated[i];
  }
  const my = sy / n;
  const mx = sx / n;
  const mt = st / n;
  let sxx = 0;
  let sxy = 0;
  let sxt = 0;
  if (x) {
    for (let i = 0; i < n; i++) {
      const dx = x[i] - mx;
      sxx += dx * dx;
      sxy += dx * (y[i] - my);
      sxt += dx * (isTreated[i] - mt);
    }
  }
  const by = sxx > 0 ? sxy / sxx : 0;
  const bt = sxx > 0 ? sxt / sxx : 0;
  for (let i = 0; i < n; i++) {
    const dx = x ? x[i] - mx : 0;
    e[i] = y[i] - my - by * dx;
    r[i] = isTreated[i] - mt - bt * dx;
  }
}

/**
 * Monte Carlo randomization test of the difference in unit means of `a` (treated − control), with
 * `permutations` re-randomizations that keep the number of treated units (complete randomization,
 * which is also the Bernoulli design conditional on its arm sizes), and its 90% interval.
 *
 * Under H0: τ (every unit's outcome moved by τ when treated) the adjusted statistic is linear in τ:
 * D(τ) = A − τ·R, with A, R the differences in means of `a` and `r` (the residualized outcome and
 * treatment). So each re-randomization keeps two sums and any τ is tested in O(permutations); the
 * interval {τ : both one-sided p > 0.05} is found by bisection (Imbens & Rubin 2015, ch. 5; Ernst
 * 2004). The estimate is A/R, the regression-adjusted (ANCOVA) difference. p-values count the
 * observed statistic among the re-randomizations, (1 + #{D* ≥ D}) / (B + 1), so the test has size
 * at most α for any B (reject when p ≤ α; with (B + 1)·α/2 a whole number the size is exactly α);
 * the two-sided p is twice the smaller one-sided p (equal tails).
 * `seed` (a 32-bit integer) fixes the re-randomizations; they are drawn by mulberry32, a small
 * fast generator (millions of draws per analysis; a subset draw needs no more than 32 bits).
 */
export function randomizationTest(
  a: Float64Array,
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  permutations: number,
  seed: number,
): RandomizationResult {
  return randomizationTests([a], r, isTreated, n, permutations, seed)[0];
}

/**
 * randomizationTest for one or two outcomes of the same units (same `r`: one covariate, one
 * assignment), against the same re-randomizations: each draw is made once for all outcomes.
 */
export function randomizationTests(
  outcomes: Float64Array[],
  r: Float64Array,
  isTreated: Uint8Array,
  n: number,
  permutations: number,
  seed: number,
): RandomizationResult[] {
  const K = outcomes.length;
  if (K < 1 || K > 2) throw new RangeError(`randomizationTests: 1 or 2 outcomes, got ${K}`);
  const o0 = outcomes[0];
  const o1 = K > 1 ? outcomes[1] : null;
  let n1 = 0;
  let sumR = 0;
  let r1 = 0;
  let sum0 = 0;
  let sum1 = 0;
  let a10 = 0;
  let a11 = 0;
  for (let i = 0; i < n; i++) {
    sumR += r[i];
    if (isTreated[i]) {
      n1++;
      r1 += r[i];
    }
    sum0 += o0[i];
    if (isTreated[i]) a10 += o0[i];
    if (o1) {
      sum1 += o1[i];
      if (isTreated[i]) a11 += o1[i];
    }
  }
  const n0 = n - n1;
  if (n1 < 2 || n0 < 2) return outcomes.map(() => NONE);
  const R = r1 / n1 - (sumR - r1) / n0;
  if (!(R > 0)) return outcomes.map(() => NONE);
  const sums = drawSubsetSums(r, o0, o1, n, Math.min(n1, n0), permutations, seed);
  // sums[3b + c]: the drawn (smaller) arm's sums of r, o0, o1 in re-randomization b.
  const isSmallTreated = n1 <= n0;
  const Rs = armDifferences(sums, 0, sumR, n1, n0, isSmallTreated, permutations);
  const res = [
    intervalOf(
      a10 / n1 - (sum0 - a10) / n0,
      R,
      armDifferences(sums, 1, sum0, n1, n0, isSmallTreated, permutations),
      Rs,
      permutations,
    ),
  ];
  if (o1)
    res.push(
      intervalOf(
        a11 / n1 - (sum1 - a11) / n0,
        R,
        armDifferences(sums, 2, sum1, n1, n0, isSmallTreated, permutations),
        Rs,
        permutations,
      ),
    );
  return res;
}

/** Treated − control difference in means per re-randomization, from the drawn arm's sums in column `c`. */
function armDifferences(
  sums: Float64Array,
  c: number,
  total: number,
  n1: number,
  n0: number,
  isSmallTreated: boolean,
  permutations: number,
): Float64Array {
  const out = new Float64Array(permutations);
  for (let b = 0; b < permutations; b++) {
    const s = isSmallTreated ? sums[3 * b + c] : total - sums[3 * b + c];
    out[b] = s / n1 - (total - s) / n0;
  }
  return out;
}

let rowsScratch = new Float64Array(0);

/** A scratch array of at least `length` entries, kept between calls (one analysis at a time per thread). */
function scratchRows(length: number): Float64Array {
  if (rowsScratch.length < length) rowsScratch = new Float64Array(Math.max(length, 2 * rowsScratch.length));
  return rowsScratch;
}

/**
 * Sums of r, o0 and o1 (0 when null) over `permutations` uniform m-subsets of the n units, drawn
 * by a partial Fisher–Yates shuffle that is not reset between draws (a partial shuffle of any fixed
 * arrangement gives a uniform m-subset). Each unit's three values sit side by side in one row and
 * the shuffle swaps whole rows, so a draw reads one random row instead of an index and an entry per
 * array: the units drawn and the order of every sum are those of an index shuffle. This loop is
 * most of the analysis's cost (the engine uses it for branch-level designs; customer-level ones go
 * through pilot-inference.ts, which draws the same way but only where it matters); it lives in a
 * function of its own, without closures, so V8 compiles it once and keeps it.
 */
function drawSubsetSums(
  r: Float64Array,
  o0: Float64Array,
  o1: Float64Array | null,
  n: number,
  m: number,
  permutations: number,
  seed: number,
): Float64Array {
  const rows = scratchRows(n * 3);
  for (let i = 0; i < n; i++) {
    rows[i * 3] = r[i];
    rows[i * 3 + 1] = o0[i];
    rows[i * 3 + 2] = o1 === null ? 0 : o1[i];
  }
  const sums = new Float64Array(3 * permutations);
  let state = seed | 0;
  for (let b = 0; b < permutations; b++) {
    let sr = 0;
    let s0 = 0;
    let s1 = 0;
    for (let k = 0; k < m; k++) {
      // mulberry32: one 32-bit output in [0, 2^32) per step.
      state = (state + 0x6d2b79f5) | 0;
      let z = Math.imul(state ^ (state >>> 15), state | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      const u = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
      const pk = k * 3;
      const pj = (k + Math.floor(u * (n - k))) * 3;
      const tr = rows[pj];
      const t0 = rows[pj + 1];
      const t1 = rows[pj + 2];
      rows[pj] = rows[pk];
      rows[pj + 1] = rows[pk + 1];
      rows[pj + 2] = rows[pk + 2];
      rows[pk] = tr;
      rows[pk + 1] = t0;
      rows[pk + 2] = t1;
      sr += tr;
      s0 += t0;
      s1 += t1;
    }
    sums[3 * b] = sr;
    sums[3 * b + 1] = s0;
    sums[3 * b + 2] = s1;
  }
  return sums;
}

/**
 * Share of re-randomizations at least as extreme as the observed statistic under H0: τ, on the
 * upper side (`isUpper`: D* ≥ D) or the lower side, counting the observed one: (1 + #) / (B + 1).
 */
function tailShare(
  A: number,
  R: number,
  As: Float64Array,
  Rs: Float64Array,
  permutations: number,
  eps: number,
  tau: number,
  isUpper: boolean,
): number {
  const d = A - tau * R;
  let count = 1;
  for (let b = 0; b < permutations; b++) {
    const v = As[b] - tau * Rs[b];
    if (isUpper ? v >= d - eps : v <= d + eps) count++;
  }
  return count / (permutations + 1);
}

/**
 * The bound of the 90% interval on one side: the furthest τ from the estimate (direction `dir`)
 * that the one-sided test on `isUpper`'s side does not reject at 5%, by doubling then bisection.
 */
function bound(
  A: number,
  R: number,
  As: Float64Array,
  Rs: Float64Array,
  permutations: number,
  eps: number,
  sdA: number,
  isUpper: boolean,
  dir: number,
): number {
  const estimate = A / R;
  let inside = estimate;
  let step = sdA / R;
  let outside = estimate + dir * step;
  for (let k = 0; k < 60 && tailShare(A, R, As, Rs, permutations, eps, outside, isUpper) > 0.05; k++) {
    inside = outside;
    step *= 2;
    outside = estimate + dir * step;
  }
  for (let k = 0; k < 60; k++) {
    const mid = (inside + outside) / 2;
    if (tailShare(A, R, As, Rs, permutations, eps, mid, isUpper) > 0.05) inside = mid;
    else outside = mid;
  }
  return inside;
}

/**
 * p-value at τ = 0 and the 90% interval from the observed (A, R) and the re-randomized ones (the
 * first `permutations` entries of As and Rs). Exact for B = `permutations` with (B + 1)·0.05 whole.
 */
export function intervalOf(
  A: number,
  R: number,
  As: Float64Array,
  Rs: Float64Array,
  permutations: number,
): RandomizationResult {
  let scale = 0;
  for (let b = 0; b < permutations; b++) scale += As[b] * As[b];
  const sdA = Math.sqrt(scale / permutations);
  // Ties within rounding count as ties (binary outcomes make many exact ties).
  const eps = 1e-9 * (sdA + Math.abs(A));
  const ge = tailShare(A, R, As, Rs, permutations, eps, 0, true);
  const le = tailShare(A, R, As, Rs, permutations, eps, 0, false);
  const p = Math.min(1, 2 * Math.min(ge, le));
  const estimate = A / R;
  if (!(sdA > 0)) return { estimate, lo90: estimate, hi90: estimate, p };
  // Lower bound: the smallest τ not rejected by the upper-tail test, and symmetrically.
  return {
    estimate,
    lo90: bound(A, R, As, Rs, permutations, eps, sdA, true, -1),
    hi90: bound(A, R, As, Rs, permutations, eps, sdA, false, 1),
    p,
  };
}
