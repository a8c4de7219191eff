// Convergence of a Monte Carlo estimate: running mean and the width of the 90% interval
// (5th–95th percentile of the replications so far) against the number of replications.

export type ConvergencePoint = { n: number; mean: number; width: number };

/** Type-7 quantile of sorted values (linear interpolation, as R and numpy default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** At most maxPoints checkpoints; above maxSort values the interval uses an even stride subsample. */
export function convergence(
  samples: ArrayLike<number>,
  maxPoints = 40,
  maxSort = 20_000,
): ConvergencePoint[] {
  const total = samples.length;
  if (total === 0) return [];
  const checkpoints = new Set<number>();
  for (let k = 1; k <= maxPoints; k++) checkpoints.add(Math.max(1, Math.round((k / maxPoints) * total)));
  const out: ConvergencePoint[] = [];
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < total; i++) {
    const v = samples[i];
    if (Number.isFinite(v)) {
      sum += v;
      finite++;
    }
    const n = i + 1;
    if (!checkpoints.has(n)) continue;
    const stride = Math.max(1, Math.ceil(n / maxSort));
    const sub: number[] = [];
    for (let j = 0; j < n; j += stride) if (Number.isFinite(samples[j])) sub.push(samples[j]);
    const sorted = Float64Array.from(sub).sort();
    out.push({
      n,
      mean: finite ? sum / finite : Number.NaN,
      width: quantileSorted(sorted, 0.95) - quantileSorted(sorted, 0.05),
    });
  }
  return out;
}

/** Mean, 5th/95th percentile and share above zero of per-replication values (non-finite ones skipped). */
export function sampleStats(samples: ArrayLike<number>): {
  mean: number;
  p05: number;
  p95: number;
  pPositive: number;
} {
  const finite = Array.from(samples).filter(Number.isFinite);
  const sorted = Float64Array.from(finite).sort();
  let sum = 0;
  for (const v of finite) sum += v;
  return {
    mean: finite.length ? sum / finite.length : Number.NaN,
    p05: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    pPositive: finite.length ? finite.filter((v) => v > 0).length / finite.length : Number.NaN,
  };
}
