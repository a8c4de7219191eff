// Two independent means (a continuous outcome such as balance or spend), z and t tests.
import { checkAbove, checkAlpha, checkPower, PlannerInputError } from './errors';
import { solveFrom, solveIncreasing } from './solve';
import { type EffectScale, type TestKind, twoArmPower, zSampleSize } from './two-arm';

/** Per-customer effect scale of two means: Δ = δ and sdNull = sdAlt = σ·√2 (SE = σ·√(2/n)). */
export function meanScale(delta: number, sd: number): EffectScale {
  return { effect: delta, sdNull: sd * Math.SQRT2, sdAlt: sd * Math.SQRT2 };
}

/** Throws a {@link PlannerInputError} unless σ > 0 and δ is finite and non-zero. */
export function checkMeans(delta: number, sd: number): void {
  checkAbove('sd', sd, 0);
  if (!(Number.isFinite(delta) && delta !== 0)) {
    throw new PlannerInputError('delta', delta, 'not-a-difference');
  }
}

/** Inputs shared by the two-means functions; `delta` and `sd` in the outcome's units. */
type MeanCommon = { sd: number; alpha: number; test: TestKind };

/**
 * Fewest customers per arm for a t test: df = 2(n − 1) ≥ 2. Below it jStat's noncentral t
 * series (cut after ~200 terms) fails for λ ≳ 22, and such a test is meaningless anyway.
 */
export const MIN_T_PER_ARM = 2;

/** Throws unless n > 1 customers per arm (n ≥ 2 for a t test). */
export function checkNPerArm(nPerArm: number, test: TestKind): void {
  checkAbove('nPerArm', nPerArm, test === 't' ? MIN_T_PER_ARM : 1, test === 't');
}

/** Power of the two-sided test (both tails) of two means with n customers per arm; t with df = 2(n − 1). */
function powerAtN(scale: EffectScale, nPerArm: number, alpha: number, test: TestKind): number {
  return twoArmPower(scale, nPerArm, alpha, test === 't' ? 2 * (nPerArm - 1) : undefined);
}

/**
 * Customers per arm (unrounded) for a two-sided level-α test of two means to reach `power`
 * (both tails, {@link meanPower}). z: by Brent's method from the upper-tail closed form
 * n = 2·(z_{1−α/2} + z_{power})²·σ² / δ². t: the n > 1 at which the noncentral t power with
 * df = 2(n − 1), λ = δ / (σ·√(2/n)) reaches `power`, by Brent's method (as R's `power.t.test`,
 * which gives 22.02110 for δ = σ = 1, power 0.9); at least 2.
 */
export function meanSampleSize(p: MeanCommon & { delta: number; power: number }): number {
  checkMeans(p.delta, p.sd);
  checkAlpha(p.alpha);
  checkPower(p.power, p.alpha);
  const scale = meanScale(p.delta, p.sd);
  const nZ = zSampleSize(scale, p.alpha, p.power);
  if (p.test === 'z') return nZ;
  return solveFrom((n) => powerAtN(scale, n, p.alpha, 't') - p.power, MIN_T_PER_ARM, nZ)!;
}

/**
 * Power of the two-sided level-α test of two means with `nPerArm` customers per arm, both
 * tails, λ = |δ|·√(n/2)/σ. z: Φ(λ − z_{1−α/2}) + Φ(−λ − z_{1−α/2}). t: 1 − T_{df,λ}(t_{1−α/2,df})
 * + T_{df,λ}(−t_{1−α/2,df}) with df = 2(n − 1) (R `power.t.test(strict = TRUE)`: 0.8689528 for
 * n = 20, δ = σ = 1).
 */
export function meanPower(p: MeanCommon & { delta: number; nPerArm: number }): number {
  checkMeans(p.delta, p.sd);
  checkAlpha(p.alpha);
  checkNPerArm(p.nPerArm, p.test);
  return powerAtN(meanScale(p.delta, p.sd), p.nPerArm, p.alpha, p.test);
}

/**
 * Minimum detectable difference δ > 0 (outcome units) for `nPerArm` customers per arm at the
 * given power (both tails). z: δ = σ·√(n₁/n), n₁ the z sample size for δ = 1 (power depends on
 * δ²·n only). t: root of the noncentral t power in δ.
 */
export function meanMde(p: MeanCommon & { power: number; nPerArm: number }): number {
  checkAbove('sd', p.sd, 0);
  checkAlpha(p.alpha);
  checkPower(p.power, p.alpha);
  checkNPerArm(p.nPerArm, p.test);
  if (p.test === 'z') return Math.sqrt(zSampleSize(meanScale(1, p.sd), p.alpha, p.power) / p.nPerArm);
  return solveDelta(
    p.sd,
    p.power,
    (scale) => powerAtN(scale, p.nPerArm, p.alpha, p.test),
    p.nPerArm,
    p.alpha,
  );
}

/**
 * The δ > 0 at which `powerAt(meanScale(δ, σ))` reaches `power`, starting from the z answer
 * at nEff effective customers per arm. Power rises to 1 in δ, so it exists.
 */
export function solveDelta(
  sd: number,
  power: number,
  powerAt: (scale: EffectScale) => number,
  nEff: number,
  alpha: number,
): number {
  const deltaZ = Math.sqrt(zSampleSize(meanScale(1, sd), alpha, power) / nEff);
  return solveIncreasing((delta) => powerAt(meanScale(delta, sd)) - power, deltaZ, 0)!;
}
