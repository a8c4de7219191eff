// The one place sim/ touches jstat. jstat is used for cdf/inv/pdf only: its samplers read the
// global Math.random, which would break reproducibility from a seed.
import jstatModule from 'jstat';

type JStat = typeof import('jstat')['jStat'];
const mod = jstatModule as unknown as JStat & { jStat?: JStat };
const jStat: JStat = mod.jStat ?? mod;

/** Standard normal CDF Φ(z). */
export const normalCdf = (z: number): number => jStat.normal.cdf(z, 0, 1);
/** Standard normal quantile Φ⁻¹(p), p in (0,1). */
export const normalInv = (p: number): number => jStat.normal.inv(p, 0, 1);
/** Student t CDF with `df` degrees of freedom. */
export const studentTCdf = (t: number, df: number): number => jStat.studentt.cdf(t, df);
/** Student t quantile with `df` degrees of freedom. */
export const studentTInv = (p: number, df: number): number => jStat.studentt.inv(p, df);
/** Noncentral t CDF (df degrees of freedom, noncentrality ncp). */
export const noncentralTCdf = (t: number, df: number, ncp: number): number =>
  jStat.noncentralt.cdf(t, df, ncp);
/** χ² CDF with `df` degrees of freedom. */
export const chiSquareCdf = (x: number, df: number): number => jStat.chisquare.cdf(x, df);
/** Beta(a, b) quantile. */
export const betaInv = (p: number, a: number, b: number): number => jStat.beta.inv(p, a, b);
/** Lognormal(mu, sigma) quantile (parameters on the log scale). */
export const lognormalInv = (p: number, mu: number, sigma: number): number =>
  jStat.lognormal.inv(p, mu, sigma);
/** Normal(mean, sd) quantile. */
export const normalInvMs = (p: number, mean: number, sd: number): number => jStat.normal.inv(p, mean, sd);
