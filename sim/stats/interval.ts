// Interval helpers: the normal-approximation interval of an estimate from its standard error.
import { normalInv } from './dist';

/** z of a two-sided interval at `level` (0.9 → 1.6449): Φ⁻¹((1 + level)/2). */
export function zForLevel(level: number): number {
  return normalInv((1 + level) / 2);
}

/**
 * The two-sided `level` interval estimate ± z·se (normal approximation), optionally clipped to
 * [min, max] (a probability's interval to [0, 1]).
 */
export function normalInterval(
  estimate: number,
  se: number,
  level = 0.9,
  bounds: { min: number; max: number } = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY },
): { low: number; high: number } {
  const half = zForLevel(level) * se;
  return {
    low: Math.min(bounds.max, Math.max(bounds.min, estimate - half)),
    high: Math.min(bounds.max, Math.max(bounds.min, estimate + half)),
  };
}
