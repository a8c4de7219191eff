import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { normalInv } from './dist';
import { compareMeans, ksPValue, ksStatistic } from './two-sample';

/** n standard normal draws (plus `shift`) from a seeded generator. */
function normals(seed: string, n: number, shift = 0): number[] {
  const rng = seedrandom.alea(seed);
  return Array.from({ length: n }, () => normalInv(1 - rng()) + shift);
}

describe('two-sample comparisons', () => {
  it('KS statistic and p-value match scipy.stats.ks_2samp on a hand case', () => {
    // scipy: ks_2samp([1,2,3,4,5],[3,4,5,6,7,8]).statistic = 0.5 (F_A(2)=0.4 vs 0 → … max at x=5: 1 − 0.5)
    expect(ksStatistic([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8])).toBeCloseTo(0.5, 12);
    // Ties across samples count together: identical samples are at distance 0.
    expect(ksStatistic([1, 1, 2, 2], [2, 1, 2, 1])).toBe(0);
    // Q_KS(λ) at λ = 1.3581 is 0.05 (the classical 5% point); with n = m = 10⁶ the corrections vanish.
    const n = 1e6;
    const d = 1.3581 / Math.sqrt(n / 2);
    expect(ksPValue(d, n, n)).toBeCloseTo(0.05, 3);
  });

  it('under the null, each test rejects at α = 0.05 no more often than 5% + 3 binomial SE (400 pairs of 200)', () => {
    const trials = 400;
    let ksRejects = 0;
    let meanRejects = 0;
    for (let t = 0; t < trials; t++) {
      const a = normals(`a${t}`, 200);
      const b = normals(`b${t}`, 200);
      if (ksPValue(ksStatistic(a, b), 200, 200) < 0.05) ksRejects++;
      if (Math.abs(compareMeans(a, b).z) > 1.96) meanRejects++;
    }
    const se = Math.sqrt((0.05 * 0.95) / trials);
    expect(ksRejects / trials).toBeLessThan(0.05 + 3 * se);
    expect(meanRejects / trials).toBeLessThan(0.05 + 3 * se);
    // Not absurdly conservative either: both reject some null pairs (expected 20 of 400).
    expect(ksRejects).toBeGreaterThan(5);
    expect(meanRejects).toBeGreaterThan(5);
  });

  it('a shift of 1 SD between samples of 200 is flagged at a Bonferroni level of 1e-6 by both', () => {
    // E z = 1 / √(2/200) = 10 (SD 1); KS: E D ≈ 2Φ(0.5) − 1 = 0.38, p ≈ 1e-12 — both far past the level.
    const a = normals('x', 200);
    const b = normals('y', 200, 1);
    expect(Math.abs(compareMeans(a, b).z)).toBeGreaterThan(normalInv(1 - 0.5e-6));
    expect(ksPValue(ksStatistic(a, b), 200, 200)).toBeLessThan(1e-6);
  });

  it('constant samples: equal gives z = 0, different gives an infinite z', () => {
    expect(compareMeans([3, 3, 3], [3, 3]).z).toBe(0);
    expect(compareMeans([3, 3, 3], [4, 4]).z).toBe(Number.POSITIVE_INFINITY);
  });
});
