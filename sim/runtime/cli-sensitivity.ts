// Runtime: Node (CLI). `npm run sim -- sensitivity <scenario.json> --output <name> …`: the tornado —
// each assumption of the ledger at its low and high, on common random numbers, with the Monte
// Carlo SE of each swing. Exit codes: 0 ok, 1 invalid scenario or assumption, 2 usage error, 130
// cancelled.
import { availableParallelism } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT, sensitivityErrorText } from '../../messages/index';
import { defaultSettings } from '../api';
import { textIn } from '../scenario/local-text';
import { SensitivityError } from '../sensitivity/errors';
import { SENSITIVITY_OUTPUTS, type SensitivityOutput } from '../sensitivity/outputs';
import { runTornado, type TornadoRun, type TornadoTable, tornadoTable } from '../sensitivity/tornado';
import { decimal, flag, oneOf, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

/** Replications per point unless --replications says otherwise (or the scenario asks for fewer). */
export const DEFAULT_SENSITIVITY_REPLICATIONS = 200;

export const SENSITIVITY_USAGE = `  npm run sim -- sensitivity <scenario.json> --output ${SENSITIVITY_OUTPUTS.join('|')}
                       [--strategy ID] [--params PATH,PATH…] [--replications N] [--seed S] [--workers W]
                       [--out FILE [--force]] [--json] [--max-size MB]   (tornado; see docs/model.md)`;

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

const fmt = (x: number) =>
  !Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : x.toPrecision(4);

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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  const base = t.base ? `${fmt(t.base.value)} ± ${fmt(t.base.se)}` : 'n/a';
  return [
    `${scenarioName}: tornado of ${t.output}${t.strategy ? ` (strategy ${t.strategy})` : ' (all strategies)'}, ${n} replications per point on common random numbers`,
    `base: ${base} (± Monte Carlo SE); swing = |output at high − output at low|, sorted`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}

/** `sensitivity …`: returns the exit code. */
export async function cmdSensitivity(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    output: oneOf(SENSITIVITY_OUTPUTS),
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
    io.err(
      `error: --strategy: ${sensitivityErrorText(new SensitivityError('unknown-strategy', { strategy, known }), en)}\n`,
    );
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
  let run: TornadoRun;
  try {
    run = await runTornado(pool, scenario, settings, {
      params,
      signal,
      onProgress: (p) => {
        bar ??= new ProgressBar(p.total, io.err);
        bar.update(p.done);
      },
    });
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
  const body = sensitivityJson(run, flags.output, strategy);
  io.out(
    flags.json
      ? body
      : sensitivityText(
          tornadoTable(run.ledger, run.points, run.figures, flags.output, strategy),
          textIn(scenario.meta.name, 'en'),
          settings.replications,
        ),
  );
  if (flags.out !== undefined) {
    await atomicWrite(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}
