import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BinaryOutcome, type PlanInput, PlannerInputError, planPower, unknownOf } from './analytic';

// Cluster references: SciPy 1.17 (scipy.stats.nct / t, Boost) with brentq on the same formula:
// power = 1 − T_{df,λ}(c) + T_{df,λ}(−c), df = 2(k − 1), λ = |Δ|·√(n/DE)/sdAlt, c = t_{1−α/2,df}·sdNull/sdAlt.
// jStat's noncentral t (~1e-9) and t quantile (~5e-8) limit agreement to about 1e-6 relative.
const binary = (pTreat?: number): BinaryOutcome => ({
  kind: 'binary',
  pControl: 0.1,
  pTreat,
  method: 'pooled',
});
const branches = (cluster: PlanInput['cluster'], extra: Partial<PlanInput> = {}): PlanInput => ({
  outcome: binary(0.12),
  alpha: 0.05,
  test: 't',
  power: 0.8,
  cluster,
  ...extra,
});

describe('planPower: individually randomised', () => {
  it('solves the customers per arm with their ceiling (R power.prop.test: 76.7)', () => {
    const r = planPower({
      outcome: { kind: 'binary', pControl: 0.5, pTreat: 0.75, method: 'pooled' },
      alpha: 0.05,
      test: 'z',
      power: 0.9,
    });
    expect(r).toMatchObject({
      solvedFor: 'nPerArm',
      designEffect: 1,
      nPerArmRounded: 77,
      df: null,
      power: 0.9,
    });
    expect(r.nPerArm).toBeCloseTo(76.70692845177743, 9);
  });

  it('solves power and MDE of two means by t test (R power.t.test)', () => {
    const mean = { kind: 'mean' as const, sd: 1 };
    const power = planPower({ outcome: { ...mean, delta: 1 }, alpha: 0.05, test: 't', nPerArm: 20 });
    expect(power.solvedFor).toBe('power');
    expect(power.df).toBe(38);
    expect(Math.abs(power.power - 0.8689528)).toBeLessThan(1e-6);
    const mde = planPower({ outcome: mean, alpha: 0.05, test: 't', nPerArm: 50, power: 0.8 });
    expect(mde.mde).toBeCloseTo(0.5658822437555725, 6);
    expect(mde.mdeDifference).toBeUndefined();
  });

  it('solves a binary MDE as the treatment rate and the difference', () => {
    const r = planPower({ outcome: binary(), alpha: 0.05, test: 'z', nPerArm: 50, power: 0.9 });
    expect(r.solvedFor).toBe('mde');
    expect(r.mdeDifference).toBeCloseTo(r.mde! - 0.1, 14);
  });

  it('runs a t test on proportions too, with df = 2(n − 1): n = 354.1616 for 0.3 vs 0.4 unpooled (SciPy)', () => {
    const r = planPower({
      outcome: { kind: 'binary', pControl: 0.3, pTreat: 0.4, method: 'unpooled' },
      alpha: 0.05,
      test: 't',
      power: 0.8,
    });
    expect(r.nPerArm).toBeCloseTo(354.161648412916, 4);
    expect(r.df).toBeCloseTo(2 * (r.nPerArm - 1), 10);
  });
});

