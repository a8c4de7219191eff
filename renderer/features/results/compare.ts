// Differences between variants run on common random numbers (same seed, same replications).
import {
  type CsvCell,
  pairedDifference,
  type RunSummary,
  type StrategySummary,
  toCsv,
} from '../../../sim/index';
import { KPI_NAMES, KPIS, type KpiDef, type KpiName } from './kpis';

/** A row of the Compare table: the headline KPIs, then what the channel mix costs. */
export type CompareRowName = KpiName | 'cost' | 'cost-per-buyer' | 'staff-hours';
export type CompareRow = Omit<KpiDef, 'name'> & { name: CompareRowName };

const noBand = (mean: number) => ({ mean, p05: Number.NaN, p95: Number.NaN });
const signed = (format: (v: number) => string) => (v: number) => (v > 0 ? '+' : '') + format(v);

/**
 * Cost rows. Total cost and staff hours are paired over replications like the KPIs; cost per
 * incremental buyer is a ratio of means (per-replication ratios would make it a mean of ratios), so
 * its difference is a difference of those ratios, without an interval.
 */
export const COST_ROWS: CompareRow[] = [
  {
    name: 'cost',
    value: (s) => s.cost.totalCny,
    samples: (s) => s.samples.costCny,
    format: (f) => (v) => f.cny(v),
    formatDiff: (f) => f.cnySigned,
  },
  {
    name: 'cost-per-buyer',
    // Mean total cost ÷ mean modelled incremental buyers.
    value: (s) => noBand(s.modelled.costPerIncrementalBuyerCny),
    format: (f) => (v) => f.cny(v),
    formatDiff: (f) => f.cnySigned,
  },
  {
    name: 'staff-hours',
    value: (s) => s.cost.staffHours,
    samples: (s) => s.samples.staffHours,
    format: (f) => f.count,
    formatDiff: (f) => signed(f.count),
  },
];

export const COMPARE_ROWS: CompareRow[] = [...KPI_NAMES.map((n) => KPIS[n]), ...COST_ROWS];

export type KpiDifference = {
  mean: number;
  /** 90% interval of the paired difference; NaN when the KPI keeps no per-replication samples. */
  p05: number;
  p95: number;
  /** Share of replications where the variant beat the base; NaN without samples. */
  pPositive: number;
};

/**
 * `other − base` for one KPI: paired over replications when both runs share seed and sampling and
 * keep samples; otherwise the difference of means without an interval.
 */
export function kpiDifference(
  def: Pick<KpiDef, 'value' | 'samples'>,
  base: StrategySummary,
  other: StrategySummary,
  isPaired = true,
): KpiDifference {
  const meanDiff = def.value(other).mean - def.value(base).mean;
  const paired = isPaired && def.samples ? pairedDifference(def.samples(base), def.samples(other)) : null;
  if (!paired) return { mean: meanDiff, p05: Number.NaN, p95: Number.NaN, pPositive: Number.NaN };
  return { mean: paired.mean, p05: paired.p05, p95: paired.p95, pPositive: paired.pPositive };
}

/** The strategy of `summary` to compare with `id`: same id, else the same position, else none. */
export function matchStrategy(
  strategies: StrategySummary[],
  id: string,
  index: number,
): StrategySummary | undefined {
  return strategies.find((s) => s.id === id) ?? strategies[index];
}

/** Common random numbers hold only when the runs share the master seed and the sampling scheme. */
export function isPairable(a: RunSummary, b: RunSummary): boolean {
  return a.seed === b.seed && a.sampling === b.sampling;
}

export type CompareCsvColumn = { name: string; strategy: StrategySummary | undefined; isPaired: boolean };

/**
 * The Compare table as CSV: one line per figure and variant, with the variant's mean and 90% band
 * and, from the second variant on, the difference to the first (paired when possible).
 */
export function compareToCsv(strategyId: string, columns: readonly CompareCsvColumn[]): string {
  const header = [
    'strategy',
    'metric',
    'variant',
    'is_base',
    'mean',
    'p05_of_replications',
    'p95_of_replications',
    'diff_vs_base_mean',
    'diff_vs_base_p05',
    'diff_vs_base_p95',
    'share_of_replications_better_than_base',
  ];
  const base = columns[0]?.strategy;
  const rows: CsvCell[][] = [];
  for (const def of COMPARE_ROWS) {
    columns.forEach((c, i) => {
      if (!c.strategy) return;
      const v = def.value(c.strategy);
      const d = i > 0 && base ? kpiDifference(def, base, c.strategy, c.isPaired) : null;
      rows.push([
        strategyId,
        def.name,
        c.name,
        i === 0,
        v.mean,
        v.p05,
        v.p95,
        d?.mean,
        d?.p05,
        d?.p95,
        d?.pPositive,
      ]);
    });
  }
  return toCsv([header, ...rows], { hasBom: true });
}
