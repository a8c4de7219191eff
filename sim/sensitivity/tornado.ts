// One-at-a-time sensitivity (the tornado): each ledger parameter at its low and at its high, the
// others as in the scenario (priors still drawn), every point on the base run's random numbers.
// The swing is |output(high) − output(low)|; its Monte Carlo SE comes from the paired
// per-replication differences, so it measures the noise left in the swing itself.
import type { AbortSignalLike, Executor } from '../executor';
import type { RunSettings } from '../run-settings';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from './errors';
import { assumptionLedger, type LedgerRow } from './ledger';
import {
  estimateOf,
  estimateSe,
  outputSamples,
  pairedChange,
  type ReplicationFigures,
  replicationFigures,
  type SensitivityOutput,
} from './outputs';
import { pointScenario } from './points';

/** A run of the tornado: the base (nothing fixed), or one parameter at its low or high. */
export type TornadoPoint = { param: string | null; side: 'base' | 'low' | 'high'; value: number | null };

/** One bar, with the keys the CLI's JSON promises. */
export type TornadoRow = {
  parameter: string;
  kind: LedgerRow['kind'];
  low: number;
  high: number;
  basis: LedgerRow['basis'];
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow|, in the output's unit. */
  swing: number;
  /** Monte Carlo SE of the swing (paired over replications on common random numbers). */
  se: number;
};

export type TornadoTable = {
  output: SensitivityOutput;
  strategy: string | null;
  base: { value: number; se: number } | null;
  /** Sorted by swing, largest first; parameters whose two points are not both done are left out. */
  rows: TornadoRow[];
};

/** The base point, then low and high of each ledger row, in ledger order. */
export function tornadoPoints(rows: readonly LedgerRow[]): TornadoPoint[] {
  const out: TornadoPoint[] = [{ param: null, side: 'base', value: null }];
  for (const r of rows) {
    out.push({ param: r.param, side: 'low', value: r.low });
    out.push({ param: r.param, side: 'high', value: r.high });
  }
  return out;
}

/** The scenarios of the points, checked before anything runs (a bad low or high names itself). */
export function tornadoScenarios(base: Scenario, points: readonly TornadoPoint[]): Scenario[] {
  return points.map((p) =>
    p.param === null || p.value === null ? base : pointScenario(base, [{ param: p.param, value: p.value }]),
  );
}

/** The tornado from the points run so far (figures[k] for points[k]; undefined while not run). */
export function tornadoTable(
  ledger: readonly LedgerRow[],
  points: readonly TornadoPoint[],
  figures: ReadonlyArray<ReplicationFigures | undefined>,
  output: SensitivityOutput,
  strategy: string | null,
): TornadoTable {
  const at = (param: string | null, side: TornadoPoint['side']) =>
    figures[points.findIndex((p) => p.param === param && p.side === side)];
  const baseFig = at(null, 'base');
  const baseSamples = baseFig ? outputSamples(baseFig, output, strategy) : null;
  const rows: TornadoRow[] = [];
  for (const r of ledger) {
    const lo = at(r.param, 'low');
    const hi = at(r.param, 'high');
    if (!lo || !hi) continue;
    const a = outputSamples(lo, output, strategy);
    const b = outputSamples(hi, output, strategy);
    const change = pairedChange(a, b);
    rows.push({
      parameter: r.param,
      kind: r.kind,
      low: r.low,
      high: r.high,
      basis: r.basis,
      outputLow: estimateOf(a),
      outputHigh: estimateOf(b),
      swing: Math.abs(change.diff),
      se: change.se,
    });
  }
  rows.sort((x, y) => y.swing - x.swing || x.parameter.localeCompare(y.parameter));
  return {
    output,
    strategy,
    base: baseSamples ? { value: estimateOf(baseSamples), se: estimateSe(baseSamples) } : null,
    rows,
  };
}

export type SensitivityProgress = { done: number; total: number };

export type TornadoRunOptions = {
  /** Only these ledger parameters (default all). */
  params?: readonly string[];
  onProgress?: (p: SensitivityProgress) => void;
  /** The ledger rows and points about to run (after every point was checked). */
  onStart?: (ledger: LedgerRow[], points: TornadoPoint[]) => void;
  /** Each point as it finishes (index into points), for partial tables. */
  onPoint?: (k: number, figures: ReplicationFigures) => void;
  signal?: AbortSignalLike;
};

export type TornadoRun = {
  ledger: LedgerRow[];
  points: TornadoPoint[];
  figures: ReplicationFigures[];
  settings: RunSettings;
};

/**
 * Run the tornado on an executor (worker pool, queue): every point with the same seed and
 * replications, one after another (each point's blocks spread over all workers). Rejects with
 * RunCancelled on abort, SensitivityError before any run when a point is invalid.
 */
export async function runTornado(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  opts: TornadoRunOptions = {},
): Promise<TornadoRun> {
  const all = assumptionLedger(scenario);
  const ledger = opts.params ? all.filter((r) => opts.params?.includes(r.param)) : all;
  for (const p of opts.params ?? [])
    if (!all.some((r) => r.param === p)) throw new SensitivityError('not-a-parameter', { param: p });
  if (ledger.length === 0) throw new SensitivityError('no-assumptions');
  const points = tornadoPoints(ledger);
  const scenarios = tornadoScenarios(scenario, points);
  const total = points.length * settings.replications;
  opts.onStart?.(ledger, points);
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
  return { ledger, points, figures, settings };
}
