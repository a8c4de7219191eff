// Convergence of a Monte Carlo estimate: running mean and the width of the 90% interval
// (5th–95th percentile of the replications so far) against the number of replications.

import { quantileSorted } from '../../../sim/index';

export type ConvergencePoint = { n: number; mean: number; width: number };

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
