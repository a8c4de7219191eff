// The normal route of the pilot's randomization tests (sim/stats/pilot-inference.ts): the normal
// limit of the randomization distribution with its exact permutation mean and variance, taken only
// where a stated criterion says it is close (docs/model.md, "Engine v2: draws only where they matter").

import { normalCdf } from './dist';
import type { RandomizationResult } from './randomization';

/** Standard normal quantiles of the two-sided 5% test and of the 90% interval. */
const Z975 = 1.959963984540054;
const Z95 = 1.6448536269514722;
/** Normality criterion: no unit above this share of the sum of squares (Lindeberg–Hájek). */
const MAX_SHARE = 0.01;
/** ...and the Edgeworth estimate of the tail error within a tenth of each tail (2.5%, 5%). */
const TAIL_ERROR = 0.1;

/**
 * The normal route, or null where the criterion fails. Under re-randomization (complete, n1 of
 * n treated) the treated − control difference of fixed values v has mean 0 (v centred) and
 * variance n / (n1·n0·(n − 1))·Σv² exactly; under H0: τ the values are v = a − τ·r, so the set
 * {τ : |A − τR| ≤ z·sd(τ)} is the solution of a quadratic. The finite-population central limit
 * theorem (Hájek 1960) makes this the limit of the Monte Carlo test; the criterion (shapeOk)
 * asks that it be close at τ = 0 and at both bounds. `at0`: Σv², Σv³, Σv⁴ and max v² of the
 * centred a (v at τ = 0, as higherMoments), computed by the caller's pass; `acc`: scratch of ≥ 8.
 */
export function normalTest(
  a: Float64Array,
  r: Float64Array,
  n: number,
  n1: number,
  A: number,
  R: number,
  mom: SecondMoments,
  at0: Float64Array,
  acc: Float64Array,
): RandomizationResult | null {
  const { ma, mr, saa, sar, srr } = mom;
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
  if (!isCloseToNormal(at0[0], at0[1], at0[2], at0[3], n, n1)) return null;
  // Both bounds in one pass over the units.
  higherMoments2(a, r, n, ma - lo * mr, lo, ma - hi * mr, hi, acc);
  if (!isCloseToNormal(acc[0], acc[1], acc[2], acc[3], n, n1)) return null;
  if (!isCloseToNormal(acc[4], acc[5], acc[6], acc[7], n, n1)) return null;
  const z = A / Math.sqrt(c * saa);
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { estimate: A / R, lo90: lo, hi90: hi, p };
}

/** Means of a and r, and the sums of squares and products of their deviations (Σ(a − ā)², …). */
export type SecondMoments = { ma: number; mr: number; saa: number; sar: number; srr: number };

/**
 * Whether the randomization distribution of the treated sum of v = a − τ·r is close enough to
 * normal: (1) no unit holds more than 1% of Σ(v − v̄)² (the Lindeberg condition of Hájek's 1960
 * theorem, which fails for heavy-tailed money: W1's largest unit holds 3–37%); (2) the one-term
 * Edgeworth correction for sampling without replacement (Babu & Singh 1985; skewness exact,
 * excess kurtosis to O(1/n) from Poisson sampling) moves each tail probability at the 2.5% and 5%
 * points by less than a tenth of itself. Cochran's rule (n > 25·G1², Cochran 1977 §2.15) is the
 * classical, looser form of (2): it allows a skewness of 0.2 here, this about 0.09.
 * `ma`, `mr`: the means of a and r; `acc`: scratch of length ≥ 4.
 */
export function shapeOk(
  a: Float64Array,
  r: Float64Array,
  n: number,
  m: number,
  ma: number,
  mr: number,
  tau: number,
  acc: Float64Array,
): boolean {
  higherMoments(a, r, n, ma - tau * mr, tau, acc);
  return isCloseToNormal(acc[0], acc[1], acc[2], acc[3], n, m);
}

/**
 * shapeOk's criterion from the central moment sums of v (Σv², Σv³, Σv⁴, max v²) of a population
 * of n units of which m are drawn (m need not be whole: the conditional route's expected count).
 */
export function isCloseToNormal(
  s2: number,
  s3: number,
  s4: number,
  top: number,
  n: number,
  m: number,
): boolean {
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

/** higherMoments at two values of τ in one pass: τ1's sums into out[0..3], τ2's into out[4..7]. */
export function higherMoments2(
  a: Float64Array,
  r: Float64Array,
  n: number,
  mv1: number,
  tau1: number,
  mv2: number,
  tau2: number,
  out: Float64Array,
): void {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let top = 0;
  let t2 = 0;
  let t3 = 0;
  let t4 = 0;
  let tTop = 0;
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const ri = r[i];
    const v = ai - tau1 * ri - mv1;
    const v2 = v * v;
    s2 += v2;
    s3 += v2 * v;
    s4 += v2 * v2;
    if (v2 > top) top = v2;
    const w = ai - tau2 * ri - mv2;
    const w2 = w * w;
    t2 += w2;
    t3 += w2 * w;
    t4 += w2 * w2;
    if (w2 > tTop) tTop = w2;
  }
  out[0] = s2;
  out[1] = s3;
  out[2] = s4;
  out[3] = top;
  out[4] = t2;
  out[5] = t3;
  out[6] = t4;
  out[7] = tTop;
}
