import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { PlannerInputError } from './errors';
import { proportionMde, proportionPower, proportionSampleSize, proportionScale } from './proportions';

// References. Power counts both tails (R `strict = TRUE`, docs/planner.md). Exact values:
// SciPy 1.17 (scipy.stats.norm, scipy.optimize.brentq at xtol 1e-14), computed 2026-12-07 from
// power = Φ(λ − c) + Φ(−λ − c), λ = |Δ|√n/sdAlt, c = z_{1−α/2}·sdNull/sdAlt, quoted to all
// digits. The R 4.x documentation examples of `power.prop.test` (printed with strict = FALSE:
// power 0.7401659 for n = 50; n = 76.7 for power 0.9; p2 = 0.8026 for n = 50, power 0.9; no p2
// for n = 30, p1 = 0.9, power 0.8, "you'd need a sample size of at least n = 74") differ only by
// the wrong-direction tail, about 1e-6 there: 0.7401659 vs 0.7401672, the rest to their digits.
const base = { pControl: 0.5, pTreat: 0.75, alpha: 0.05 };

describe('two proportions, pooled (power.prop.test)', () => {
  it('needs 76.70693 customers per arm for 0.5 vs 0.75 at power 0.9 (R: n = 76.7)', () => {
    const n = proportionSampleSize({ ...base, power: 0.9, method: 'pooled' });
    expect(n).toBeCloseTo(76.70691611581744, 9);
    expect(n.toFixed(1)).toBe('76.7');
  });

  it('has power 0.7401672 with 50 per arm (R strict = FALSE: 0.7401659, the upper tail alone)', () => {
    const power = proportionPower({ ...base, nPerArm: 50, method: 'pooled' });
    expect(power).toBeCloseTo(0.740167193453611, 9);
    expect(Math.abs(power - 0.7401659)).toBeLessThan(2e-6);
  });

  it('detects p_treat = 0.8026 with 50 per arm at power 0.9 (R: p2 = 0.8026)', () => {
    const mde = proportionMde({ pControl: 0.5, alpha: 0.05, power: 0.9, nPerArm: 50, method: 'pooled' });
    expect(mde).toBeCloseTo(0.8026305679884229, 9);
  });

  it('cannot reach power 0.8 against 0.9 with 73 per arm but can with 74 (R documentation)', () => {
    const p = { pControl: 0.9, alpha: 0.05, power: 0.8, method: 'pooled' as const };
    expect(() => proportionMde({ ...p, nPerArm: 73 })).toThrow(PlannerInputError);
    expect(thrownWords(() => proportionMde({ ...p, nPerArm: 30 }))).toMatch(/nPerArm: 30 is too small/);
    expect(proportionMde({ ...p, nPerArm: 74 })).toBeGreaterThan(0.999);
    // SciPy: Φ(λ − c) + Φ(−λ − c) with λ = 0.1·√74/√0.09, c = 1.959964·√(2·0.95·0.05)/√0.09 gives
    // 0.80338 at n = 74 and 0.79795 at n = 73.
    const at = (nPerArm: number) =>
      proportionPower({ pControl: 0.9, pTreat: 0.9999999999, alpha: 0.05, nPerArm, method: 'pooled' });
    expect(at(74)).toBeCloseTo(0.8033843572181408, 8);
    expect(at(73)).toBeCloseTo(0.7979529641761259, 8);
  });

  it('is symmetric in which arm has the higher rate', () => {
    const up = proportionSampleSize({ ...base, power: 0.8, method: 'pooled' });
    const down = proportionSampleSize({
      pControl: 0.75,
      pTreat: 0.5,
      alpha: 0.05,
      power: 0.8,
      method: 'pooled',
    });
    expect(down).toBeCloseTo(up, 10);
  });
});

