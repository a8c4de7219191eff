import { describe, expect, it } from 'vitest';
import { randomizationTest, residualize } from './randomization';

// 8 units, 4 treated: small enough to enumerate all C(8,4) = 70 assignments by hand.
const y = Float64Array.from([12, 15, 9, 20, 7, 8, 11, 6]);
const x = Float64Array.from([10, 12, 8, 15, 7, 9, 10, 6]);
const t = Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0]);

function exactUpperP(a: Float64Array) {
  // Enumerate every 4-subset as the treated arm: P(D* ≥ D_obs).
  const diff = (mask: number) => {
    let s1 = 0;
    let s0 = 0;
    for (let i = 0; i < 8; i++) (mask >> i) & 1 ? (s1 += a[i]) : (s0 += a[i]);
    return s1 / 4 - s0 / 4;
  };
  const obs = diff(0b1111);
  let ge = 0;
  let n = 0;
  for (let m = 0; m < 256; m++) {
    let bits = 0;
    for (let i = 0; i < 8; i++) bits += (m >> i) & 1;
    if (bits !== 4) continue;
    n++;
    if (diff(m) >= obs - 1e-12) ge++;
  }
  return ge / n;
}

describe('randomization test', () => {
  it('without a covariate the estimate is the difference in means, and the p-value the exact one within Monte Carlo error', () => {
    const e = new Float64Array(8);
    const r = new Float64Array(8);
    residualize(y, null, t, 8, e, r);
    const B = 20_000;
    const res = randomizationTest(e, r, t, 8, B, 7);
    // Means 14 and 8 → 6.
    expect(res.estimate).toBeCloseTo(6, 10);
    // Exact upper p by enumeration; the Monte Carlo p has SE sqrt(p(1−p)/B) ≤ 0.0036 at B = 20,000;
    // 4 SE = 0.015 (the two-sided p is twice the upper one here).
    const exact = exactUpperP(e);
    expect(Math.abs(res.p - 2 * exact)).toBeLessThan(0.03);
    expect(res.lo90).toBeLessThan(6);
    expect(res.hi90).toBeGreaterThan(6);
  });

  it('with the covariate the estimate equals the ANCOVA coefficient of treatment (Frisch–Waugh)', () => {
    const e = new Float64Array(8);
    const r = new Float64Array(8);
    residualize(y, x, t, 8, e, r);
    // OLS y ~ 1 + t + x by the normal equations, solved here by hand through the residuals:
    // coefficient = Σ e·r / Σ r² where e, r are y and t residualized on x.
    let er = 0;
    let rr = 0;
    for (let i = 0; i < 8; i++) {
      er += e[i] * r[i];
      rr += r[i] * r[i];
    }
    const res = randomizationTest(e, r, t, 8, 999, 3);
    expect(res.estimate).toBeCloseTo(er / rr, 10);
  });

  it('the interval bounds are where a one-sided test at 5% starts to reject', () => {
    const e = new Float64Array(8);
    const r = new Float64Array(8);
    residualize(y, null, t, 8, e, r);
    const res = randomizationTest(e, r, t, 8, 5000, 11);
    // Shift the treated by the lower bound: the test of "no effect" is then at the 5% edge on the
    // upper side (p two-sided ≈ 0.10); a bit below the bound it rejects.
    const shifted = (tau: number) => {
      const ys = y.map((v, i) => v - tau * t[i]);
      const e2 = new Float64Array(8);
      const r2 = new Float64Array(8);
      residualize(ys, null, t, 8, e2, r2);
      return randomizationTest(e2, r2, t, 8, 5000, 11).p;
    };
    expect(shifted(res.lo90 + 0.01)).toBeGreaterThan(0.1);
    expect(shifted(res.lo90 - 0.5)).toBeLessThanOrEqual(0.1);
    expect(shifted(res.hi90 + 0.5)).toBeLessThanOrEqual(0.1);
  });

  it('too few units in an arm gives NaN, not a number that looks like a result', () => {
    const e = Float64Array.from([1, 2, 3]);
    const r = Float64Array.from([0.6, 0.6, -1.3]);
    expect(Number.isNaN(randomizationTest(e, r, Uint8Array.from([1, 1, 0]), 3, 99, 1).p)).toBe(true);
  });
});
