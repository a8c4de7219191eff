// How a real pilot would analyse one replication: two-sided tests at the customer level, or on
// branch means when whole branches were randomized (cluster-level analysis).

import { normalCdf, studentTCdf } from '../stats/dist';
import { GROUP_FIELDS } from './layout';

/**
 * Two-sided p-value of the pooled two-proportion z-test (no continuity correction):
 * z = (p1 − p2) / sqrt(p̄(1 − p̄)(1/n1 + 1/n2)). NaN when either arm is empty.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return Number.NaN;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = (x1 / n1 - x2 / n2) / se;
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/**
 * Two-sided p-value of Welch's t-test from sums and sums of squares of each arm, with
 * Welch–Satterthwaite degrees of freedom. NaN when an arm has fewer than 2 observations.
 */
export function welchTTest(
  sum1: number,
  sq1: number,
  n1: number,
  sum2: number,
  sq2: number,
  n2: number,
): number {
  if (n1 < 2 || n2 < 2) return Number.NaN;
  const m1 = sum1 / n1;
  const m2 = sum2 / n2;
  const v1 = Math.max(0, (sq1 - n1 * m1 * m1) / (n1 - 1));
  const v2 = Math.max(0, (sq2 - n2 * m2 * m2) / (n2 - 1));
  const a = v1 / n1;
  const b = v2 / n2;
  const se = Math.sqrt(a + b);
  if (se === 0) return m1 === m2 ? 1 : 0;
  const df = (a + b) ** 2 / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1));
  const t = (m1 - m2) / se;
  return 2 * (1 - studentTCdf(Math.abs(t), df));
}

/**
 * Cluster-level two-sided t-test on branch means (equal weight per branch, pooled variance,
 * df = k1 + k2 − 2), reading the per-branch group block of a replication record: targeted counts
 * at offsets 0 (treatment) and 1 (control), values at `valueOffset` and `valueOffset + 1`.
 */
export function clusterTTest(
  rec: Float64Array,
  base: number,
  nBranches: number,
  targetedOffset: number,
  valueOffset: number,
): number {
  const GF = GROUP_FIELDS.length;
  let k1 = 0;
  let s1 = 0;
  let q1 = 0;
  let k2 = 0;
  let s2 = 0;
  let q2 = 0;
  for (let b = 0; b < nBranches; b++) {
    const o = base + b * GF;
    const nt = rec[o + targetedOffset];
    const nc = rec[o + targetedOffset + 1];
    if (nt > 0) {
      const m = rec[o + valueOffset] / nt;
      k1++;
      s1 += m;
      q1 += m * m;
    }
    if (nc > 0) {
      const m = rec[o + valueOffset + 1] / nc;
      k2++;
      s2 += m;
      q2 += m * m;
    }
  }
  if (k1 < 2 || k2 < 2) return Number.NaN;
  const m1 = s1 / k1;
  const m2 = s2 / k2;
  const ss = q1 - k1 * m1 * m1 + (q2 - k2 * m2 * m2);
  const df = k1 + k2 - 2;
  const se = Math.sqrt((Math.max(0, ss) / df) * (1 / k1 + 1 / k2));
  if (se === 0) return m1 === m2 ? 1 : 0;
  return 2 * (1 - studentTCdf(Math.abs((m1 - m2) / se), df));
}
