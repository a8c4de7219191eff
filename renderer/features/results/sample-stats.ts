// Small statistics over per-replication samples (the same definitions the engine uses for Stat:
// mean, median, 5th/95th percentile with linear interpolation, sample standard deviation).
import type { Stat } from '../../../sim/results';

/** Quantile of an ascending-sorted array, linear interpolation between order statistics (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Stat of the finite values in `values`; every field is NaN when there are none. */
export function statOf(values: ArrayLike<number>): Stat {
  const finite = Array.from(values).filter(Number.isFinite);
  const n = finite.length;
  if (n === 0)
    return { mean: Number.NaN, median: Number.NaN, p05: Number.NaN, p95: Number.NaN, sd: Number.NaN };
  const sorted = Float64Array.from(finite).sort();
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const ss = finite.reduce((a, b) => a + (b - mean) ** 2, 0);
  return {
    mean,
    median: quantileSorted(sorted, 0.5),
    p05: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
  };
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
