// Priors as the calibration needs them: density, support, a transform to the real line (for
// regression adjustment), and a prior of a supported family fitted to a mean and an SD (proposals
// between rounds, and the posterior written into the calibrated scenario).
import type { Prior } from '../scenario/schema';
import { betaPdf, lognormalPdf, normalPdf } from '../stats/dist';

export type Support = { lo: number; hi: number };

/** Where a prior puts mass (open interval; ±Infinity when unbounded). */
export function priorSupport(p: Prior): Support {
  switch (p.type) {
    case 'beta':
      return { lo: 0, hi: 1 };
    case 'normal':
      return { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
    case 'lognormal':
      return { lo: 0, hi: Number.POSITIVE_INFINITY };
    case 'uniform':
      return { lo: p.min, hi: p.max };
    case 'triangular':
      return { lo: p.min, hi: p.max };
  }
}

/** Density of a prior at x (0 outside its support). */
export function priorDensity(p: Prior, x: number): number {
  switch (p.type) {
    case 'beta':
      return x > 0 && x < 1 ? betaPdf(x, p.a, p.b) : 0;
    case 'normal':
      return normalPdf(x, p.mean, p.sd);
    case 'lognormal':
      return x > 0 ? lognormalPdf(x, p.mu, p.sigma) : 0;
    case 'uniform':
      return x >= p.min && x <= p.max && p.max > p.min ? 1 / (p.max - p.min) : 0;
    case 'triangular': {
      const { min, mode, max } = p;
      if (x < min || x > max || max <= min) return 0;
      return x <= mode
        ? mode > min
          ? (2 * (x - min)) / ((max - min) * (mode - min))
          : 2 / (max - min)
        : max > mode
          ? (2 * (max - x)) / ((max - min) * (max - mode))
          : 2 / (max - min);
    }
  }
}

/** Mean and SD of a prior (closed forms). */
export function priorMoments(p: Prior): { mean: number; sd: number } {
  switch (p.type) {
    case 'beta': {
      const s = p.a + p.b;
      return { mean: p.a / s, sd: Math.sqrt((p.a * p.b) / (s * s * (s + 1))) };
    }
    case 'normal':
      return { mean: p.mean, sd: p.sd };
    case 'lognormal': {
      const v = p.sigma * p.sigma;
      return { mean: Math.exp(p.mu + v / 2), sd: Math.sqrt((Math.exp(v) - 1) * Math.exp(2 * p.mu + v)) };
    }
    case 'uniform':
      return { mean: (p.min + p.max) / 2, sd: (p.max - p.min) / Math.sqrt(12) };
    case 'triangular': {
      const { min: a, mode: c, max: b } = p;
      return {
        mean: (a + b + c) / 3,
        sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18),
      };
    }
  }
}

/** Map a value in the support to the real line: logit on a bounded interval, log on (lo, ∞), identity otherwise. */
export function toUnbounded(x: number, s: Support): number {
  const eps = 1e-12;
  if (Number.isFinite(s.lo) && Number.isFinite(s.hi)) {
    const u = Math.min(1 - eps, Math.max(eps, (x - s.lo) / (s.hi - s.lo)));
    return Math.log(u / (1 - u));
  }
  if (Number.isFinite(s.lo)) return Math.log(Math.max(eps, x - s.lo));
  return x;
}

/** The inverse of toUnbounded. */
export function fromUnbounded(y: number, s: Support): number {
  if (Number.isFinite(s.lo) && Number.isFinite(s.hi)) return s.lo + (s.hi - s.lo) / (1 + Math.exp(-y));
  if (Number.isFinite(s.lo)) return s.lo + Math.exp(y);
  return y;
}

/**
 * A prior of a family the engine draws from, with this mean and SD and mass only where `support`
 * allows: Beta when the support lies in [0, 1] (moment-matched; the SD is capped so a, b > 0.5),
 * lognormal when it is positive, normal otherwise.
 */
export function fitPrior(mean: number, sd: number, support: Support): Prior {
  const s = Math.max(sd, 1e-9 * Math.max(1, Math.abs(mean)));
  if (support.lo >= 0 && support.hi <= 1) {
    const m = Math.min(1 - 1e-6, Math.max(1e-6, mean));
    // a, b ≥ 0.5 keeps the density bounded near the ends (no spike at 0 or 1 from a wide proposal).
    const maxVar = (m * (1 - m)) / (1 + 0.5 / Math.min(m, 1 - m));
    const v = Math.min(s * s, maxVar);
    const k = (m * (1 - m)) / v - 1;
    return { type: 'beta', a: m * k, b: (1 - m) * k };
  }
  if (support.lo >= 0 && mean > 0) {
    const sigma2 = Math.log(1 + (s * s) / (mean * mean));
    return { type: 'lognormal', mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
  }
  return { type: 'normal', mean, sd: s };
}
