import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { type BinaryOutcome, type PlanInput, PlannerInputError, planPower, unknownOf } from './analytic';

// Cluster references: SciPy 1.17 (scipy.stats.nct / t, Boost) with brentq on the same formula:
// power = 1 − T_{df,λ}(c) + T_{df,λ}(−c), df = 2(k − 1), λ = |Δ|·√(n/DE)/sdAlt, c = t_{1−α/2,df}·sdNull/sdAlt.
// jStat's noncentral t (~1e-9) and t quantile (~5e-8) limit agreement to about 1e-6 relative.
// z designs: SciPy 1.17 (scipy.stats.norm, brentq) on power = Φ(λ − c) + Φ(−λ − c), computed
// 2026-12-07 (both tails, like the t test; docs/planner.md).
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
  it('solves the customers per arm with their ceiling (SciPy 76.70692; R power.prop.test: 76.7)', () => {
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
    expect(r.nPerArm).toBeCloseTo(76.70691611581744, 9);
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
  it('z: k = n·DE/m = 46.0132 branches of 500 at ICC 0.01 (SciPy), 47 rounded, 23 500 customers', () => {
    const r = planPower(branches({ icc: 0.01, clusterSize: 500 }, { test: 'z' }));
    expect(r.solvedFor).toBe('clustersPerArm');
    expect(r.designEffect).toBeCloseTo(5.99, 12);
    expect(r.clustersPerArm).toBeCloseTo(46.01324128834492, 8);
    expect(r.clustersPerArmRounded).toBe(47);
    expect(r.nPerArm).toBeCloseTo(46.01324128834492 * 500, 5);
    expect(r.nPerArmRounded).toBe(23500);
  });

  it('t: k = 46.99347 branches of 500 (SciPy), df = 2(k − 1)', () => {
    const r = planPower(branches({ icc: 0.01, clusterSize: 500 }));
    expect(r.clustersPerArm! / 46.99347020444339).toBeCloseTo(1, 6);
    expect(r.df).toBeCloseTo(2 * (r.clustersPerArm! - 1), 10);
  });

  it('with unequal branch sizes (CV 0.4): DE 6.79 and k = 52.1586 (z, SciPy)', () => {
    const r = planPower(branches({ icc: 0.01, cv: 0.4, clusterSize: 500 }, { test: 'z' }));
    expect(r.designEffect).toBeCloseTo(6.79, 12);
    expect(r.clustersPerArm).toBeCloseTo(52.158582361913524, 8);
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

  it('solves the customers per branch for a fixed number of branches: z 176.1068 (Hemming et al. 2011), t 184.4435 (SciPy)', () => {
    const z = planPower(branches({ icc: 0.01, clustersPerArm: 60 }, { test: 'z' }));
    expect(z.solvedFor).toBe('clusterSize');
    expect(z.clusterSize).toBeCloseTo(176.1067530078134, 6);
    expect(z.clusterSizeRounded).toBe(177);
    expect(z.nPerArmRounded).toBe(60 * 177);
    const t = planPower(branches({ icc: 0.01, clustersPerArm: 60 }));
    expect(t.clusterSize! / 184.44353650591344).toBeCloseTo(1, 6);
  });

  it('says when too few branches cannot reach the power, however large (t: more than 39.39 needed)', () => {
    const call = () => planPower(branches({ icc: 0.01, clustersPerArm: 20 }));
    expect(call).toThrow(PlannerInputError);
    expect(thrownWords(call)).toMatch(
      /^clustersPerArm: 20 is too few: with ICC 0.01 even infinitely large branches only reach power/,
    );
    expect(thrownWords(call)).toMatch(/expected more than 39.39 branches per arm$/);
    expect(thrownWords(() => planPower(branches({ icc: 0.01, clustersPerArm: 20 }, { test: 'z' })))).toMatch(
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
    expect(r.notes.map((n) => n.code)).toContain('single-customer');
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
    expect(z.notes).toContainEqual({ code: 'too-few-branches', params: { k: z.clustersPerArm, min: 2 } });
    const t = planPower({
      outcome: big,
      alpha: 0.05,
      test: 't',
      power: 0.8,
      cluster: { icc: 0.01, clusterSize: 50 },
    });
    expect(t.clustersPerArm).toBe(2);
    const atMinimum = t.notes.find((n) => n.code === 'at-minimum')!;
    expect(atMinimum.params).toMatchObject({ what: 'branches' });
    // Two branches already overshoot the target (that is why the t test stops there).
    expect((atMinimum.params as { power: number }).power).toBeGreaterThan(0.8);
  });

  it('clamps a t-test sample size to 2 per arm when the effect is huge', () => {
    const r = planPower({ outcome: { kind: 'mean', sd: 1, delta: 10 }, alpha: 0.05, test: 't', power: 0.8 });
    expect(r.nPerArm).toBe(2);
    expect(r.notes[0]).toMatchObject({ code: 'at-minimum', params: { what: 'customers' } });
  });

  it('solves large individually randomised t designs (df above 1000) like the z test', () => {
    const o = { kind: 'binary' as const, pControl: 0.1, pTreat: 0.101, method: 'pooled' as const };
    const z = planPower({ outcome: o, alpha: 0.05, test: 'z', power: 0.8 });
    const t = planPower({ outcome: o, alpha: 0.05, test: 't', power: 0.8 });
    // 1.42 million per arm (df 2.8 million): t needs z₀.₉₇₅²/4 = 0.9604 more customers per arm
    // than z (Guenther 1981, Am Stat 35:243), up to O(1/n); both count the same two tails.
    expect(t.nPerArm - z.nPerArm).toBeCloseTo(1.959964 ** 2 / 4, 2);
  });

  it('warns that the z test overstates power with few branches', () => {
    const r = planPower({
      outcome: { kind: 'mean', sd: 1, delta: 0.3 },
      alpha: 0.05,
      test: 'z',
      power: 0.8,
      cluster: { icc: 0.05, clusterSize: 50 },
    });
    expect(r.notes.map((n) => n.code)).toContain('z-few-branches');
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
    expect(
      thrownWords(() =>
        unknownOf({ outcome: binary(0.12), alpha: 0.05, test: 'z', power: 0.8, nPerArm: 10 }),
      ),
    ).toMatch(/over-determines/);
    expect(thrownWords(() => unknownOf({ outcome: binary(), alpha: 0.05, test: 'z', nPerArm: 10 }))).toMatch(
      /power: missing/,
    );
    expect(() => unknownOf(branches({ icc: 0.1 }))).toThrow(PlannerInputError);
  });

  it('rejects values out of range with the input, value and expectation', () => {
    expect(thrownWords(() => planPower(branches({ icc: 1, clusterSize: 10 })))).toMatch(
      /^icc: 1 is not an intracluster correlation/,
    );
    expect(thrownWords(() => planPower(branches({ icc: 0.1, clusterSize: 0 })))).toMatch(/^clusterSize: 0/);
    expect(thrownWords(() => planPower(branches({ icc: 0.1, clustersPerArm: 1 })))).toMatch(
      /^clustersPerArm: 1 is out of range/,
    );
    expect(thrownWords(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { power: 0.05 })))).toMatch(
      /^power: 0.05/,
    );
    expect(thrownWords(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { alpha: 1.5 })))).toMatch(
      /^alpha: 1.5/,
    );
    expect(
      thrownWords(() => planPower(branches({ icc: 0.1, clusterSize: 10 }, { accrualPerBranchPerWeek: -3 }))),
    ).toMatch(/^accrualPerBranchPerWeek: -3/);
    expect(
      thrownWords(() =>
        planPower({ outcome: binary(0.12), alpha: 0.05, test: 'z', power: 0.8, accrualPerBranchPerWeek: 10 }),
      ),
    ).toMatch(/^accrualPerBranchPerWeek: 10 needs branches/);
    expect(
      thrownWords(() =>
        planPower(branches({ icc: 0.1, clusterSize: 100 }, { power: undefined, nPerArm: 100 })),
      ),
    ).toMatch(/^nPerArm: 100 gives 1 branches per arm/);
  });
});