describe('planPower: branch (cluster) designs', () => {
  it('z: k = n·DE/m = 46.0134 branches of 500 at ICC 0.01 (by hand), 47 rounded, 23 500 customers', () => {
    const r = planPower(branches({ icc: 0.01, clusterSize: 500 }, { test: 'z' }));
    expect(r.solvedFor).toBe('clustersPerArm');
    expect(r.designEffect).toBeCloseTo(5.99, 12);
    expect(r.clustersPerArm).toBeCloseTo(46.013352839586545, 8);
    expect(r.clustersPerArmRounded).toBe(47);
    expect(r.nPerArm).toBeCloseTo(46.013352839586545 * 500, 5);
    expect(r.nPerArmRounded).toBe(23500);
  });

  it('t: k = 46.99347 branches of 500 (SciPy), df = 2(k − 1)', () => {
    const r = planPower(branches({ icc: 0.01, clusterSize: 500 }));
    expect(r.clustersPerArm! / 46.99347020444339).toBeCloseTo(1, 6);
    expect(r.df).toBeCloseTo(2 * (r.clustersPerArm! - 1), 10);
  });

  it('with unequal branch sizes (CV 0.4): DE 6.79 and k = 52.1587 (z, by hand)', () => {
    const r = planPower(branches({ icc: 0.01, cv: 0.4, clusterSize: 500 }, { test: 'z' }));
    expect(r.designEffect).toBeCloseTo(6.79, 12);
    expect(r.clustersPerArm).toBeCloseTo(52.15870881148457, 8);
  });

  it('t: power 0.9404925 for 20 branches of 50, ICC 0.05, δ = 0.3σ (SciPy), and k = 13.06863 for power 0.8', () => {
    const mean = { kind: 'mean' as const, sd: 1, delta: 0.3 };
    const power = planPower({
      outcome: mean,
      alpha: 0.05,
      test: 't',
      cluster: { icc: 0.05, clusterSize: 50, clustersPerArm: 20 },
    });
    expect(power.designEffect).toBeCloseTo(3.45, 12);
    expect(Math.abs(power.power - 0.9404924880192729)).toBeLessThan(1e-6);
    const k = planPower({
      outcome: mean,
      alpha: 0.05,
      test: 't',
      power: 0.8,
      cluster: { icc: 0.05, clusterSize: 50 },
    });
    expect(k.clustersPerArm! / 13.068631423698456).toBeCloseTo(1, 6);
    expect(k.clustersPerArmRounded).toBe(14);
  });

  it('solves the customers per branch for a fixed number of branches: z 176.108 (Hemming et al. 2011), t 184.4435 (SciPy)', () => {
    const z = planPower(branches({ icc: 0.01, clustersPerArm: 60 }, { test: 'z' }));
    expect(z.solvedFor).toBe('clusterSize');
    expect(z.clusterSize).toBeCloseTo(176.10793941978577, 6);
    expect(z.clusterSizeRounded).toBe(177);
    expect(z.nPerArmRounded).toBe(60 * 177);
    const t = planPower(branches({ icc: 0.01, clustersPerArm: 60 }));
    expect(t.clusterSize! / 184.44353650591344).toBeCloseTo(1, 6);
  });

  it('says when too few branches cannot reach the power, however large (t: more than 39.39 needed)', () => {
    const call = () => planPower(branches({ icc: 0.01, clustersPerArm: 20 }));
    expect(call).toThrow(PlannerInputError);
    expect(call).toThrow(
      /^clustersPerArm: 20 is too few: with ICC 0.01 even infinitely large branches only reach power/,
    );
    expect(call).toThrow(/expected more than 39.39 branches per arm$/);
    expect(() => planPower(branches({ icc: 0.01, clustersPerArm: 20 }, { test: 'z' }))).toThrow(
      /more than 38.41/,
    );
  });

  it('solves the cluster MDE: p_treat = 0.1175735 with 60 branches of 500 (SciPy)', () => {
    const r = planPower(branches({ icc: 0.01, clustersPerArm: 60, clusterSize: 500 }, { outcome: binary() }));
    expect(r.solvedFor).toBe('mde');
    expect(r.mde).toBeCloseTo(0.11757352121749039, 7);
    expect(r.df).toBe(118);
  });

  it('accepts customers per arm with either branch count or size', () => {
    const a = planPower(branches({ icc: 0.02, clusterSize: 100 }, { power: undefined, nPerArm: 3000 }));
    const b = planPower(branches({ icc: 0.02, clustersPerArm: 30 }, { power: undefined, nPerArm: 3000 }));
    expect(a.clustersPerArm).toBe(30);
    expect(b.clusterSize).toBe(100);
    expect(a.power).toBeCloseTo(b.power, 14);
  });

  it('gives the duration in weeks from the weekly accrual per branch: ⌈185 / 60⌉ = 4', () => {
    const r = planPower(branches({ icc: 0.01, clustersPerArm: 60 }, { accrualPerBranchPerWeek: 60 }));
    expect(r.clusterSizeRounded).toBe(185);
    expect(r.weeks).toBe(4);
    const fixed = planPower(branches({ icc: 0.01, clusterSize: 500 }, { accrualPerBranchPerWeek: 60 }));
    expect(fixed.weeks).toBe(9);
  });

  it('sets the branch size to 1 with a note when single customers per branch already suffice', () => {
    const r = planPower(branches({ icc: 0.01, clustersPerArm: 5000 }));
    expect(r.clusterSize).toBe(1);
    expect(r.notes.join(' ')).toMatch(/One customer per branch/);
  });

  it('never plans fewer than 2 branches per arm, with a note when the formula asks for fewer', () => {
    const big = { kind: 'mean' as const, sd: 1, delta: 2 };
    const z = planPower({
      outcome: big,
      alpha: 0.05,
      test: 'z',
      power: 0.8,
      cluster: { icc: 0.01, clusterSize: 50 },
    });
    expect(z.clustersPerArm).toBeLessThan(2);
    expect(z.clustersPerArmRounded).toBe(2);
    expect(z.notes.join(' ')).toMatch(/fewer than 2 cannot separate/);
    const t = planPower({
      outcome: big,
      alpha: 0.05,
      test: 't',
      power: 0.8,
      cluster: { icc: 0.01, clusterSize: 50 },
    });
    expect(t.clustersPerArm).toBe(2);
    expect(t.notes.join(' ')).toMatch(/needs at least 2 branches per arm, and 2 already give power/);
  });

  it('clamps a t-test sample size to 2 per arm when the effect is huge', () => {
    const r = planPower({ outcome: { kind: 'mean', sd: 1, delta: 10 }, alpha: 0.05, test: 't', power: 0.8 });
    expect(r.nPerArm).toBe(2);
    expect(r.notes[0]).toMatch(/2 customers per arm/);
  });

  it('solves large individually randomised t designs (df above 1000) like the z test', () => {
    const o = { kind: 'binary' as const, pControl: 0.1, pTreat: 0.101, method: 'pooled' as const };
    const z = planPower({ outcome: o, alpha: 0.05, test: 'z', power: 0.8 });
    const t = planPower({ outcome: o, alpha: 0.05, test: 't', power: 0.8 });
    // 1.42 million per arm: t and z agree to a few customers. The t power counts the
    // wrong-direction tail (Φ(−4.76) ≈ 1e-6) that the z formula drops, so t may even need fewer.
    expect(Math.abs(t.nPerArm - z.nPerArm)).toBeLessThan(5);
  });

  it('warns that the z test overstates power with few branches', () => {
    const r = planPower({
      outcome: { kind: 'mean', sd: 1, delta: 0.3 },
      alpha: 0.05,
      test: 'z',
      power: 0.8,
      cluster: { icc: 0.05, clusterSize: 50 },
    });
    expect(r.notes.join(' ')).toMatch(/z test overstates power/);
  });
});

