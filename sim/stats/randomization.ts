// Covariate-adjusted randomization inference for a difference in means between randomized arms:
// exact size under the sharp null whatever the tails of the outcome, and an interval by inverting
// the test under a constant additive effect. Pure; randomness comes from the caller's uniforms.

/** Estimate, equal-tailed 90% interval and two-sided p-value (H0: no effect on anyone). */
export type RandomizationResult = { estimate: number; lo90: number; hi90: number; p: number };

const NONE: RandomizationResult = {
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
 * randomizationTest for several outcomes of the same units (same `r`: one covariate, one
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
  let n1 = 0;
  let sumR = 0;
  let r1 = 0;
  const sumA = new Float64Array(K);
  const a1 = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    sumR += r[i];
    if (isTreated[i]) {
      n1++;
      r1 += r[i];
    }
    for (let c = 0; c < K; c++) {
      sumA[c] += outcomes[c][i];
      if (isTreated[i]) a1[c] += outcomes[c][i];
    }
  }
  const n0 = n - n1;
  if (n1 < 2 || n0 < 2) return outcomes.map(() => NONE);
  const diff = (s: number, total: number) => s / n1 - (total - s) / n0;
  const R = diff(r1, sumR);
  if (!(R > 0)) return outcomes.map(() => NONE);
  // Draw the smaller arm: m of n units by a partial Fisher–Yates shuffle. The index array is not
  // reset between draws: a partial shuffle of any fixed arrangement gives a uniform m-subset.
  const isSmallTreated = n1 <= n0;
  const m = isSmallTreated ? n1 : n0;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let state = seed | 0;
  const As = outcomes.map(() => new Float64Array(permutations));
  const Rs = new Float64Array(permutations);
  const sa = new Float64Array(K);
  for (let b = 0; b < permutations; b++) {
    sa.fill(0);
    let sr = 0;
    for (let k = 0; k < m; k++) {
      // mulberry32: one 32-bit output in [0, 2^32) per step.
      state = (state + 0x6d2b79f5) | 0;
      let z = Math.imul(state ^ (state >>> 15), state | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      const u = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
      const j = k + Math.floor(u * (n - k));
      const t = idx[k];
      const unit = idx[j];
      idx[k] = unit;
      idx[j] = t;
      sr += r[unit];
      for (let c = 0; c < K; c++) sa[c] += outcomes[c][unit];
    }
    Rs[b] = isSmallTreated ? diff(sr, sumR) : diff(sumR - sr, sumR);
    for (let c = 0; c < K; c++)
      As[c][b] = isSmallTreated ? diff(sa[c], sumA[c]) : diff(sumA[c] - sa[c], sumA[c]);
  }
  return outcomes.map((_, c) => intervalOf(diff(a1[c], sumA[c]), R, As[c], Rs, permutations));
}

/** p-value at τ = 0 and the 90% interval from the observed (A, R) and the re-randomized ones. */
function intervalOf(
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
  const oneSided = (tau: number) => {
    const d = A - tau * R;
    let ge = 1;
    let le = 1;
    for (let b = 0; b < permutations; b++) {
      const v = As[b] - tau * Rs[b];
      if (v >= d - eps) ge++;
      if (v <= d + eps) le++;
    }
    return { ge: ge / (permutations + 1), le: le / (permutations + 1) };
  };
  const at0 = oneSided(0);
  const p = Math.min(1, 2 * Math.min(at0.ge, at0.le));
  const estimate = A / R;
  if (!(sdA > 0)) return { estimate, lo90: estimate, hi90: estimate, p };
  // Lower bound: the smallest τ not rejected by the upper-tail test, and symmetrically.
  const bound = (side: 'ge' | 'le', dir: number) => {
    let inside = estimate;
    let step = sdA / R;
    let outside = estimate + dir * step;
    for (let k = 0; k < 60 && oneSided(outside)[side] > 0.05; k++) {
      inside = outside;
      step *= 2;
      outside = estimate + dir * step;
    }
    for (let k = 0; k < 60; k++) {
      const mid = (inside + outside) / 2;
      if (oneSided(mid)[side] > 0.05) inside = mid;
      else outside = mid;
    }
    return inside;
  };
  return { estimate, lo90: bound('ge', -1), hi90: bound('le', 1), p };
}
