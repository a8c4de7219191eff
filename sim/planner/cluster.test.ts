import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { clusterSizeZ, clustersPerArmZ, designEffect, maxEffectiveN } from './cluster';

describe('designEffect', () => {
  it('is 1 + (m − 1)·ICC for equal branches: 1 + 499×0.01 = 5.99', () => {
    expect(designEffect(500, 0.01)).toBeCloseTo(5.99, 12);
  });

  it('is 1 + ((CV² + 1)·m − 1)·ICC for unequal branches: 1 + (1.16×500 − 1)×0.01 = 6.79 (Eldridge et al. 2006)', () => {
    expect(designEffect(500, 0.01, 0.4)).toBeCloseTo(6.79, 12);
  });

  it('weighs branch means equally when asked: 1 + (m − 1)·ICC + CV²·(1 − ICC) = 1 + 4.99 + 0.16×0.99 = 6.1484', () => {
    expect(designEffect(500, 0.01, 0.4, 'unweighted')).toBeCloseTo(6.1484, 12);
    // At ICC 0 the equal-weight test still pays for unequal branches: 1 + CV².
    expect(designEffect(500, 0, 0.6, 'unweighted')).toBeCloseTo(1.36, 12);
    expect(maxEffectiveN(10, 0.02, 0.6, 'unweighted')).toBeCloseTo(500, 9);
    // k·m / DE(m) = n at the m clusterSizeZ returns.
    const m = clusterSizeZ(400, 10, 0.01, 0.5, 'unweighted')!;
    expect((10 * m) / designEffect(m, 0.01, 0.5, 'unweighted')).toBeCloseTo(400, 9);
  });

  it('is 1 with ICC = 0 or one customer per branch of equal size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (m, cv) => {
          expect(designEffect(m, 0, cv)).toBe(1);
        },
      ),
    );
    expect(designEffect(1, 0.3)).toBe(1);
  });

  it('rises with the branch size, the ICC and the CV', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (m, icc, cv) => {
          const de = designEffect(m, icc, cv);
          expect(designEffect(m + 1, icc, cv)).toBeGreaterThan(de);
          expect(designEffect(m, icc * 1.5, cv)).toBeGreaterThanOrEqual(de);
          expect(designEffect(m, icc, cv + 0.1)).toBeGreaterThan(de);
        },
      ),
    );
  });

  it('rejects an ICC outside [0, 1), a branch size below 1 and a negative CV', () => {
    expect(thrownWords(() => designEffect(500, 1))).toMatch(
      'icc: 1 is not an intracluster correlation; expected a number in [0, 1)',
    );
    expect(thrownWords(() => designEffect(500, -0.1))).toMatch(/^icc: -0.1/);
    expect(thrownWords(() => designEffect(0.5, 0.1))).toMatch(
      /^clusterSize: 0.5 is out of range; expected a finite number ≥ 1/,
    );
    expect(thrownWords(() => designEffect(10, 0.1, -1))).toMatch(/^cv: -1/);
  });
});

describe('z-test cluster sizes (by hand)', () => {
  // n = 3840.847 customers per arm: the upper-tail closed form for 0.10 vs 0.12, pooled, α 0.05,
  // power 0.8 (z, individual). These are algebra on a given n, whichever convention gave it.
  const n = 3840.847482436272;

  it('k = n·DE/m = 3840.85 × 5.99 / 500 = 46.0134 branches per arm', () => {
    expect(clustersPerArmZ(n, 500, 0.01)).toBeCloseTo(46.013352839586545, 9);
  });

  it('m = n(1 − ICC)/(k − n·ICC) = 176.108 customers per branch with 60 branches per arm', () => {
    expect(clusterSizeZ(n, 60, 0.01)).toBeCloseTo(176.10793941978577, 8);
  });

  it('has no branch size when k ≤ n·(CV² + 1)·ICC (38.41 here)', () => {
    expect(clusterSizeZ(n, 38, 0.01)).toBeNull();
    expect(clusterSizeZ(n, 39, 0.01)).not.toBeNull();
    expect(maxEffectiveN(38, 0.01)).toBeCloseTo(3800, 9);
    expect(maxEffectiveN(38, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('round-trips: the m solved for k gives back k', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1.1, max: 10, noNaN: true }),
        (nInd, icc, cv, slack) => {
          const k = Math.max(2, nInd * (cv * cv + 1) * icc * slack);
          const m = clusterSizeZ(nInd, k, icc, cv)!;
          fc.pre(m >= 1);
          expect(clustersPerArmZ(nInd, m, icc, cv) / k).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
