// Runtime: Node (CLI). `npm run sim -- sensitivity <scenario.json> --output <name> …`: the tornado —
// each assumption of the ledger at its low and high, on common random numbers, with the Monte
// Carlo SE of each swing. Exit codes: 0 ok, 1 invalid scenario or assumption, 2 usage error, 130
// cancelled.
import { availableParallelism } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT, sensitivityErrorText } from '../../messages/index';
import { defaultSettings } from '../api';
import { textIn } from '../scenario/local-text';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from '../sensitivity/errors';
import { SENSITIVITY_OUTPUTS, type SensitivityOutput } from '../sensitivity/outputs';
import { runSobol, type SobolRun, type SobolTable, sobolTable } from '../sensitivity/sobol-run';
import {
  defaultSweepRange,
  runSweep,
  type SweepAxis,
  type SweepCell,
  type SweepRun,
  sweepTable,
  sweepValues,
} from '../sensitivity/sweep';
import {
  runTornado,
  type SensitivityProgress,
  type TornadoRun,
  type TornadoTable,
  tornadoTable,
} from '../sensitivity/tornado';
import { decimal, flag, oneOf, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { fmt, table } from './cli-table';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

/** Replications per point unless --replications says otherwise (or the scenario asks for fewer). */
export const DEFAULT_SENSITIVITY_REPLICATIONS = 200;

/** Base rows of Saltelli's design unless --base-rows says otherwise. */
export const DEFAULT_SOBOL_BASE_ROWS = 16;

export const SENSITIVITY_USAGE = `  npm run sim -- sensitivity <scenario.json> --output ${SENSITIVITY_OUTPUTS.join('|')}
                       [--method tornado|sobol|sweep] [--base-rows N] [--strategy ID] [--params PATH,PATH…]
                       [--x PATH[=FROM:TO:STEPS] [--y PATH[=FROM:TO:STEPS]]]   (sweep: one or two parameters)
                       [--replications N] [--seed S] [--workers W] [--out FILE [--force]] [--json] [--max-size MB]
                       (tornado, Sobol indices over N(k + 2) points, or a sweep; see docs/model.md)`;

/** Points per swept parameter unless its flag gives STEPS. */
export const DEFAULT_SWEEP_STEPS = 5;

/** `PATH` or `PATH=FROM:TO:STEPS` of --x / --y as an axis (the default range: the ledger's, else ±20%). */
export function sweepAxis(flagName: string, value: string, scenario: Scenario): SweepAxis {
  const m = /^([^=]+?)(?:=(-?[\d.eE+-]+):(-?[\d.eE+-]+)(?::(\d+))?)?$/.exec(value.trim());
  if (!m) throw new UsageError(`${flagName}: ${JSON.stringify(value)} is not PATH or PATH=FROM:TO:STEPS`);
  const param = m[1];
  const range =
    m[2] === undefined ? defaultSweepRange(scenario, param) : { from: Number(m[2]), to: Number(m[3]) };
  if (!(Number.isFinite(range.from) && Number.isFinite(range.to) && range.from < range.to))
    throw new UsageError(`${flagName}: ${JSON.stringify(value)}: expected FROM < TO`);
  const steps = m[4] === undefined ? DEFAULT_SWEEP_STEPS : Number(m[4]);
  if (steps < 2 || steps > 101) throw new UsageError(`${flagName}: ${steps} steps; expected 2 to 101`);
  return { param, values: sweepValues(range.from, range.to, steps) };
}

function sweepText(
  run: SweepRun,
  cells: SweepCell[],
  output: SensitivityOutput,
  scenarioName: string,
): string {
  const header = [...run.axes.map((a) => a.param), output, '± SE', 'change from first', '± SE'];
  const rows = cells.map((c) => [
    ...c.values.map(String),
    fmt(c.estimate),
    fmt(c.se),
    fmt(c.change),
    fmt(c.changeSe),
  ]);
  return [
    `${scenarioName}: sweep of ${run.axes.map((a) => a.param).join(' × ')}, ${cells.length} points × ${run.settings.replications} replications on common random numbers`,
    '',
    table(header, rows),
    '',
  ].join('\n');
}

/** The document `--json` prints and `--out` writes for --method sobol. */
export function sobolJson(run: SobolRun, output: SensitivityOutput, strategy: string | null): string {
  const table = (t: SobolTable) => ({ variance: t.variance, noiseShare: t.noiseShare, rows: t.rows });
  const doc = {
    kind: 'sandtable.sensitivity',
    method: 'sobol',
    estimator: 'Saltelli 2010 (first order), Jansen 1999 (total); 500 bootstrap resamples',
    output,
    strategy,
    seed: run.settings.seed,
    baseRows: run.design.n,
    points: run.figures.length,
    replicationsPerPoint: run.settings.replications,
    ...table(sobolTable(run, output, strategy)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function sobolText(t: SobolTable, scenarioName: string, run: SobolRun): string {
  const header = ['parameter', 'first order', '90% interval', 'total', '90% interval'];
  const ix = (x: { value: number }) => x.value.toFixed(3);
  const iv = (x: { p05: number; p95: number }) => `${x.p05.toFixed(3)} – ${x.p95.toFixed(3)}`;
  const rows = t.rows.map((r) => [r.parameter, ix(r.first), iv(r.first), ix(r.total), iv(r.total)]);
  return [
    `${scenarioName}: Sobol indices of ${t.output}${t.strategy ? ` (strategy ${t.strategy})` : ' (all strategies)'}, ${run.design.n} base rows × ${run.design.k + 2} = ${run.figures.length} points, ${run.settings.replications} replications each`,
    `variance across points ${fmt(t.variance)}; replication noise is ${(100 * t.noiseShare).toFixed(1)}% of it${t.noiseShare > 0.2 ? ' — too noisy to trust: raise --replications' : ''}`,
    '',
    table(header, rows),
    '',
  ].join('\n');
}

/** The document `--json` prints and `--out` writes. */
export function sensitivityJson(run: TornadoRun, output: SensitivityOutput, strategy: string | null): string {
  const table = (t: TornadoTable) => ({ base: t.base, rows: t.rows });
  const doc = {
    kind: 'sandtable.sensitivity',
    method: 'tornado',
    output,
    strategy,
    seed: run.settings.seed,
    replicationsPerPoint: run.settings.replications,
    ...table(tornadoTable(run.ledger, run.points, run.figures, output, strategy)),
    byStrategy: run.figures[0].strategies.map((id) => ({
      strategy: id,
      ...table(tornadoTable(run.ledger, run.points, run.figures, output, id)),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function sensitivityText(t: TornadoTable, scenarioName: string, n: number): string {
  const header = ['parameter', 'low', 'high', 'output at low', 'output at high', 'swing', '± SE'];
  const rows = t.rows.map((r) => [
    r.parameter,
    fmt(r.low),
    fmt(r.high),
    fmt(r.outputLow),
    fmt(r.outputHigh),
    fmt(r.swing),
    fmt(r.se),
  ]);
  const base = t.base ? `${fmt(t.base.value)} ± ${fmt(t.base.se)}` : 'n/a';
  return [
    `${scenarioName}: tornado of ${t.output}${t.strategy ? ` (strategy ${t.strategy})` : ' (all strategies)'}, ${n} replications per point on common random numbers`,
    `base: ${base} (± Monte Carlo SE); swing = |output at high − output at low|, sorted`,
    '',
    table(header, rows),
    '',
  ].join('\n');
}

/** `sensitivity …`: returns the exit code. */
export async function cmdSensitivity(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    output: oneOf(SENSITIVITY_OUTPUTS),
    method: oneOf(['tornado', 'sobol', 'sweep']),
    x: text(),
    y: text(),
    'base-rows': wholeNumber(2, 100_000),
    strategy: text(),
    params: text(),
    replications: wholeNumber(2, 1_000_000),
    seed: text(),
    workers: wholeNumber(0, 64),
    out: text(),
    force: flag(),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('sensitivity needs exactly one scenario file');
  if (flags.output === undefined)
    throw new UsageError(`sensitivity needs --output (one of ${SENSITIVITY_OUTPUTS.join(', ')})`);
  const method = flags.method ?? 'tornado';
  if (flags['base-rows'] !== undefined && method !== 'sobol')
    throw new UsageError('--base-rows is for --method sobol (the rows of its design)');
  if ((flags.x !== undefined || flags.y !== undefined) !== (method === 'sweep'))
    throw new UsageError(
      method === 'sweep'
        ? '--method sweep needs --x PATH (and optionally --y PATH)'
        : '--x and --y are for --method sweep',
    );
  if (flags.y !== undefined && flags.x === undefined) throw new UsageError('--y needs --x');
  const output = flags.output;
  if (flags.out !== undefined) await checkOutputPath(flags.out, positional, flags.force === true);
  const loaded = await readScenarioFile(positional[0], maxBytesFrom(flags['max-size']));
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return 1;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  const scenario = loaded.scenario;
  const strategy = flags.strategy ?? null;
  const en = catalogueT('en');
  if (strategy !== null && !scenario.strategies.some((s) => s.id === strategy)) {
    const known = scenario.strategies.map((s) => s.id);
    const e = new SensitivityError('unknown-strategy', { strategy, known });
    io.err(`error: --strategy: ${sensitivityErrorText(e, en)}\n`);
    return 1;
  }
  const settings = defaultSettings(scenario);
  if (flags.seed !== undefined) settings.seed = flags.seed;
  settings.replications =
    flags.replications ?? Math.max(2, Math.min(settings.replications, DEFAULT_SENSITIVITY_REPLICATIONS));
  const params = flags.params
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  let bar: ProgressBar | null = null;
  const common = {
    params,
    signal,
    onProgress: (p: SensitivityProgress) => {
      bar ??= new ProgressBar(p.total, io.err);
      bar.update(p.done);
    },
  };
  const name = textIn(scenario.meta.name, 'en');
  let body: string;
  let summary: string;
  try {
    if (method === 'sweep') {
      const axes = [sweepAxis('--x', flags.x ?? '', scenario)];
      if (flags.y !== undefined) axes.push(sweepAxis('--y', flags.y, scenario));
      const run = await runSweep(pool, scenario, settings, axes, common);
      const cells = sweepTable(run, output, strategy);
      const doc = {
        kind: 'sandtable.sensitivity',
        method: 'sweep',
        output,
        strategy,
        seed: settings.seed,
        replicationsPerPoint: settings.replications,
        axes: run.axes,
        cells,
      };
      body = `${JSON.stringify(doc, null, 2)}\n`;
      summary = sweepText(run, cells, output, name);
    } else if (method === 'sobol') {
      const run = await runSobol(pool, scenario, settings, {
        ...common,
        baseRows: flags['base-rows'] ?? DEFAULT_SOBOL_BASE_ROWS,
      });
      body = sobolJson(run, output, strategy);
      summary = sobolText(sobolTable(run, output, strategy), name, run);
    } else {
      const run = await runTornado(pool, scenario, settings, common);
      body = sensitivityJson(run, output, strategy);
      summary = sensitivityText(
        tornadoTable(run.ledger, run.points, run.figures, output, strategy),
        name,
        settings.replications,
      );
    }
  } catch (e) {
    if (e instanceof SensitivityError) {
      io.err(`error: ${positional[0]}: ${sensitivityErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  (bar as ProgressBar | null)?.finish();
  io.out(flags.json ? body : summary);
  if (flags.out !== undefined) {
    await atomicWrite(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}
