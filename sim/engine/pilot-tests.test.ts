import { describe, expect, it } from 'vitest';
import { GROUP_FIELDS } from './layout';
import { clusterTTest, twoProportionZTest, welchTTest } from './pilot-tests';

describe('pilot tests', () => {
  it('two-proportion z-test: 60/100 vs 40/100 gives z = 2.8284, p = 0.004678 (by hand)', () => {
    // p̄ = 0.5, SE = sqrt(0.25 × 0.02) = 0.070711, z = 0.2 / 0.070711 = 2.828427.
    expect(twoProportionZTest(60, 100, 40, 100)).toBeCloseTo(0.0046777, 6);
    expect(twoProportionZTest(50, 100, 50, 100)).toBeCloseTo(1, 12);
    expect(Number.isNaN(twoProportionZTest(1, 0, 1, 10))).toBe(true);
  });

  it("Welch's t-test matches R: t.test(c(1,2,3,4,5), c(2,4,6,8,10)) p = 0.1173", () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 4, 6, 8, 10];
    const s = (x: number[]) => x.reduce((p, q) => p + q, 0);
    const q = (x: number[]) => x.reduce((p, v) => p + v * v, 0);
    // R: t = -1.8974, df = 5.8824, p-value = 0.1075
    expect(welchTTest(s(a), q(a), 5, s(b), q(b), 5)).toBeCloseTo(0.1075, 3);
  });

  it('cluster t-test on branch means equals a pooled two-sample t-test on those means', () => {
    const GF = GROUP_FIELDS.length;
    // Treatment branches with means 0.30, 0.34, 0.38; control branches 0.20, 0.22, 0.27.
    const t = [0.3, 0.34, 0.38];
    const c = [0.2, 0.22, 0.27];
    const rec = new Float64Array(6 * GF);
    t.forEach((m, k) => {
      rec[k * GF] = 100;
      rec[k * GF + 2] = 100 * m;
    });
    c.forEach((m, k) => {
      rec[(3 + k) * GF + 1] = 100;
      rec[(3 + k) * GF + 3] = 100 * m;
    });
    // By hand: means 0.34 and 0.23, pooled var = (0.0032 + 0.0026)/4 = 0.00145, SE = sqrt(0.00145 × 2/3) = 0.031091,
    // t = 3.5380 on 4 df → two-sided p = 0.02408.
    expect(clusterTTest(rec, 0, 6, 0, 2)).toBeCloseTo(0.02408, 4);
  });
});