describe('unknownOf and input errors', () => {
  it('picks the one quantity left out', () => {
    const o = binary(0.12);
    expect(unknownOf({ outcome: o, alpha: 0.05, test: 'z', power: 0.8 })).toBe('nPerArm');
    expect(unknownOf({ outcome: o, alpha: 0.05, test: 'z', nPerArm: 100 })).toBe('power');
    expect(unknownOf({ outcome: binary(), alpha: 0.05, test: 'z', nPerArm: 100, power: 0.8 })).toBe('mde');
    expect(unknownOf(branches({ icc: 0.1, clusterSize: 10 }))).toBe('clustersPerArm');
    expect(unknownOf(branches({ icc: 0.1, clustersPerArm: 10 }))).toBe('clusterSize');
  });

  it('rejects over- and under-determined designs', () => {
    expect(() =>
      unknownOf({ outcome: binary(0.12), alpha: 0.05, test: 'z', power: 0.8, nPerArm: 10 }),
    ).toThrow(/over-determines/);
    expect(() => unknownOf({ outcome: binary(), alpha: 0.05, test: 'z', nPerArm: 10 })).toThrow(
      /power: missing/,
    );
    expect(() => unknownOf(branches({ icc: 0.1 }))).toThrow(PlannerInputError);
  });

  it('rejects values out of range with the input, value and expectation', () => {
    expect(() => planPower(branches({ icc: 1, clusterSize: 10 }))).toThrow(
      /^icc: 1 is not an intracluster correlation/,
    );
    expect(() => planPower(branches({ icc: 0.1, clusterSize: 0 }))).toThrow(/^clusterSize: 0/);
    expect(() => planPower(branches({ icc: 0.1, clustersPerArm: 1 }))).toThrow(
      /^clustersPerArm: 1 is out of range/,
    );
    expect(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { power: 0.05 }))).toThrow(/^power: 0.05/);
    expect(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { alpha: 1.5 }))).toThrow(/^alpha: 1.5/);
    expect(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { accrualPerBranchPerWeek: -3 }))).toThrow(
      /^accrualPerBranchPerWeek: -3/,
    );
    expect(() =>
      planPower({ outcome: binary(0.12), alpha: 0.05, test: 'z', power: 0.8, accrualPerBranchPerWeek: 10 }),
    ).toThrow(/^accrualPerBranchPerWeek: 10 needs branches/);
    expect(() =>
      planPower(branches({ icc: 0.1, clusterSize: 100 }, { power: undefined, nPerArm: 100 })),
    ).toThrow(/^nPerArm: 100 gives 1 branches per arm/);
  });
});

