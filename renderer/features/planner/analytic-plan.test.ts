import { describe, expect, it } from 'vitest';
import { planPower } from '../../../sim/index';
import {
  DEFAULT_INPUTS,
  designEffectFacts,
  mdeAt,
  mdeByWeeks,
  powerAt,
  powerByBranches,
  solveDesign,
} from './analytic-plan';

describe('solveDesign', () => {
  it('solves branches per arm with a t test at the given branch size (as planPower)', () => {
    const solved = solveDesign(DEFAULT_INPUTS);
    expect(solved.ok).toBe(true);
    if (!solved.ok) return;
    const direct = planPower({
      outcome: { kind: 'binary', pControl: 0.05, pTreat: 0.07, method: 'pooled' },
      alpha: 0.05,
      power: 0.8,
      test: 't',
      cluster: { icc: 0.01, cv: 0.6, clusterSize: 500, analysis: 'unweighted' },
      accrualPerBranchPerWeek: 60,
    });
    expect(solved.result).toEqual(direct);
    // ⌈500 / 60⌉ = 9 weeks; equal-weight branch means: DE = 1 + 499·0.01 + 0.36·0.99 = 6.3464.
    expect(solved.result.weeks).toBe(9);
    expect(solved.result.designEffect).toBeCloseTo(6.3464, 12);
  });

  it('names the missing or invalid field', () => {
    expect(solveDesign({ ...DEFAULT_INPUTS, icc: undefined })).toEqual({
      ok: false,
      error: { field: 'icc', message: 'required' },
    });
    const bad = solveDesign({ ...DEFAULT_INPUTS, customersPerBranch: 0.5 });
    expect(bad).toMatchObject({ ok: false, error: { field: 'customersPerBranch' } });
    const same = solveDesign({ ...DEFAULT_INPUTS, pTreat: 0.05 });
    expect(same.ok).toBe(false);
    // A continuous outcome needs δ and σ, not the rates.
    expect(solveDesign({ ...DEFAULT_INPUTS, outcome: 'mean', pControl: undefined }).ok).toBe(true);
  });
});

describe('curves', () => {
  it('power rises with branches per arm and reaches the target at the solved k', () => {
    const solved = solveDesign(DEFAULT_INPUTS);
    if (!solved.ok) throw new Error('no design');
    const k = solved.result.clustersPerArm!;
    const curve = powerByBranches(DEFAULT_INPUTS, k);
    expect(curve[0].x).toBe(2);
    for (let i = 1; i < curve.length; i++) expect(curve[i].y!).toBeGreaterThan(curve[i - 1].y!);
    expect(powerAt(DEFAULT_INPUTS, solved.result.clustersPerArmRounded!)!).toBeGreaterThanOrEqual(0.8);
    expect(powerAt(DEFAULT_INPUTS, 1)).toBeNull();
  });

  it('MDE (pp) shrinks as branches fill week by week; none without an accrual', () => {
    const curve = mdeByWeeks(DEFAULT_INPUTS, 20, 9);
    expect(curve.map((p) => p.x)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const finite = curve.filter((p) => p.y !== null);
    for (let i = 1; i < finite.length; i++) expect(finite[i].y!).toBeLessThan(finite[i - 1].y!);
    // At 9 weeks a branch holds 540 customers: the MDE is planPower's treatment rate − control rate.
    const direct = planPower({
      outcome: { kind: 'binary', pControl: 0.05, method: 'pooled' },
      alpha: 0.05,
      power: 0.8,
      test: 't',
      cluster: { icc: 0.01, cv: 0.6, clusterSize: 540, clustersPerArm: 20, analysis: 'unweighted' },
    });
    expect(mdeAt(DEFAULT_INPUTS, 20, 540)).toBeCloseTo(100 * direct.mdeDifference!, 10);
    expect(curve[8].y).toBeCloseTo(100 * direct.mdeDifference!, 10);
    expect(mdeByWeeks({ ...DEFAULT_INPUTS, accrualPerBranchWeek: undefined }, 20)).toEqual([]);
  });

  it('design-effect facts: effective customers per branch = m / DE', () => {
    const solved = solveDesign(DEFAULT_INPUTS);
    if (!solved.ok) throw new Error('no design');
    const f = designEffectFacts(DEFAULT_INPUTS, solved.result);
    expect(f.effectivePerBranch).toBeCloseTo(500 / 6.3464, 10);
    expect(f.customersPerArm).toBe(f.branches * 500);
  });
});
