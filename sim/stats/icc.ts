// Cluster statistics: the intracluster correlation by one-way ANOVA, and the coefficient of
// variation of cluster sizes (the two numbers a cluster design effect is built from).

/** Clusters for the ICC: per group (branch, or branch × arm) its arm, size and outcome sum. */
export type IccGroup = { arm: number; n: number; sum: number };

/**
 * ICC by the one-way ANOVA estimator with the arm as a fixed stratum (Donner & Klar 2000, §3.3;
 * Searle 1971): with K groups of sizes nᵢ in A arms, N customers,
 * SSB = Σ sumᵢ²/nᵢ − Σₐ Sₐ²/Nₐ, SSW = Σₐ SumSqₐ − Σ sumᵢ²/nᵢ, MSB = SSB/(K − A), MSW = SSW/(N − K),
 * n₀ = (N − Σₐ Σᵢ∈ₐ nᵢ²/Nₐ)/(K − A), ICC = (MSB − MSW)/(MSB + (n₀ − 1)·MSW).
 * `sumSqByArm[a]` is the sum of squared outcomes of arm a (for a 0/1 outcome, its successes).
 * May be negative (sampling noise); NaN when there are too few groups or customers.
 */
export function anovaIcc(groups: readonly IccGroup[], sumSqByArm: readonly number[]): number {
  const arms = new Map<number, { n: number; s: number; n2: number }>();
  let N = 0;
  let K = 0;
  let sumSqOverN = 0;
  for (const g of groups) {
    if (!(g.n > 0)) continue;
    K++;
    N += g.n;
    sumSqOverN += (g.sum * g.sum) / g.n;
    const a = arms.get(g.arm) ?? { n: 0, s: 0, n2: 0 };
    a.n += g.n;
    a.s += g.sum;
    a.n2 += g.n * g.n;
    arms.set(g.arm, a);
  }
  const A = arms.size;
  if (K - A < 1 || N - K < 1) return Number.NaN;
  let armTerm = 0;
  let n2Term = 0;
  let totalSq = 0;
  for (const [arm, a] of arms) {
    armTerm += (a.s * a.s) / a.n;
    n2Term += a.n2 / a.n;
    totalSq += sumSqByArm[arm] ?? 0;
  }
  const msb = (sumSqOverN - armTerm) / (K - A);
  const msw = Math.max(0, totalSq - sumSqOverN) / (N - K);
  const n0 = (N - n2Term) / (K - A);
  const denominator = msb + (n0 - 1) * msw;
  return denominator > 0 ? (msb - msw) / denominator : Number.NaN;
}

export type IccEstimate = {
  /** Mean over replications of the per-replication ANOVA estimate. */
  icc: number;
  /** Its standard error over replications (SD / √R). */
  se: number;
  replications: number;
};

/** Mean of per-replication ICC estimates and its standard error (sample SD / √R); NaN when empty. */
export function iccOverReplications(values: readonly number[]): IccEstimate {
  const n = values.length;
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { icc: mean, se: sd / Math.sqrt(n), replications: n };
}

/** Coefficient of variation (sample SD / mean) of branch sizes; 0 for fewer than two branches. */
export function sizeCv(sizes: readonly number[]): number {
  const n = sizes.length;
  if (n < 2) return 0;
  const mean = sizes.reduce((a, b) => a + b, 0) / n;
  if (!(mean > 0)) return Number.NaN;
  const v = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(v) / mean;
}
