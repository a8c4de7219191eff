// Equal-width bins for a histogram of per-replication values.

export type Bin = { x0: number; x1: number; count: number };

/** Square-root rule, clamped to a readable range: about √n bins, 5 to 40. */
export function defaultBinCount(n: number): number {
  return Math.max(5, Math.min(40, Math.round(Math.sqrt(n))));
}

/**
 * Bin the finite values into `binCount` equal-width bins over [min, max]. All-equal values (one
 * replication, or a degenerate figure) give a single bin spanning ±5% of the value (±0.5 at zero).
 */
export function binSamples(values: ArrayLike<number>, binCount?: number): Bin[] {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    const half = Math.abs(min) > 0 ? Math.abs(min) * 0.05 : 0.5;
    return [{ x0: min - half, x1: max + half, count: finite.length }];
  }
  const k = binCount ?? defaultBinCount(finite.length);
  const width = (max - min) / k;
  const bins: Bin[] = Array.from({ length: k }, (_, i) => ({
    x0: min + i * width,
    x1: i === k - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of finite) bins[Math.min(k - 1, Math.floor((v - min) / width))].count++;
  return bins;
}
