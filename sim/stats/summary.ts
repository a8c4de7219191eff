// Summaries of a figure across replications: mean, median, 5th/95th percentiles (type-7
// linear interpolation, as R's default quantile and numpy's), SD, and tail probabilities.
import type { Stat, UpliftStat } from '../results';

/** Quantile q of sorted values (type 7: h = (n − 1)q, linear interpolation). NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Mean, median, p05, p95, SD and the Monte Carlo standard error of the mean (SD/√n) of the finite
 * values (NaN values are left out).
 */
export function statOf(values: ArrayLike<number>): Stat {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const n = finite.length;
  if (n === 0)
    return {
      mean: Number.NaN,
      median: Number.NaN,
      p05: Number.NaN,
      p95: Number.NaN,
      sd: Number.NaN,
      mcSe: Number.NaN,
    };
  const sorted = Float64Array.from(finite).sort();
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of finite) ss += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return {
    mean,
    median: quantileSorted(sorted, 0.5),
    p05: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    sd,
    mcSe: n > 1 ? sd / Math.sqrt(n) : Number.NaN,
  };
}

/** Share of finite values above a threshold. */
export function shareAbove(values: ArrayLike<number>, threshold: number): number {
  let k = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    n++;
    if (values[i] > threshold) k++;
  }
  return n > 0 ? k / n : Number.NaN;
}

/** A Stat of differences with P(difference > 0). */
export function upliftOf(values: ArrayLike<number>): UpliftStat {
  return { ...statOf(values), pPositive: shareAbove(values, 0) };
}

export type PairedDifference = Stat & { n: number; pPositive: number };

/**
 * Difference `other − base` between two variants run on common random numbers: replication i of
 * both variants shares its seed, so the sample-wise difference removes the shared noise and its
 * 5th–95th percentiles are the 90% interval of the difference. Pairs where either value is not
 * finite are skipped; extra replications of the longer run are ignored. Null when no pair is left.
 */
export function pairedDifference(base: ArrayLike<number>, other: ArrayLike<number>): PairedDifference | null {
  const n = Math.min(base.length, other.length);
  const diffs: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = other[i] - base[i];
    if (Number.isFinite(d)) diffs.push(d);
  }
  if (diffs.length === 0) return null;
  const positive = diffs.filter((d) => d > 0).length;
  return { ...statOf(diffs), n: diffs.length, pPositive: positive / diffs.length };
}

/**
 * A ratio of means, ΣnumeratorΣ / Σdenominator over replications (never the mean of per-replication
 * ratios, which a few small denominators dominate), with the 5th–95th percentiles of the
 * per-replication ratios as its band, its Monte Carlo SE by the delta method, and the share of
 * replications whose ratio is above `threshold`.
 */
export function ratioOfMeans(
  num: ArrayLike<number>,
  den: ArrayLike<number>,
  threshold: number,
): Stat & { pAbove: number } {
  const ratios = new Float64Array(num.length);
  let sn = 0;
  let sd = 0;
  let n = 0;
  for (let k = 0; k < num.length; k++) {
    ratios[k] = den[k] > 0 ? num[k] / den[k] : Number.NaN;
    if (!Number.isFinite(num[k]) || !Number.isFinite(den[k])) continue;
    sn += num[k];
    sd += den[k];
    n++;
  }
  const band = statOf(ratios);
  const r = sd > 0 ? sn / sd : Number.NaN;
  // Delta method: Var(R̂) ≈ Var(num − R·den) / (n · mean(den)²).
  let ss = 0;
  for (let k = 0; k < num.length; k++)
    if (Number.isFinite(num[k]) && Number.isFinite(den[k])) ss += (num[k] - r * den[k]) ** 2;
  const meanDen = n > 0 ? sd / n : Number.NaN;
  const mcSe = n > 1 && meanDen > 0 ? Math.sqrt(ss / (n - 1) / n) / meanDen : Number.NaN;
  return { ...band, mean: r, mcSe, pAbove: shareAbove(ratios, threshold) };
}