describe('two proportions, unpooled and arcsine', () => {
  it('unpooled: n = 73.55194 for 0.5 vs 0.75, power 0.9 (closed form (z_a + z_b)²(p1q1 + p2q2)/(p1 − p2)², upper tail: 73.55196)', () => {
    const n = proportionSampleSize({ ...base, power: 0.9, method: 'unpooled' });
    expect(n).toBeCloseTo(73.55193586783528, 9);
  });

  it('unpooled power Φ(λ − z_a) + Φ(−λ − z_a), λ = |Δ|√n/√(p1q1+p2q2), = 0.6424493 for 0.2 vs 0.3, n = 200', () => {
    const power = proportionPower({
      pControl: 0.2,
      pTreat: 0.3,
      alpha: 0.05,
      nPerArm: 200,
      method: 'unpooled',
    });
    expect(power).toBeCloseTo(0.6424492534273785, 9);
  });

  it('arcsine: n = 76.65294 (statsmodels NormalIndPower, also both tails: 76.65294037)', () => {
    const n = proportionSampleSize({ ...base, power: 0.9, method: 'arcsine' });
    expect(n).toBeCloseTo(76.65294035637676, 9);
    // statsmodels' own root finder stops at about 1e-8; the closed form 2((z_a + z_b)/h)² =
    // 76.65297 counts the upper tail only.
    expect(Math.abs(n - 76.65294037206691)).toBeLessThan(1e-7);
  });

  it('arcsine MDE: p_treat = 0.49234 for 0.3, n = 100 (closed form sin²(asin√p_c + (z_a + z_b)·√(2/n)/2), upper tail: 0.4923439)', () => {
    const mde = proportionMde({ pControl: 0.3, alpha: 0.05, power: 0.8, nPerArm: 100, method: 'arcsine' });
    expect(mde).toBeCloseTo(0.4923436241740655, 10);
  });

  it("uses Cohen's h = 2·asin√p_t − 2·asin√p_c with unit variance per transformed proportion", () => {
    const s = proportionScale(0.5, 0.75, 'arcsine');
    expect(s.effect).toBeCloseTo(2 * Math.asin(Math.sqrt(0.75)) - Math.PI / 2, 14);
    expect(s.sdNull).toBe(Math.SQRT2);
  });
});

describe('input errors', () => {
  it('names the input, the value and the expectation', () => {
    expect(
      thrownWords(() => proportionSampleSize({ ...base, pControl: 1.2, power: 0.8, method: 'pooled' })),
    ).toMatch('pControl: 1.2 is not a probability; expected a number in (0, 1)');
    expect(
      thrownWords(() => proportionSampleSize({ ...base, pTreat: 0.5, power: 0.8, method: 'pooled' })),
    ).toMatch(/pTreat: 0.5 equals pControl/);
    expect(thrownWords(() => proportionSampleSize({ ...base, power: 0.04, method: 'pooled' }))).toMatch(
      /power: 0.04/,
    );
    expect(thrownWords(() => proportionSampleSize({ ...base, power: 1, method: 'pooled' }))).toMatch(
      /power: 1/,
    );
    expect(
      thrownWords(() => proportionSampleSize({ ...base, alpha: 0, power: 0.8, method: 'pooled' })),
    ).toMatch(/alpha: 0/);
    expect(thrownWords(() => proportionPower({ ...base, nPerArm: 1, method: 'pooled' }))).toMatch(
      /nPerArm: 1 is out of range/,
    );
  });
});

describe('properties', () => {
  // Targets from 0.1 up: there the wrong-direction tail is large (up to ~0.01), so a solver
  // inverting a different convention from the power function would miss by far more than 1e-6.
  const targetPower = fc.double({ min: 0.1, max: 0.95, noNaN: true });
  const rate = fc.double({ min: 0.02, max: 0.98, noNaN: true });
  const method = fc.constantFrom('pooled' as const, 'unpooled' as const, 'arcsine' as const);
  const distinct = fc.tuple(rate, rate).filter(([a, b]) => Math.abs(a - b) > 0.01);

  it('power rises with the customers per arm', () => {
    fc.assert(
      fc.property(distinct, method, fc.double({ min: 2, max: 1e5, noNaN: true }), ([pc, pt], m, n) => {
        const p = { pControl: pc, pTreat: pt, alpha: 0.05, method: m };
        expect(proportionPower({ ...p, nPerArm: n * 1.1 })).toBeGreaterThanOrEqual(
          proportionPower({ ...p, nPerArm: n }),
        );
      }),
    );
  });

  it('the solved size reaches the target power (within 1e-6)', () => {
    fc.assert(
      fc.property(distinct, method, targetPower, ([pc, pt], m, power) => {
        const p = { pControl: pc, pTreat: pt, alpha: 0.05, method: m };
        const n = proportionSampleSize({ ...p, power });
        fc.pre(n > 1);
        expect(Math.abs(proportionPower({ ...p, nPerArm: n }) - power)).toBeLessThan(1e-6);
      }),
    );
  });

  it('the solved MDE reaches the target power (within 1e-6)', () => {
    fc.assert(
      fc.property(rate, method, targetPower, (pc, m, power) => {
        const p = { pControl: pc, alpha: 0.05, method: m, power, nPerArm: 2000 };
        const mde = proportionMde(p);
        expect(mde).toBeGreaterThan(pc);
        expect(Math.abs(proportionPower({ ...p, pTreat: mde }) - power)).toBeLessThan(1e-6);
      }),
    );
  });
});
