import { describe, expect, it } from 'vitest';
import { COMPARE_ROWS, compareToCsv, isPairable, kpiDifference, matchStrategy } from './compare';
import { compareVariantsFixture } from './fixtures';
import { KPIS } from './kpis';

describe('kpiDifference', () => {
  const [a, b, c] = compareVariantsFixture([0, 0.5, -0.3]).map((v) => v.summary.strategies[0]);

  it('pairs samples: a pure shift gives a collapsed interval at the shift', () => {
    const d = kpiDifference(KPIS['conversion-uplift'], a, b);
    expect(d.mean).toBeCloseTo(0.5, 9);
    expect(d.p05).toBeCloseTo(0.5, 9);
    expect(d.p95).toBeCloseTo(0.5, 9);
    expect(d.pPositive).toBe(1);
    expect(kpiDifference(KPIS['conversion-uplift'], a, c).pPositive).toBe(0);
  });

  it('gives the interval of the difference, far narrower than either variant interval', () => {
    const noisy = structuredClone(b);
    noisy.samples.roi = noisy.samples.roi.map((v, i) => v + (i % 2 === 0 ? 0.05 : -0.05));
    const d = kpiDifference(KPIS.roi, a, noisy);
    expect(d.mean).toBeCloseTo(0.25, 9);
    expect(d.p05).toBeCloseTo(0.2, 9);
    expect(d.p95).toBeCloseTo(0.3, 9);
    expect(a.roi.p95 - a.roi.p05).toBeGreaterThan(1);
  });

  it('pairs total cost and staff hours over replications; cost per buyer (a ratio of means) has no interval', () => {
    const row = (name: string) => COMPARE_ROWS.find((r) => r.name === name)!;
    const dearer = structuredClone(b);
    // Dearer by 500 in every replication but one, where it is dearer by 5,000: the paired interval
    // sits at +500 (one replication of 1,000 is beyond its 95th percentile), the mean above it.
    dearer.samples.costCny = a.samples.costCny.map((v, i) => v + (i === 0 ? 5000 : 500));
    const cost = kpiDifference(row('cost'), a, dearer);
    expect(cost.p05).toBeCloseTo(500, 6);
    expect(cost.p95).toBeCloseTo(500, 6);
    expect(cost.mean).toBeCloseTo(500 + 4500 / a.samples.costCny.length, 6);
    expect(cost.pPositive).toBe(1);
    const hours = kpiDifference(row('staff-hours'), a, dearer);
    expect(hours.p05).toBeCloseTo(0, 9);
    expect(hours.p95).toBeCloseTo(0, 9);
    expect(kpiDifference(row('cost-per-buyer'), a, dearer).p05).toBeNaN();
  });

  it('does not pair runs with different seeds', () => {
    const d = kpiDifference(KPIS['conversion-uplift'], a, b, false);
    expect(d.mean).toBeCloseTo(0.5, 9);
    expect(d.p05).toBeNaN();
  });

  it('falls back to the mean difference without samples', () => {
    const d = kpiDifference(KPIS['new-money-total'], a, b);
    expect(d.mean).toBe(0);
    expect(d.p05).toBeNaN();
    expect(d.pPositive).toBeNaN();
  });

  it('falls back to the mean difference when a run kept no samples', () => {
    const empty = structuredClone(b);
    empty.samples.conversionUpliftPp = new Float64Array(0);
    const d = kpiDifference(KPIS['conversion-uplift'], a, empty);
    expect(d.mean).toBeCloseTo(0.5, 9);
    expect(d.p05).toBeNaN();
  });
});

describe('matchStrategy', () => {
  const strategies = compareVariantsFixture([0])[0].summary.strategies;
  it('matches by id, then by position', () => {
    expect(matchStrategy(strategies, 'payroll-push', 0)?.id).toBe('payroll-push');
    expect(matchStrategy(strategies, 'renamed', 1)?.id).toBe('payroll-push');
    expect(matchStrategy(strategies, 'renamed', 5)).toBeUndefined();
  });
});

describe('isPairable', () => {
  it('needs the same seed and sampling', () => {
    const [a, b] = compareVariantsFixture([0, 1]).map((v) => v.summary);
    expect(isPairable(a, b)).toBe(true);
    expect(isPairable(a, { ...b, seed: 'other' })).toBe(false);
    expect(isPairable(a, { ...b, sampling: 'plain' })).toBe(false);
  });
});

describe('compareToCsv', () => {
  it('writes every figure, cost rows included, per variant with the difference to the base', () => {
    const [a, b] = compareVariantsFixture([0, 0.5]).map((v) => v.summary.strategies[0]);
    const cheaper = structuredClone(b);
    cheaper.cost.totalCny = { ...cheaper.cost.totalCny, mean: a.cost.totalCny.mean - 1000 };
    cheaper.samples.costCny = a.samples.costCny.map((v) => v - 1000);
    const csv = compareToCsv('s1', [
      { name: 'A', strategy: a, isPaired: true },
      { name: 'B, cheaper', strategy: cheaper, isPaired: true },
    ]);
    expect(csv.startsWith('\uFEFFstrategy,metric,variant,is_base,mean,')).toBe(true);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // One line per figure and variant: the KPIs and the three cost rows, for two variants.
    expect(lines).toHaveLength(1 + 2 * COMPARE_ROWS.length);
    expect(COMPARE_ROWS.map((r) => r.name)).toEqual(
      expect.arrayContaining(['cost', 'cost-per-buyer', 'staff-hours', 'roi']),
    );
    const cost = lines.find((l) => l.startsWith('s1,cost,"B, cheaper",false,'))!.split(',');
    // …,mean,p05,p95,diff_mean,diff_p05,diff_p95,…: the base is 1,000 dearer in every replication.
    expect(Number(cost.at(-4))).toBeCloseTo(-1000, 6);
    expect(Number(cost.at(-3))).toBeCloseTo(-1000, 6);
    expect(Number(cost.at(-2))).toBeCloseTo(-1000, 6);
    const uplift = lines.find((l) => l.startsWith('s1,conversion-uplift,"B, cheaper",false,'))!.split(',');
    expect(Number(uplift.at(-4))).toBeCloseTo(0.5, 9);
    expect(Number(uplift.at(-1))).toBe(1);
    // The base has no difference to itself.
    expect(lines.find((l) => l.startsWith('s1,cost,A,true,'))!.endsWith(',,,,')).toBe(true);
  });
});
