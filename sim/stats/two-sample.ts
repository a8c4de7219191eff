// Two-sample comparisons of Monte Carlo outputs: a difference of means against its standard error
// (Welch), and the Kolmogorov–Smirnov distance between the two empirical distributions with its
// asymptotic p-value. Used to check that a new engine's outputs agree in distribution with the old
// engine's (sim/engine/engine-equivalence.test.ts).

export type MeanComparison = { meanA: number; meanB: number; se: number; z: number };

function meanVar(x: readonly number[]): { mean: number; variance: number } {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - m) * (v - m);
  return { mean: m, variance: x.length > 1 ? ss / (x.length - 1) : 0 };
}

/**
 * Difference of means B − A over its standard error √(s²_A/n_A + s²_B/n_B) (Welch). Two constant
 * samples give z = 0 when equal and ±∞ when not.
 */
export function compareMeans(a: readonly number[], b: readonly number[]): MeanComparison {
  const A = meanVar(a);
  const B = meanVar(b);
  const se = Math.sqrt(A.variance / a.length + B.variance / b.length);
  const d = B.mean - A.mean;
  const z = se > 0 ? d / se : d === 0 ? 0 : d > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return { meanA: A.mean, meanB: B.mean, se, z };
}

/** The two-sample Kolmogorov–Smirnov statistic D = sup |F_A − F_B| (ties handled exactly; finite values only). */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  if (![...a, ...b].every(Number.isFinite)) throw new Error('ksStatistic takes finite values only');
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * Asymptotic p-value of D for sample sizes n and m: Q_KS(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²) with
 * λ = (√N_e + 0.12 + 0.11/√N_e)·D, N_e = nm/(n+m) (Stephens 1970; Numerical Recipes §14.3).
 * With ties (discrete outputs) the test is conservative: the p-value is too large, never too small.
 */
export function ksPValue(d: number, n: number, m: number): number {
  const ne = Math.sqrt((n * m) / (n + m));
  const lambda = (ne + 0.12 + 0.11 / ne) * d;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-12) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
