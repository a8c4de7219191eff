import { describe, expect, it } from 'vitest';
import { designPoints, saltelliDesign, sobolIndices } from './sobol';

// The Ishigami function (Ishigami & Homma 1990) on x ∈ U(−π, π)³ with a = 7, b = 0.1, whose
// indices are known in closed form (Sobol' & Levitan 1999; Saltelli et al. 2008, §4.7):
//   V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,  V1 = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V3 = 0,
//   V13 = b²π⁸ (1/18 − 1/50) (the only interaction),  so
//   S = (V1, V2, 0)/V  and  ST = (V1 + V13, V2, V13)/V.
const A = 7;
const B = 0.1;
const PI = Math.PI;
const V = (A * A) / 8 + (B * PI ** 4) / 5 + (B * B * PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = (A * A) / 8;
const V13 = B * B * PI ** 8 * (1 / 18 - 1 / 50);
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

const ishigami = (u: Float64Array) => {
  const [x1, x2, x3] = Array.from(u, (v) => -PI + 2 * PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};

describe('Sobol indices (Saltelli design, Saltelli 2010 first order, Jansen total)', () => {
  it('reproduce the Ishigami function’s analytic indices within 4 bootstrap SE', () => {
    // N = 4,096 (20,480 evaluations of a closed form: milliseconds). The tolerance is 4 bootstrap
    // SE of each index: a correct estimator misses it with probability ≈ 6e-5 per index (normal
    // approximation), so the 6 checks fail together well below 1 in 1,000 seeds; the SEs here
    // are 0.005–0.02, so a wrong formula (a swapped A/B, a missing ½) is far outside.
    const d = saltelliDesign(3, 4096, 'ishigami');
    const f = designPoints(d).map(ishigami);
    const r = sobolIndices(d, f, 'ishigami', 300);
    expect(r.variance).toBeCloseTo(V, 0);
    r.first.forEach((s, i) => {
      expect(s.se).toBeGreaterThan(0);
      expect(s.se).toBeLessThan(0.05);
      expect(Math.abs(s.value - FIRST[i])).toBeLessThanOrEqual(4 * s.se);
    });
    r.total.forEach((s, i) => {
      expect(s.se).toBeGreaterThan(0);
      expect(s.se).toBeLessThan(0.05);
      expect(Math.abs(s.value - TOTAL[i])).toBeLessThanOrEqual(4 * s.se);
    });
    // The analytic values themselves (a check on the test's arithmetic).
    expect(FIRST[0]).toBeCloseTo(0.3139, 4);
    expect(FIRST[1]).toBeCloseTo(0.4424, 4);
    expect(TOTAL[0]).toBeCloseTo(0.5576, 4);
    expect(TOTAL[2]).toBeCloseTo(0.2437, 4);
  });

  it('its 90% bootstrap intervals cover the truth about 90% of the time (40 seeds, N = 512)', () => {
    // 40 seeds × 6 indices = 240 intervals. Percentile intervals of these estimators are close to
    // nominal at this N; with 240 (correlated) trials the share has an SE of about 2–4 pp, so
    // coverage in [0.80, 0.97] is a pass and a broken interval (far too narrow or wide) fails.
    let covered = 0;
    let total = 0;
    for (let s = 0; s < 40; s++) {
      const d = saltelliDesign(3, 512, `cov-${s}`);
      const r = sobolIndices(d, designPoints(d).map(ishigami), `cov-${s}`, 200);
      [
        ...r.first.map((x, i) => [x, FIRST[i]] as const),
        ...r.total.map((x, i) => [x, TOTAL[i]] as const),
      ].forEach(([x, truth]) => {
        total++;
        if (x.p05 <= truth && truth <= x.p95) covered++;
      });
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.8);
    expect(covered / total).toBeLessThanOrEqual(0.97);
  });

  it('gives an input the function ignores index 0 (exactly, for the total index)', () => {
    const d = saltelliDesign(2, 256, 'ignored');
    const r = sobolIndices(
      d,
      designPoints(d).map((u) => Math.exp(u[0])),
      'ignored',
      100,
    );
    expect(r.total[1].value).toBe(0);
    expect(r.first[1].value).toBe(0);
    expect(r.total[0].value).toBeGreaterThan(0.9);
  });
});
