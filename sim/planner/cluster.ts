// Cluster (branch) randomised designs: whole branches are assigned to an arm, and customers of
// one branch resemble each other, so each customer carries less than one customer's information.
import { checkAbove, checkIcc } from './errors';

/**
 * How the pilot's test weighs branches. `weighted`: every customer counts the same (a
 * customer-level analysis, or branch means weighted by size). `unweighted`: every branch mean counts
 * the same — the engine's pilot analysis of a branch pilot (a randomization test on branch means,
 * sim/engine/pilot-tests.ts), and the usual cluster-summary analysis.
 */
export type ClusterAnalysis = 'weighted' | 'unweighted';

/**
 * Design effect (variance inflation) of randomising clusters of mean size `clusterSize`
 * (customers) with intracluster correlation `icc`: DE = 1 + (m − 1)·ICC for equal sizes
 * (Kish 1965; Donner & Klar 2000). When sizes vary with coefficient of variation `cv`:
 *  - `weighted` (customers count equally): DE = 1 + ((CV² + 1)·m − 1)·ICC (Eldridge, Ashby &
 *    Kerry 2006, Int J Epidemiol 35:1292);
 *  - `unweighted` (branch means count equally): a branch mean of mᵢ customers has variance
 *    σ²(ICC + (1 − ICC)/mᵢ), so the mean of k of them has σ²/k·(ICC + (1 − ICC)·E[1/m]); with
 *    E[1/m] ≈ (1 + CV²)/m̄ (second-order delta method; Eldridge et al. 2006 use the same
 *    approximation for cluster-summary analyses; Kerry & Bland 2001, Stat Med 20:377, on the weights)
 *    DE = 1 + (m − 1)·ICC + CV²·(1 − ICC). With a small ICC that is ≈ 1 + CV², where the
 *    weighted formula gives ≈ 1: unequal branches cost the equal-weight test power at any ICC.
 */
export function designEffect(
  clusterSize: number,
  icc: number,
  cv = 0,
  analysis: ClusterAnalysis = 'weighted',
): number {
  checkAbove('clusterSize', clusterSize, 1, true);
  checkIcc(icc);
  checkAbove('cv', cv, 0, true);
  return analysis === 'unweighted'
    ? 1 + (clusterSize - 1) * icc + cv * cv * (1 - icc)
    : 1 + ((cv * cv + 1) * clusterSize - 1) * icc;
}

/** Degrees of freedom of a cluster-level t test with k clusters per arm: 2(k − 1). */
export function clusterDf(clustersPerArm: number): number {
  return 2 * (clustersPerArm - 1);
}

/**
 * Clusters per arm (unrounded) for a z test: k = n·DE / m, where n is the customers per arm an
 * individually randomised trial would need (Donner & Klar 2000, ch. 5; Eldridge et al. 2006).
 */
export function clustersPerArmZ(
  nIndividual: number,
  clusterSize: number,
  icc: number,
  cv = 0,
  analysis: ClusterAnalysis = 'weighted',
): number {
  return (nIndividual * designEffect(clusterSize, icc, cv, analysis)) / clusterSize;
}

/**
 * Cluster size m for a z test with k clusters per arm, from k·m / DE(m) = n: m = n·(1 − ICC) /
 * (k − n·(CV² + 1)·ICC) (weighted). `null` when k ≤ n·(CV² + 1)·ICC: then even infinitely large
 * clusters fall short, since k·m / DE(m) → k / ((CV² + 1)·ICC) as m → ∞ (Hemming et al. 2011,
 * BMC Med Res Methodol 11:102). Unweighted: m = n·(1 − ICC)·(1 + CV²) / (k − n·ICC).
 */
export function clusterSizeZ(
  nIndividual: number,
  clustersPerArm: number,
  icc: number,
  cv = 0,
  analysis: ClusterAnalysis = 'weighted',
): number | null {
  const isUnweighted = analysis === 'unweighted';
  const denominator = clustersPerArm - nIndividual * (isUnweighted ? 1 : cv * cv + 1) * icc;
  if (denominator <= 0) return null;
  return (nIndividual * (1 - icc) * (isUnweighted ? 1 + cv * cv : 1)) / denominator;
}

/**
 * Limit of the effective customers per arm k·m / DE(m) as the cluster size m → ∞:
 * k / ((CV² + 1)·ICC) weighted, k / ICC unweighted, or +∞ when ICC = 0.
 */
export function maxEffectiveN(
  clustersPerArm: number,
  icc: number,
  cv = 0,
  analysis: ClusterAnalysis = 'weighted',
): number {
  if (icc === 0) return Number.POSITIVE_INFINITY;
  return clustersPerArm / ((analysis === 'unweighted' ? 1 : cv * cv + 1) * icc);
}
