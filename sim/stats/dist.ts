// The one place sim/ touches jstat. jstat is used for cdf/inv/pdf only: its samplers read the
// global Math.random, which would break reproducibility from a seed.
import jstatModule from 'jstat';
import { normalQuantile } from './normal';

type JStat = typeof import('jstat')['jStat'];
const mod = jstatModule as unknown as JStat & { jStat?: JStat };
const jStat: JStat = mod.jStat ?? mod;

/** Standard normal CDF Φ(z). */
export const normalCdf = (z: number): number => jStat.normal.cdf(z, 0, 1);
/**
 * Standard normal quantile Φ⁻¹(p) to full double precision: the engine's one-uniform quantile
 * (Acklam, relative error < 1.2e-9) refined by one Halley step on Φ (Acklam 2003 gives the step),
 * for the planner, whose z values must invert normalCdf exactly.
 */
export function normalInv(p: number): number {
  const x = normalQuantile(p);
  if (!Number.isFinite(x)) return x;
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
/** Student t CDF with `df` degrees of freedom. */
export const studentTCdf = (t: number, df: number): number => jStat.studentt.cdf(t, df);
/** Student t quantile with `df` degrees of freedom. */
export const studentTInv = (p: number, df: number): number => jStat.studentt.inv(p, df);
/** Noncentral t CDF (df degrees of freedom, noncentrality ncp). */
export const noncentralTCdf = (t: number, df: number, ncp: number): number =>
  jStat.noncentralt.cdf(t, df, ncp);
/** χ² CDF with `df` degrees of freedom. */
export const chiSquareCdf = (x: number, df: number): number => jStat.chisquare.cdf(x, df);
/** Beta(a, b) density at x. */
export const betaPdf = (x: number, a: number, b: number): number => jStat.beta.pdf(x, a, b);
/** Normal density at x. */
export const normalPdf = (x: number, mean: number, sd: number): number => jStat.normal.pdf(x, mean, sd);
/** Lognormal density at x (log x ~ Normal(mu, sigma)). */
export const lognormalPdf = (x: number, mu: number, sigma: number): number =>
  jStat.lognormal.pdf(x, mu, sigma);
/** Beta(a, b) quantile. */
export const betaInv = (p: number, a: number, b: number): number => jStat.beta.inv(p, a, b);

/** From here on the expansion below beats jStat's t quantile (whose error is ~5e-8 at any df). */
const LARGE_DF = 1000;

/**
 * Student t quantile t_{p,df}: jStat below 1000 df, above it the Cornish–Fisher expansion in
 * 1/df to four terms (Abramowitz & Stegun 26.7.5), whose own error there is below 2e-12 (the normal quantile's, below 1.2e-9 relative, dominates).
 */
export function tQuantile(p: number, df: number): number {
  if (df < LARGE_DF) return studentTInv(p, df);
  const z = normalInv(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
}
