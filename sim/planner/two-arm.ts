// Power of a two-sided test comparing two arms, on any effect scale. Proportions, means and
// cluster designs all reduce to this: an effect Δ, the per-customer SD of its estimate under H0
// and under H1, and an effective number of customers per arm (customers / design effect).
import { noncentralTCdf, normalCdf, normalInv, tQuantile } from '../stats/dist';
import { solveIncreasing } from './solve';

/** The reference distribution of the test statistic: normal (z) or Student t. */
export type TestKind = 'z' | 't';

/**
 * A two-arm comparison per customer: the estimated difference has standard error
 * `sdNull / √n` under H0 and `sdAlt / √n` under H1, with n effective customers per arm.
 */
export type EffectScale = {
  /** The true difference on the test's scale (proportions, 2·asin√p, or outcome units). */
  effect: number;
  /** √n × SE of the difference under H0 (e.g. √(2·p̄q̄) for the pooled proportion test). */
  sdNull: number;
  /** √n × SE of the difference under H1 (e.g. √(p1q1 + p2q2)). */
  sdAlt: number;
};

/**
 * Power of the two-sided level-α test of `scale.effect` = 0 with `nEff` effective customers
 * per arm: the probability that the test rejects, in either direction (both tails), which is
 * what a simulated power (share of replications with p < α) estimates. With λ = |Δ|·√n / sdAlt:
 * z test (`df` undefined): Φ(λ − c) + Φ(−λ − c), c = z_{1−α/2}·sdNull / sdAlt (R
 * `power.prop.test(strict = TRUE)`); t test: 1 − T_{df,λ}(c) + T_{df,λ}(−c), c =
 * t_{1−α/2,df}·sdNull / sdAlt (noncentral t; with sdNull = sdAlt R's `power.t.test(strict =
 * TRUE)`). The second term, the rejection in the wrong direction, is at most α/2.
 */
export function twoArmPower(scale: EffectScale, nEff: number, alpha: number, df?: number): number {
  const shift = (Math.abs(scale.effect) * Math.sqrt(nEff)) / scale.sdAlt;
  const ratio = scale.sdNull / scale.sdAlt;
  if (df === undefined) {
    const crit = normalInv(1 - alpha / 2) * ratio;
    return normalCdf(shift - crit) + normalCdf(-shift - crit);
  }
  const crit = tQuantile(1 - alpha / 2, df) * ratio;
  if (!Number.isFinite(crit)) return 0;
  return 1 - noncentralTCdf(crit, df, shift) + noncentralTCdf(-crit, df, shift);
}

/**
 * Effective customers per arm for a two-sided level-α z test to reach `power` (both tails,
 * the inverse of {@link twoArmPower} with df undefined). Starts from the closed form
 * n₀ = (z_{1−α/2}·sdNull + z_{power}·sdAlt)² / Δ² (Fleiss, Levin & Paik 2003, ch. 4, which
 * counts the upper tail only, so the power at n₀ is the target plus the wrong-direction tail)
 * and refines it by Brent's method; n scales as 1/Δ² for a fixed sdNull / sdAlt.
 */
export function zSampleSize(scale: EffectScale, alpha: number, power: number): number {
  const root = normalInv(1 - alpha / 2) * scale.sdNull + normalInv(power) * scale.sdAlt;
  const nUpperTail = (root * root) / (scale.effect * scale.effect);
  return solveIncreasing((n) => twoArmPower(scale, n, alpha) - power, nUpperTail, 0)!;
}
