// Differences between variants run on common random numbers (same seed, same replications).
import { pairedDifference, type RunSummary, type StrategySummary } from '../../../sim/index';
import type { KpiDef } from './kpis';

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
  def: KpiDef,
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
