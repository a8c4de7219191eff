// Sobol indices of the simulation over the assumption ledger: each input is one ledger row, a
// uniform u of Saltelli's design maps to its prior's quantile (a marked assumption: uniformly over
// its low–high range), and the model at a design point is the output's mean over R replications
// with every parameter fixed there — all points on the same seed (common random numbers), so the
// differences the estimators use are not inflated by independent noise.
import { priorQuantile } from '../engine/params';
import type { AbortSignalLike, Executor } from '../executor';
import type { RunSettings } from '../run-settings';
import { isProbabilityParam } from '../scenario/cross-check';
import type { Scenario } from '../scenario/schema';
import { statOf } from '../stats/summary';
import { SensitivityError } from './errors';
import { assumptionLedger, type LedgerRow } from './ledger';
import {
  estimateOf,
  estimateSe,
  outputSamples,
  type ReplicationFigures,
  replicationFigures,
  type SensitivityOutput,
} from './outputs';
import { pointScenario } from './points';
import { designPoints, type SaltelliDesign, type SobolIndex, saltelliDesign, sobolIndices } from './sobol';
import type { SensitivityProgress } from './tornado';

/** A ledger row's value at design uniform u: its prior's quantile, else uniform over low–high; kept in the field's range. */
export function inputValue(row: LedgerRow, u: number): number {
  let v =
    row.prior && row.basis === 'prior' ? priorQuantile(row.prior, u) : row.low + u * (row.high - row.low);
  if (isProbabilityParam(row.param)) v = Math.min(1, Math.max(0, v));
  else if (row.value >= 0) v = Math.max(0, v);
  return v;
}

export type SobolRunOptions = {
  /** Base rows N of the design (N(k + 2) points). */
  baseRows: number;
  params?: readonly string[];
  onProgress?: (p: SensitivityProgress) => void;
  onStart?: (ledger: LedgerRow[], design: SaltelliDesign) => void;
  onPoint?: (k: number, figures: ReplicationFigures) => void;
  signal?: AbortSignalLike;
};

export type SobolRun = {
  ledger: LedgerRow[];
  design: SaltelliDesign;
  figures: ReplicationFigures[];
  settings: RunSettings;
};

/** Run every point of the design (design seeded by the run's seed). */
export async function runSobol(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  opts: SobolRunOptions,
): Promise<SobolRun> {
  const all = assumptionLedger(scenario);
  for (const p of opts.params ?? [])
    if (!all.some((r) => r.param === p)) throw new SensitivityError('not-a-parameter', { param: p });
  const ledger = opts.params ? all.filter((r) => opts.params?.includes(r.param)) : all;
  if (ledger.length === 0) throw new SensitivityError('no-assumptions');
  const design = saltelliDesign(ledger.length, opts.baseRows, settings.seed);
  const points = designPoints(design);
  const scenarios = points.map((u) =>
    pointScenario(
      scenario,
      ledger.map((r, i) => ({ param: r.param, value: inputValue(r, u[i]) })),
    ),
  );
  const total = points.length * settings.replications;
  opts.onStart?.(ledger, design);
  const figures: ReplicationFigures[] = [];
  for (let k = 0; k < points.length; k++) {
    const before = k * settings.replications;
    const blocks = await executor.run(scenarios[k], settings, {
      signal: opts.signal,
      onProgress: (d) => opts.onProgress?.({ done: before + d, total }),
    });
    figures.push(replicationFigures(scenarios[k], blocks));
    opts.onPoint?.(k, figures[k]);
  }
  return { ledger, design, figures, settings };
}

export type SobolRow = { parameter: string; first: SobolIndex; total: SobolIndex };

export type SobolTable = {
  output: SensitivityOutput;
  strategy: string | null;
  /** Variance of the output across the design's A and B points. */
  variance: number;
  /**
   * Mean Monte Carlo variance of one point's estimate ÷ the variance across points: the share of
   * the spread that is replication noise, not the inputs (indices are trustworthy when it is small).
   */
  noiseShare: number;
  /** Sorted by total index, largest first. */
  rows: SobolRow[];
};

/** The indices of one output from a finished run (bootstrap seeded by the run's seed). */
export function sobolTable(
  run: SobolRun,
  output: SensitivityOutput,
  strategy: string | null,
  resamples = 500,
): SobolTable {
  const samples = run.figures.map((f) => outputSamples(f, output, strategy));
  const f = samples.map(estimateOf);
  const r = sobolIndices(run.design, f, run.settings.seed, resamples);
  const noise = statOf(samples.map((s) => estimateSe(s) ** 2)).mean;
  const rows = run.ledger.map((l, i) => ({ parameter: l.param, first: r.first[i], total: r.total[i] }));
  rows.sort((a, b) => b.total.value - a.total.value || a.parameter.localeCompare(b.parameter));
  return { output, strategy, variance: r.variance, noiseShare: noise / r.variance, rows };
}
