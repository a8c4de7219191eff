// Two independent proportions (a binary outcome such as "took up the offer"), z tests.
import { checkAbove, checkAlpha, checkPower, checkProbability, PlannerInputError } from './errors';
import { findRoot } from './solve';
import { type EffectScale, twoArmPower, zSampleSize } from './two-arm';

/**
 * How the test treats the variance: `pooled` (the usual χ² / prop.test form, variance from
 * p̄ = (p1+p2)/2 under H0), `unpooled` (Wald, p1q1 + p2q2 throughout) or `arcsine` (Cohen's h).
 */
export type ProportionMethod = 'pooled' | 'unpooled' | 'arcsine';

/** Control and treatment response rates (probabilities in (0, 1)) and the test's variance form. */
export type TwoProportions = { pControl: number; pTreat: number; method: ProportionMethod };

/**
 * Per-customer effect scale of a two-proportion test. pooled: Δ = p1 − p2, sdNull = √(2p̄q̄),
 * sdAlt = √(p1q1 + p2q2) (Fleiss, Levin & Paik 2003, ch. 4). unpooled: sdNull = sdAlt =
 * √(p1q1 + p2q2). arcsine: Δ = h = 2·asin√p1 − 2·asin√p2 (Cohen 1988, ch. 6), and since
 * Var(2·asin√p̂) ≈ 1/n, sdNull = sdAlt = √2. No validation: callers check the inputs.
 */
export function proportionScale(pControl: number, pTreat: number, method: ProportionMethod): EffectScale {
  const alt = Math.sqrt(pControl * (1 - pControl) + pTreat * (1 - pTreat));
  if (method === 'arcsine') {
    const h = 2 * Math.asin(Math.sqrt(pTreat)) - 2 * Math.asin(Math.sqrt(pControl));
    return { effect: h, sdNull: Math.SQRT2, sdAlt: Math.SQRT2 };
  }
  if (method === 'unpooled') return { effect: pTreat - pControl, sdNull: alt, sdAlt: alt };
  const pBar = (pControl + pTreat) / 2;
  return { effect: pTreat - pControl, sdNull: Math.sqrt(2 * pBar * (1 - pBar)), sdAlt: alt };
}

/** Throws a {@link PlannerInputError} unless both rates are probabilities and differ. */
export function checkProportions(pControl: number, pTreat: number): void {
  checkProbability('pControl', pControl);
  checkProbability('pTreat', pTreat);
  if (pControl === pTreat) {
    throw new PlannerInputError('pTreat', pTreat, 'equals-control');
  }
}

/**
 * Customers per arm (unrounded) for a two-sided level-α z test of two proportions to reach
 * `power`, both tails counted ({@link proportionPower}; R `power.prop.test(strict = TRUE)`):
 * Brent's method from the upper-tail closed forms, pooled n = [z_{1−α/2}·√(2p̄q̄) +
 * z_{power}·√(p1q1+p2q2)]² / (p1−p2)² (Fleiss, Levin & Paik 2003, ch. 4), unpooled
 * n = (z_{1−α/2} + z_{power})²·(p1q1+p2q2) / (p1−p2)², arcsine n = 2·((z_{1−α/2} + z_{power}) / h)²
 * (Cohen 1988, ch. 6), each of which the exact n undercuts by the wrong-direction tail.
 */
export function proportionSampleSize(p: TwoProportions & { alpha: number; power: number }): number {
  checkProportions(p.pControl, p.pTreat);
  checkAlpha(p.alpha);
  checkPower(p.power, p.alpha);
  return zSampleSize(proportionScale(p.pControl, p.pTreat, p.method), p.alpha, p.power);
}

/**
 * Power of the two-sided level-α z test of two proportions with `nPerArm` customers per arm,
 * both tails (R `power.prop.test(strict = TRUE)`). pooled: Φ((|p1−p2|·√n − z_{1−α/2}·√(2p̄q̄)) /
 * √(p1q1+p2q2)) + Φ((−|p1−p2|·√n − z_{1−α/2}·√(2p̄q̄)) / √(p1q1+p2q2)); the other methods likewise
 * on their scale.
 */
export function proportionPower(p: TwoProportions & { alpha: number; nPerArm: number }): number {
  checkProportions(p.pControl, p.pTreat);
  checkAlpha(p.alpha);
  checkAbove('nPerArm', p.nPerArm, 1);
  return twoArmPower(proportionScale(p.pControl, p.pTreat, p.method), p.nPerArm, p.alpha);
}

/**
 * Minimum detectable treatment rate: the p_treat > p_control at which the two-sided level-α
 * z test with `nPerArm` customers per arm reaches `power` (root of the power curve by Brent's
 * method, like `power.prop.test(p2 = NULL)`). Throws if even p_treat → 1 falls short.
 */
export function proportionMde(p: {
  pControl: number;
  method: ProportionMethod;
  alpha: number;
  power: number;
  nPerArm: number;
}): number {
  checkProbability('pControl', p.pControl);
  checkAlpha(p.alpha);
  checkPower(p.power, p.alpha);
  checkAbove('nPerArm', p.nPerArm, 1);
  const powerAt = (pTreat: number) =>
    twoArmPower(proportionScale(p.pControl, pTreat, p.method), p.nPerArm, p.alpha);
  const pTreat = solveTreatRate(p.pControl, p.power, powerAt);
  if (pTreat === null) throw unreachableRate('nPerArm', p.nPerArm, p.pControl, p.power, powerAt(1));
  return pTreat;
}

/** The error for a design whose power stays below target even at p_treat = 1. */
export function unreachableRate(
  sizeInput: string,
  size: number,
  pControl: number,
  power: number,
  bestPower: number,
): PlannerInputError {
  return new PlannerInputError(sizeInput, size, 'size-too-small', {
    pControl,
    best: Number(bestPower.toPrecision(4)),
    sizeInput,
    power,
  });
}

/**
 * The p_treat in (p_control, 1] where `powerAt(p_treat)`, increasing from ≤ α at p_control,
 * reaches `power` (Brent's method); `null` when even p_treat = 1 falls short.
 */
export function solveTreatRate(
  pControl: number,
  power: number,
  powerAt: (pTreat: number) => number,
): number | null {
  if (powerAt(1) < power) return null;
  return findRoot((pTreat) => powerAt(pTreat) - power, pControl, 1, 1e-14);
}