describe('properties of branch designs', () => {
  const icc = fc.double({ min: 0, max: 0.2, noNaN: true });
  const m = fc.double({ min: 1, max: 1000, noNaN: true });
  const test = fc.constantFrom('z' as const, 't' as const);

  it('ICC 0 gives design effect 1 and the individually randomised z answer', () => {
    fc.assert(
      fc.property(m, (size) => {
        const clustered = planPower(branches({ icc: 0, clusterSize: size }, { test: 'z' }));
        const individual = planPower({ outcome: binary(0.12), alpha: 0.05, test: 'z', power: 0.8 });
        expect(clustered.designEffect).toBe(1);
        expect(clustered.nPerArm / individual.nPerArm).toBeCloseTo(1, 10);
      }),
    );
  });

  it('power rises with the number of branches', () => {
    fc.assert(
      fc.property(icc, m, test, fc.double({ min: 2, max: 500, noNaN: true }), (r, size, kind, k) => {
        const at = (kk: number) =>
          planPower(
            branches({ icc: r, clusterSize: size, clustersPerArm: kk }, { power: undefined, test: kind }),
          ).power;
        expect(at(k * 1.2) - at(k)).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('the solved number of branches reaches the target power (within 1e-6)', () => {
    fc.assert(
      fc.property(icc, m, test, fc.double({ min: 0.5, max: 0.95, noNaN: true }), (r, size, kind, power) => {
        const solved = planPower(branches({ icc: r, clusterSize: size }, { test: kind, power }));
        // Solved sizes are clamped to the minimum of 2 branches, where the power exceeds the target.
        fc.pre(solved.clustersPerArm! > 2);
        const check = planPower(
          branches(
            { icc: r, clusterSize: size, clustersPerArm: solved.clustersPerArm },
            { power: undefined, test: kind },
          ),
        );
        expect(Math.abs(check.power - power)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('the solved branch size reaches the target power (within 1e-6)', () => {
    // 200 branches per arm reach power 0.95 for 0.10 vs 0.12 when ICC ≤ 0.02: 200/0.02 = 10 000
    // effective customers per arm at most, above the 6 400 individually randomised ones needed.
    const lowIcc = fc.double({ min: 0, max: 0.02, noNaN: true });
    fc.assert(
      fc.property(lowIcc, test, fc.double({ min: 0.5, max: 0.95, noNaN: true }), (r, kind, power) => {
        const k = 200;
        const solved = planPower(branches({ icc: r, clustersPerArm: k }, { test: kind, power }));
        fc.pre(solved.clusterSize! > 1);
        const check = planPower(
          branches(
            { icc: r, clustersPerArm: k, clusterSize: solved.clusterSize },
            { power: undefined, test: kind },
          ),
        );
        expect(Math.abs(check.power - power)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('the solved MDE reaches the target power (within 1e-6), binary and mean', () => {
    fc.assert(
      fc.property(
        icc,
        m,
        test,
        fc.boolean(),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (r, size, kind, isMean, power) => {
          const outcome: PlanInput['outcome'] = isMean ? { kind: 'mean', sd: 2 } : binary();
          const cluster = { icc: r, clusterSize: size, clustersPerArm: 40 };
          let solved: ReturnType<typeof planPower>;
          try {
            solved = planPower({ outcome, alpha: 0.05, test: kind, power, cluster });
          } catch (e) {
            expect(e).toBeInstanceOf(PlannerInputError);
            return;
          }
          const withEffect: PlanInput['outcome'] = isMean
            ? { kind: 'mean', sd: 2, delta: solved.mde }
            : { ...binary(), pTreat: solved.mde };
          const check = planPower({ outcome: withEffect, alpha: 0.05, test: kind, cluster });
          expect(Math.abs(check.power - power)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });
});
