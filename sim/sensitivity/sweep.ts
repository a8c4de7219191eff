// One- and two-way sweeps: a parameter (or two) over a grid of values, every point on the base
// run's seed and replication count (common random numbers), so the curve's shape is the
// parameter's doing and neighbouring points differ by far less noise than their own SEs.
import type { AbortSignalLike, Executor } from '../executor';
import type { RunSettings } from '../run-settings';
import { getParam } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from './errors';
import { assumptionLedger } from './ledger';
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
import type { SensitivityProgress } from './tornado';

/** One swept parameter and its values, in the order they are drawn. */
export type SweepAxis = { param: string; values: number[] };

/** `steps` evenly spaced values from `from` to `to` (both included; 2 ≤ steps). */
export function sweepValues(from: number, to: number, steps: number): number[] {
  if (!(from < to)) throw new SensitivityError('empty-range', { param: '', low: from, high: to });
  const n = Math.max(2, Math.round(steps));
  return Array.from({ length: n }, (_, i) => Number((from + ((to - from) * i) / (n - 1)).toPrecision(12)));
}

/** A parameter's default sweep range: its ledger range when it is in the ledger, else ±20% of its value. */
export function defaultSweepRange(s: Scenario, param: string): { from: number; to: number } {
  const row = assumptionLedger(s).find((r) => r.param === param);
  if (row) return { from: row.low, to: row.high };
  const v = getParam(s, param);
  if (typeof v !== 'number') throw new SensitivityError('not-a-parameter', { param });
  const a = v * 0.8;
  const b = v === 0 ? 1 : v * 1.2;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** The grid's points: x varies fastest; each point fixes one value per axis. */
export function sweepPoints(axes: readonly SweepAxis[]): number[][] {
  if (axes.length === 1) return axes[0].values.map((x) => [x]);
  const [x, y] = axes;
  return y.values.flatMap((vy) => x.values.map((vx) => [vx, vy]));
}

export type SweepRun = {
  axes: SweepAxis[];
  /** Per point (sweepPoints order) its figures; undefined while not run. */
  figures: ReplicationFigures[];
  settings: RunSettings;
};

export type SweepRunOptions = {
  onProgress?: (p: SensitivityProgress) => void;
  onPoint?: (k: number, figures: ReplicationFigures) => void;
  signal?: AbortSignalLike;
};

/** Run every point of a one- or two-way sweep (each checked before anything runs). */
export async function runSweep(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  axes: readonly SweepAxis[],
  opts: SweepRunOptions = {},
): Promise<SweepRun> {
  if (axes.length < 1 || axes.length > 2) throw new Error('a sweep has one or two parameters');
  const points = sweepPoints(axes);
  const scenarios = points.map((vals) =>
    pointScenario(
      scenario,
      axes.map((a, i) => ({ param: a.param, value: vals[i] })),
    ),
  );
  const total = points.length * settings.replications;
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
  return { axes: axes.map((a) => ({ ...a, values: [...a.values] })), figures, settings };
}

export type SweepCell = {
  /** The point's values, one per axis. */
  values: number[];
  estimate: number;
  /** Monte Carlo SE of the estimate. */
  se: number;
  /** Change from the grid's first point, with its paired SE (common random numbers). */
  change: number;
  changeSe: number;
};

/** The output at each point run so far (sweepPoints order; points not run are left out). */
export function sweepTable(
  run: Pick<SweepRun, 'axes'> & { figures: ReadonlyArray<ReplicationFigures | undefined> },
  output: SensitivityOutput,
  strategy: string | null,
): SweepCell[] {
  const points = sweepPoints(run.axes);
  const first = run.figures[0] ? outputSamples(run.figures[0], output, strategy) : null;
  const cells: SweepCell[] = [];
  points.forEach((values, k) => {
    const f = run.figures[k];
    if (!f || !first) return;
    const s = outputSamples(f, output, strategy);
    const c = pairedChange(first, s);
    cells.push({ values, estimate: estimateOf(s), se: estimateSe(s), change: c.diff, changeSe: c.se });
  });
  return cells;
}
