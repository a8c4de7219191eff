import { describe, expect, it } from 'vitest';
import example from '../../scenarios/omnichannel-referral-pilot.json';
import { mustLoad } from '../engine/test-scenarios';
import { argsort, buildPopulation } from './build';
import { summarizePopulation } from './summary';

describe('population synthesis at 100k customers', () => {
  const scenario = mustLoad(example);
  const pop = buildPopulation(scenario, 'population-test');
  const summary = summarizePopulation(scenario, pop);

  it('meets the AUM concentration target: the top 2% hold 80% ± 3 pp', () => {
    expect(summary.topShareAum.topShare).toBe(0.02);
    expect(Math.abs(summary.topShareAum.aumShare - 0.8)).toBeLessThan(0.03);
  });

  it('meets the long-tail share (80% below 50,000 CNY) within 1 pp', () => {
    expect(Math.abs(summary.longTail.share - 0.8)).toBeLessThan(0.01);
  });

  it('tier mix and KYC grid count every customer once, the grid has 7 × 4 × 4 = 112 cells', () => {
    expect(summary.tiers.reduce((a, t) => a + t.customers, 0)).toBe(100_000);
    expect(summary.tiers[0].share).toBeCloseTo(0.8, 2);
    const cells = summary.grid.counts.flat(2);
    expect(cells).toHaveLength(112);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(100_000);
    // Life-stage shares are drawn from the declared shares (binomial SE at 100k ≈ 0.0015).
    const young = summary.grid.counts.reduce((a, w) => a + w[0].reduce((x, y) => x + y, 0), 0) / 100_000;
    expect(Math.abs(young - 0.25)).toBeLessThan(0.006);
  });

  it('branches: every customer in a branch, at least one wealth manager each, sizes unequal (CV ≈ 0.6)', () => {
    expect(summary.branches.reduce((a, b) => a + b.customers, 0)).toBe(100_000);
    expect(summary.branches.every((b) => b.wealthManagers >= 1 && b.remoteAgents >= 1)).toBe(true);
    const sizes = summary.branches.map((b) => b.customers);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const cv = Math.sqrt(sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (sizes.length - 1)) / mean;
    // 40 lognormal draws with CV 0.6: the sample CV lies well within 0.3–1.0.
    expect(cv).toBeGreaterThan(0.3);
    expect(cv).toBeLessThan(1.0);
  });

  it('is deterministic in the seed and differs across seeds', () => {
    const again = buildPopulation(scenario, 'population-test');
    expect(Buffer.from(again.aum.buffer).equals(Buffer.from(pop.aum.buffer))).toBe(true);
    const other = buildPopulation(scenario, 'other');
    expect(Buffer.from(other.branch.buffer).equals(Buffer.from(pop.branch.buffer))).toBe(false);
  });

  it('Lorenz curve rises from (0,0) to (1,1) and is convex', () => {
    const l = summary.lorenz;
    expect(l[0]).toEqual({ customerShare: 0, aumShare: 0 });
    expect(l[l.length - 1].aumShare).toBeCloseTo(1, 12);
    for (let k = 1; k < l.length; k++) expect(l[k].aumShare).toBeGreaterThanOrEqual(l[k - 1].aumShare);
    expect(l.find((p) => p.customerShare === 0.98)?.aumShare).toBeCloseTo(
      1 - summary.topShareAum.aumShare,
      2,
    );
  });
});

describe('argsort', () => {
  it('orders indices by value, ties by index', () => {
    expect([...argsort(Float64Array.from([3, 1, 2, 1]))]).toEqual([1, 3, 2, 0]);
  });
});
