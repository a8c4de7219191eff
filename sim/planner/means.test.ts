import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { meanMde, meanPower, meanSampleSize } from './means';

// References. R 4.x `power.t.test` (strict = FALSE) as printed by R: n = 22.02110 for δ = σ = 1,
// power 0.9; power 0.8689528 for n = 20; n = 63.76576 for δ = 0.5, power 0.8. R solves n with
// uniroot at tol ≈ 1.2e-4 and drops the wrong-direction tail (< 3e-7 here) that we keep, so n
// agrees to 1e-3. Other values: SciPy 1.17 (scipy.stats.nct, Boost) on the same formula, or by
// the z test from SciPy 1.17 (scipy.stats.norm with brentq, both tails: Φ(λ − z_a) + Φ(−λ − z_a),
// computed 2026-12-07); jStat's noncentral t is good to ~1e-9, its t quantile to ~5e-8.
const t = { sd: 1, alpha: 0.05, test: 't' as const };

describe('two means, t test (power.t.test)', () => {
  it('needs 22.02110 per arm for δ = σ = 1 at power 0.9 (R)', () => {
    expect(Math.abs(meanSampleSize({ ...t, delta: 1, power: 0.9 }) - 22.0211)).toBeLessThan(1e-4);
  });

  it('needs 63.76576 per arm for δ = 0.5 at power 0.8 (R)', () => {
    expect(Math.abs(meanSampleSize({ ...t, delta: 0.5, power: 0.8 }) - 63.76576)).toBeLessThan(1e-3);
    expect(meanSampleSize({ ...t, delta: 0.5, power: 0.8 })).toBeCloseTo(63.765610190952216, 5);
  });

  it('has power 0.8689528 with 20 per arm, δ = σ = 1 (R)', () => {
    expect(Math.abs(meanPower({ ...t, delta: 1, nPerArm: 20 }) - 0.8689528)).toBeLessThan(1e-6);
  });

  it('has power 0.1422050 with 30 per arm, δ = 0.6, σ = 1.5, α = 0.01 (SciPy)', () => {
    const power = meanPower({ sd: 1.5, alpha: 0.01, test: 't', delta: 0.6, nPerArm: 30 });
    expect(power).toBeCloseTo(0.1422050369686528, 7);
  });

  it('detects δ = 0.5658822 with 50 per arm at power 0.8 (SciPy)', () => {
    expect(meanMde({ ...t, power: 0.8, nPerArm: 50 })).toBeCloseTo(0.5658822437555725, 6);
  });

  it('works with a negative δ (two-sided)', () => {
    expect(meanPower({ ...t, delta: -1, nPerArm: 20 })).toBeCloseTo(
      meanPower({ ...t, delta: 1, nPerArm: 20 }),
      12,
    );
  });
});

describe('two means, z test', () => {
  it('n = 251.1635 for σ = 2, δ = 0.5, power 0.8 (SciPy; the upper-tail closed form 2(z_a + z_b)²σ²/δ² gives 251.1642)', () => {
    const n = meanSampleSize({ sd: 2, alpha: 0.05, test: 'z', delta: 0.5, power: 0.8 });
    expect(n).toBeCloseTo(251.1635362984383, 8);
  });

  it('MDE inverts the sample size: δ = 0.5 at n = 251.1635', () => {
    const mde = meanMde({ sd: 2, alpha: 0.05, test: 'z', power: 0.8, nPerArm: 251.1635362984383 });
    expect(mde).toBeCloseTo(0.5, 10);
  });

  it('needs fewer customers than the t test, and about 2 fewer at moderate n', () => {
    const z = meanSampleSize({ ...t, test: 'z', delta: 0.5, power: 0.8 });
    const tn = meanSampleSize({ ...t, delta: 0.5, power: 0.8 });
    expect(z).toBeLessThan(tn);
    expect(tn - z).toBeGreaterThan(0.5);
    expect(tn - z).toBeLessThan(2);
  });
});

describe('input errors', () => {
  it('rejects sd ≤ 0 and δ = 0, naming the input', () => {
    expect(thrownWords(() => meanSampleSize({ ...t, sd: 0, delta: 1, power: 0.8 }))).toMatch(
      /^sd: 0 is out of range/,
    );
    expect(thrownWords(() => meanSampleSize({ ...t, delta: 0, power: 0.8 }))).toMatch(
      /^delta: 0 is not a detectable difference/,
    );
    expect(thrownWords(() => meanPower({ ...t, delta: 1, nPerArm: 0.5 }))).toMatch(/^nPerArm: 0.5/);
  });
});

describe('properties', () => {
  const test = fc.constantFrom('z' as const, 't' as const);
  const delta = fc.double({ min: 0.05, max: 3, noNaN: true });
  const sd = fc.double({ min: 0.1, max: 10, noNaN: true });
  // Targets from 0.1 up: there the wrong-direction tail is large (up to ~0.01), so a solver
  // inverting a different convention from the power function would miss by far more than 1e-6.
  const power = fc.double({ min: 0.1, max: 0.95, noNaN: true });

  it('power rises with the customers per arm', () => {
    fc.assert(
      fc.property(test, delta, sd, fc.double({ min: 2, max: 1e5, noNaN: true }), (k, d, s, n) => {
        const p = { sd: s, alpha: 0.05, test: k, delta: d };
        expect(
          meanPower({ ...p, nPerArm: n * 1.1 }) - meanPower({ ...p, nPerArm: n }),
        ).toBeGreaterThanOrEqual(-1e-9);
      }),
    );
  });

  it('the solved size reaches the target power (within 1e-6)', () => {
    fc.assert(
      fc.property(test, delta, sd, power, (k, d, s, pw) => {
        const p = { sd: s, alpha: 0.05, test: k, delta: d };
        const n = meanSampleSize({ ...p, power: pw });
        // A t test is clamped to n ≥ 2, where the power exceeds the target.
        fc.pre(n > 2);
        expect(Math.abs(meanPower({ ...p, nPerArm: n }) - pw)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('the solved MDE reaches the target power (within 1e-6)', () => {
    fc.assert(
      fc.property(test, sd, power, fc.double({ min: 3, max: 1e4, noNaN: true }), (k, s, pw, n) => {
        const p = { sd: s, alpha: 0.05, test: k, nPerArm: n };
        const d = meanMde({ ...p, power: pw });
        expect(Math.abs(meanPower({ ...p, delta: d }) - pw)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });
});
