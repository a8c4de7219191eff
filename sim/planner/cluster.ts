// Cluster (branch) randomised designs: whole branches are assigned to an arm, and customers of
// one branch resemble each other, so each customer carries less than one customer's information.
import { checkAbove, checkIcc } from './errors';

/**
 * Design effect (variance inflation) of randomising clusters of mean size `clusterSize`
 * (customers) with intracluster correlation `icc`: DE = 1 + (m − 1)·ICC for equal sizes
 * (Kish 1965; Donner & Klar 2000), and DE = 1 + ((CV² + 1)·m − 1)·ICC when sizes vary with
 * coefficient of variation `cv` (Eldridge, Ashby & Kerry 2006, Int J Epidemiol 35:1292).
 */
export function designEffect(clusterSize: number, icc: number, cv = 0): number {
  checkAbove('clusterSize', clusterSize, 1, true);
  checkIcc(icc);
  checkAbove('cv', cv, 0, true);
  return 1 + ((cv * cv + 1) * clusterSize - 1) * icc;
}

/** Degrees of freedom of a cluster-level t test with k clusters per arm: 2(k − 1). */
export function clusterDf(clustersPerArm: number): number {
  return 2 * (clustersPerArm - 1);
}

/**
 * Clusters per arm (unrounded) for a z test: k = n·DE / m, where n is the customers per arm an
 * individually randomised trial would need (Donner & Klar 2000, ch. 5; Eldridge et al. 2006).
 */
export function clustersPerArmZ(nIndividual: number, clusterSize: number, icc: number, cv = 0): number {
  return (nIndividual * designEffect(clusterSize, icc, cv)) / clusterSize;
}

/**
 * Cluster size m for a z test with k clusters per arm, from k·m / DE(m) = n: m = n·(1 − ICC) /
 * (k − n·(CV² + 1)·ICC). `null` when k ≤ n·(CV² + 1)·ICC: then even infinitely large clusters
 * fall short, since k·m / DE(m) → k / ((CV² + 1)·ICC) as m → ∞ (Hemming et al. 2011, BMC Med
 * Res Methodol 11:102).
 */
export function clusterSizeZ(
  nIndividual: number,
  clustersPerArm: number,
  icc: number,
  cv = 0,
): number | null {
  const denominator = clustersPerArm - nIndividual * (cv * cv + 1) * icc;
  if (denominator <= 0) return null;
  return (nIndividual * (1 - icc)) / denominator;
}

/**
 * Limit of the effective customers per arm k·m / DE(m) as the cluster size m → ∞:
 * k / ((CV² + 1)·ICC), or +∞ when ICC = 0.
 */
export function maxEffectiveN(clustersPerArm: number, icc: number, cv = 0): number {
  return icc === 0 ? Number.POSITIVE_INFINITY : clustersPerArm / ((cv * cv + 1) * icc);
}