describe('properties of branch designs', () => {
  // Targets from 0.1 up: there the wrong-direction tail is large (up to ~0.01), so a solver
  // inverting a different convention from the power function would miss by far more than 1e-6.
  const targetPower = fc.double({ min: 0.1, max: 0.95, noNaN: true });
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
      fc.property(icc, m, test, targetPower, (r, size, kind, power) => {
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
      fc.property(lowIcc, test, targetPower, (r, kind, power) => {
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
      fc.property(icc, m, test, fc.boolean(), targetPower, (r, size, kind, isMean, power) => {
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
      }),
      { numRuns: 60 },
    );
  });
});

describe('the z and t tests: one convention', () => {
  // C6 (issue 19): 0.05 vs 0.06, unpooled, 20 branches of 400 per arm, ICC 0.01, α 0.05: DE 4.99,
  // λ = 0.01·√(8000/4.99)/√(0.05·0.95 + 0.06·0.94) = 1.242187. References computed 2026-12-07 with
  // SciPy 1.17: z Φ(λ − z₀.₉₇₅) + Φ(−λ − z₀.₉₇₅) = 0.23712940187159898 (scipy.stats.norm; the upper
  // tail alone, Φ(λ − z₀.₉₇₅), is 0.2364474); t (df 38) nct.sf(c, 38, λ) + nct.cdf(−c, 38, λ) with
  // c = t.ppf(0.975, 38) = 0.22767627829232576 (scipy.stats.nct; the upper tail alone, as R
  // clusterPower cpa.binary reports, is 0.2269181), confirmed to 1e-15 by integrating the normal
  // tail over the χ²₃₈ density with mpmath 1.3 at 30 digits.
  const c6 = (test: 'z' | 't') =>
    planPower({
      outcome: { kind: 'binary', pControl: 0.05, pTreat: 0.06, method: 'unpooled' },
      alpha: 0.05,
      test,
      cluster: { icc: 0.01, clusterSize: 400, clustersPerArm: 20 },
    });

  it('z counts both tails: power 0.2371294 for C6 (normal CDF good to ~1e-15)', () => {
    const r = c6('z');
    expect(r.designEffect).toBeCloseTo(4.99, 12);
    expect(r.power).toBeCloseTo(0.23712940187159898, 12);
  });

  it('t counts both tails: power 0.2276763 for C6 with df 38 (jStat noncentral t to ~1e-8)', () => {
    const r = c6('t');
    expect(r.df).toBe(38);
    expect(Math.abs(r.power - 0.22767627829232576)).toBeLessThan(1e-8);
  });

  it('z and t powers converge as the degrees of freedom grow, for every design', () => {
    // At the z MDE for target power p (so λ stays put as df grows), the t power falls short by,
    // to first order, φ(λ − c)·c(1 + λc)/(4·df) with c = z₀.₉₇₅ (the Cornish–Fisher shift of the
    // t quantile and the noncentral t's variance 1 + c²/(2·df)): at most ≈ 1.01/df at α = 0.05.
    // 1.5/df leaves room for the pooled test's larger c and the second order at df = 40; a z
    // power that dropped the wrong-direction tail would stay Φ(−λ − c) (≥ 3e-4 at p = 0.3) apart.
    const dfs = [40, 400, 4000, 40000];
    fc.assert(
      fc.property(
        fc.constantFrom('pooled' as const, 'unpooled' as const, 'arcsine' as const, 'mean' as const),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.option(
          fc.record({
            icc: fc.double({ min: 0, max: 0.2, noNaN: true }),
            clusterSize: fc.double({ min: 1, max: 500, noNaN: true }),
          }),
        ),
        fc.double({ min: 0.1, max: 0.95, noNaN: true }),
        (method, pControl, cluster, power) => {
          const gaps = dfs.map((df) => {
            const size = df / 2 + 1;
            const design = cluster ? { cluster: { ...cluster, clustersPerArm: size } } : { nPerArm: size };
            const at = (test: 'z' | 't', effect?: number): PlanInput => ({
              outcome:
                method === 'mean'
                  ? { kind: 'mean', sd: 3, delta: effect }
                  : { kind: 'binary', pControl, pTreat: effect, method },
              alpha: 0.05,
              test,
              ...(effect === undefined ? { power } : {}),
              ...design,
            });
            const z = planPower(at('z'));
            const t = planPower(at('t', z.mde));
            expect(t.df).toBeCloseTo(df, 9);
            return power - t.power;
          });
          gaps.forEach((gap, i) => {
            expect(gap).toBeGreaterThan(0);
            expect(gap * dfs[i]).toBeLessThan(1.5);
            if (i > 0) expect(gap).toBeLessThan(gaps[i - 1]);
          });
        },
      ),
    );
  });
});
