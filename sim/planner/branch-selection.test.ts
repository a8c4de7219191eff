import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import {
  type BranchInfo,
  balanceTable,
  branchInfos,
  sampleRatioMismatch,
  selectBranches,
} from './branch-selection';
import { PlannerInputError } from './errors';

const REGIONS = ['east', 'central', 'west'];

/** 40 branches: sizes 300·(1 + (k·37 mod 40)/4), regions in turn, 1–3 wealth managers. */
function bank(n = 40): BranchInfo[] {
  return Array.from({ length: n }, (_, k) => ({
    name: `B${String(k + 1).padStart(2, '0')}`,
    region: REGIONS[k % 3],
    customers: 300 * (1 + ((k * 37) % 40) / 4),
    wealthManagers: 1 + (k % 3),
    remoteAgents: 1,
  }));
}

describe('selectBranches', () => {
  it('returns k pilot and k control branches, disjoint, from the bank', () => {
    for (const method of ['random', 'stratified'] as const) {
      const s = selectBranches({ branches: bank(), perArm: 7, method, seed: 's1' });
      expect(s.pilot).toHaveLength(7);
      expect(s.control).toHaveLength(7);
      expect(new Set([...s.pilot, ...s.control]).size).toBe(14);
      for (const b of [...s.pilot, ...s.control]) expect(b).toMatch(/^B\d\d$/);
    }
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = selectBranches({ branches: bank(), perArm: 5, method: 'random', seed: 'a' });
    const b = selectBranches({ branches: bank(), perArm: 5, method: 'random', seed: 'a' });
    const c = selectBranches({ branches: bank(), perArm: 5, method: 'random', seed: 'b' });
    expect(b).toEqual(a);
    expect([...c.pilot, ...c.control]).not.toEqual([...a.pilot, ...a.control]);
  });

  it('nests: the k-branch selection is a prefix of the (k+1)-branch one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 19 }),
        fc.constantFrom('random', 'stratified' as const),
        (k, method) => {
          const small = selectBranches({ branches: bank(), perArm: k, method, seed: 'nest' });
          const big = selectBranches({ branches: bank(), perArm: k + 1, method, seed: 'nest' });
          expect(big.pilot.slice(0, k)).toEqual(small.pilot);
          expect(big.control.slice(0, k)).toEqual(small.control);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('stratified by region: every pair shares a region, so region shares match exactly', () => {
    // 40 branches in 3 regions: 14, 13, 13 → 7 + 6 + 6 pairs, two leftovers paired across regions.
    const s = selectBranches({ branches: bank(), perArm: 19, method: 'stratified', seed: 'r' });
    const region = new Map(bank().map((b) => [b.name, b.region]));
    const crossRegion = s.pilot.filter((p, i) => region.get(p) !== region.get(s.control[i]));
    expect(crossRegion.length).toBeLessThanOrEqual(1);
    const s9 = selectBranches({ branches: bank(), perArm: 9, method: 'stratified', seed: 'r' });
    for (const row of s9.balance.filter((r) => r.kind === 'share')) expect(row.treatment).toBe(row.control);
  });

  it('stratified by size and region: pairs are neighbours in size, so arms are close in size', () => {
    const s = selectBranches({ branches: bank(), perArm: 6, method: 'stratified', seed: 'size' });
    const size = new Map(bank().map((b) => [b.name, b.customers]));
    // Within a region the 13–14 sizes are spread over 300…3225; neighbours differ by at most 675.
    s.pilot.forEach((p, i) => {
      expect(Math.abs(size.get(p)! - size.get(s.control[i])!)).toBeLessThanOrEqual(675);
    });
    const customers = s.balance.find((r) => r.key === 'customers')!;
    expect(Math.abs(customers.stdDiff)).toBeLessThan(0.25);
  });

  it('draws pairs in proportion to each region (every prefix within one pair of its share)', () => {
    const s = selectBranches({
      branches: bank(),
      perArm: 12,
      method: 'stratified',
      stratifyBy: ['region'],
      seed: 'p',
    });
    const region = new Map(bank().map((b) => [b.name, b.region]));
    const counts = REGIONS.map((r) => s.pilot.filter((p) => region.get(p) === r).length);
    // 19 pairs: 7, 6, 6 within regions; 12 pairs drawn → about 4.4, 3.8, 3.8.
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('computes the planned treatment share by customers', () => {
    const s = selectBranches({ branches: bank(), perArm: 4, method: 'random', seed: 'x' });
    const size = new Map(bank().map((b) => [b.name, b.customers]));
    const t = s.pilot.reduce((a, b) => a + size.get(b)!, 0);
    const c = s.control.reduce((a, b) => a + size.get(b)!, 0);
    expect(s.plannedTreatmentShare).toBeCloseTo(t / (t + c), 12);
  });

  it('refuses more branches than the bank has, and k < 1', () => {
    expect(
      thrownWords(() => selectBranches({ branches: bank(10), perArm: 6, method: 'random', seed: 'x' })),
    ).toMatch(/needs 12 branches but there are 10; expected at most 5 per arm/);
    expect(() => selectBranches({ branches: bank(10), perArm: 0, method: 'random', seed: 'x' })).toThrow(
      PlannerInputError,
    );
  });

  it('reads the branch table of a population summary', () => {
    const info = branchInfos({
      branches: [
        {
          id: 0,
          name: 'B01',
          region: 'east',
          customers: 10,
          wealthManagers: 1,
          remoteAgents: 2,
          effect: 0.1,
        },
      ],
    });
    expect(info).toEqual([
      { name: 'B01', region: 'east', customers: 10, wealthManagers: 1, remoteAgents: 2 },
    ]);
  });
});

describe('balanceTable', () => {
  it('gives means and standardized differences by hand', () => {
    const t: BranchInfo[] = [
      { name: 'A', region: 'east', customers: 100, wealthManagers: 1, remoteAgents: 1, aumCny: 10 },
      { name: 'B', region: 'west', customers: 300, wealthManagers: 3, remoteAgents: 1, aumCny: 30 },
    ];
    const c: BranchInfo[] = [
      { name: 'C', region: 'east', customers: 200, wealthManagers: 2, remoteAgents: 1, aumCny: 20 },
      { name: 'D', region: 'east', customers: 200, wealthManagers: 2, remoteAgents: 1, aumCny: 20 },
    ];
    const rows = balanceTable(t, c, ['east', 'west']);
    const by = new Map(rows.map((r) => [r.key, r]));
    // customers: means 200 vs 200 → d = 0. wealth managers: 2 vs 2 → 0.
    expect(by.get('customers')).toMatchObject({
      treatment: 200,
      control: 200,
      stdDiff: 0,
      isImbalanced: false,
    });
    // AUM present on every branch → a row; variances 200 and 0 → SD √100 = 10; d = 0.
    expect(by.get('aumCny')?.stdDiff).toBe(0);
    expect(by.get('remoteAgents')?.stdDiff).toBe(0);
    // east: 0.5 vs 1 → pooled √((0.25 + 0)/2) = 0.35355; d = −0.5/0.35355 = −1.41421.
    expect(by.get('region:east')!.stdDiff).toBeCloseTo(-Math.SQRT2, 10);
    expect(by.get('region:east')!.isImbalanced).toBe(true);
    expect(by.get('region:west')!.stdDiff).toBeCloseTo(Math.SQRT2, 10);
  });

  it('standardizes mean differences by √((s_T² + s_C²)/2)', () => {
    const mk = (customers: number): BranchInfo => ({
      name: String(customers),
      region: 'x',
      customers,
      wealthManagers: 1,
      remoteAgents: 1,
    });
    // T: 100, 200 (mean 150, var 5000); C: 100, 100 (mean 100, var 0); d = 50/√2500 = 1.
    const [row] = balanceTable([mk(100), mk(200)], [mk(100), mk(100)], []);
    expect(row.stdDiff).toBeCloseTo(1, 12);
    expect(balanceTable([mk(1)], [mk(1)], []).some((r) => r.key === 'aumCny')).toBe(false);
  });
});

describe('sampleRatioMismatch', () => {
  it('χ² = Σ (o − e)²/e against the planned split; p from χ²(1)', () => {
    // 5200 vs 4800 on 50/50: e = 5000 each, χ² = 2·200²/5000 = 16, p = 6.334e-5 → flagged.
    const r = sampleRatioMismatch([5200, 4800], [0.5, 0.5]);
    expect(r.chiSquare).toBeCloseTo(16, 12);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(6.334248e-5, 9);
    expect(r.isMismatch).toBe(true);
    // 5100 vs 4900: χ² = 4, p = 0.0455 → not flagged at 0.001.
    const ok = sampleRatioMismatch([5100, 4900], [0.5, 0.5]);
    expect(ok.chiSquare).toBeCloseTo(4, 12);
    expect(ok.pValue).toBeCloseTo(0.04550026, 7);
    expect(ok.isMismatch).toBe(false);
  });

  it('uses unequal planned shares (90/10 holdout) and normalizes them', () => {
    // 9000 vs 1000 on 0.9/0.1: exact → χ² 0, p 1. Shares 9:1 give the same.
    expect(sampleRatioMismatch([9000, 1000], [0.9, 0.1]).pValue).toBe(1);
    expect(sampleRatioMismatch([9000, 1000], [9, 1]).chiSquare).toBe(0);
    // 8800 vs 1200: χ² = 200²/9000 + 200²/1000 = 44.44 → flagged.
    const r = sampleRatioMismatch([8800, 1200], [0.9, 0.1]);
    expect(r.chiSquare).toBeCloseTo(40000 / 9000 + 40, 10);
    expect(r.expected).toEqual([9000, 1000]);
    expect(r.isMismatch).toBe(true);
  });

  it('rejects bad inputs', () => {
    expect(() => sampleRatioMismatch([1], [1])).toThrow(PlannerInputError);
    expect(thrownWords(() => sampleRatioMismatch([1, 2], [0.5, 0]))).toMatch(/plannedShares\[1\]/);
    expect(thrownWords(() => sampleRatioMismatch([-1, 2], [0.5, 0.5]))).toMatch(/observed\[0\]/);
    expect(thrownWords(() => sampleRatioMismatch([0, 0], [0.5, 0.5]))).toMatch(/counts nobody/);
  });
});
