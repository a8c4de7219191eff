// Runtime: Node (CLI). `npm run sim -- <command> …`: run a scenario, validate files, size a pilot.
// Exit codes: 0 ok, 1 invalid scenario (or a file that cannot be read), 2 usage error.
// User errors print one clear message, never a stack trace; Ctrl-C stops cleanly and leaves no
// partial output file.
import { availableParallelism } from 'node:os';
import { defaultSettings, type RunSettings, simApi } from '../api';
import type { Scenario } from '../scenario';
import { parseFlags, UsageError } from './cli-args';
import { readScenarioFile, writeFileAtomic } from './cli-io';
import { cmdLibrary, LIBRARY_USAGE } from './cli-library';
import { runPowerCli } from './cli-power';
import { perReplicationCsv, summaryTable, toJson } from './cli-report';
import { RunCancelled, runReplications } from './node-pool';
import { ProgressBar } from './progress';

const USAGE = `Sandtable — Monte Carlo sand-table for retail-bank campaigns

Usage:
  npm run sim -- run <scenario.json> [--replications N] [--seed S] [--workers W] [--out FILE] [--format json|csv]
  npm run sim -- validate <file…>
  npm run sim -- power --outcome binary|mean … [--json]      (analytic pilot sizing; see docs/planner.md)
  npm run sim -- pilot <scenario.json> --branches K --weeks W [--replications R] [--workers W] [--seed S]
                       [--method stratified|random] [--level branch|customer] [--json]
${LIBRARY_USAGE}

Exit codes: 0 ok, 1 invalid scenario, 2 usage error.`;

type Io = { out: (s: string) => void; err: (s: string) => void };

async function cmdValidate(args: string[], io: Io): Promise<number> {
  const { positional } = parseFlags(args, {});
  if (positional.length === 0) throw new UsageError('validate needs at least one scenario file');
  let bad = 0;
  for (const file of positional) {
    const loaded = readScenarioFile(file);
    if (!loaded.ok) {
      bad++;
      for (const line of loaded.messages) io.err(`${line}\n`);
      continue;
    }
    for (const line of loaded.warnings) io.err(`${line}\n`);
    const nStrategies = loaded.scenario.strategies.length;
    io.out(
      `${file}: ok (${nStrategies} ${nStrategies === 1 ? 'strategy' : 'strategies'}, ${loaded.scenario.population.size.toLocaleString('en')} customers${loaded.warnings.length ? `, ${loaded.warnings.length} warning(s)` : ''})\n`,
    );
  }
  return bad > 0 ? 1 : 0;
}

function settingsFrom(scenario: Scenario, flags: Record<string, string | undefined>): RunSettings {
  const s = defaultSettings(scenario);
  if (flags.seed !== undefined) s.seed = flags.seed;
  if (flags.replications !== undefined)
    s.replications = positiveInt('--replications', flags.replications, 1_000_000);
  return s;
}

export function positiveInt(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${flag}: ${JSON.stringify(value)} is not a whole number from 1 to ${max}`);
  return n;
}

function workersFrom(flags: Record<string, string | undefined>): number {
  // The CLI's main thread only waits, so every core can run a worker.
  if (flags.workers === undefined) return Math.max(1, availableParallelism());
  const n = Number(flags.workers);
  if (!/^\d+$/.test(flags.workers) || n > 64)
    throw new UsageError(
      `--workers: ${JSON.stringify(flags.workers)} is not a whole number from 0 to 64 (0 runs without worker threads)`,
    );
  return n;
}

async function cmdRun(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseFlags(args, {
    replications: 'value',
    seed: 'value',
    workers: 'value',
    out: 'value',
    format: 'value',
  });
  if (positional.length !== 1) throw new UsageError('run needs exactly one scenario file');
  const format = flags.format ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`--format: ${JSON.stringify(format)}; expected json or csv`);
  const loaded = readScenarioFile(positional[0]);
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return 1;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  const scenario = loaded.scenario;
  const settings = settingsFrom(scenario, flags);
  const workers = workersFrom(flags);
  const bar = new ProgressBar(settings.replications, io.err);
  const started = performance.now();
  const blocks = await runReplications(scenario, settings, {
    workers,
    onProgress: (d) => bar.update(d),
    signal,
  });
  bar.finish();
  const seconds = (performance.now() - started) / 1000;
  const summary = simApi.summarize(scenario, settings, blocks);
  io.out(summaryTable(summary, { seconds, workers }));
  if (flags.out) {
    const body =
      format === 'csv' ? perReplicationCsv(scenario, settings, blocks) : toJson(scenario, settings, summary);
    if (signal.aborted) throw new RunCancelled();
    writeFileAtomic(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}

/** Run the CLI with arguments (after the script name); returns the exit code. */
export async function main(argv: string[], io: Io, signal: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await cmdRun(rest, io, signal);
      case 'validate':
        return await cmdValidate(rest, io);
      case 'power':
        return runPowerCli(rest, io);
      case 'library':
        return cmdLibrary(rest, io);
      case 'pilot': {
        const { cmdPilot } = await import('./cli-pilot');
        return await cmdPilot(rest, io, signal);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(
          `unknown command ${JSON.stringify(command)}; expected run, validate, power, pilot or library`,
        );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof RunCancelled) {
      io.err('\ncancelled; no output file was written\n');
      return 130;
    }
    throw e;
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    controller.abort();
    if (interrupts > 1) process.exit(130);
  });
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `internal error: ${e instanceof Error ? e.message : String(e)}\n(please report this with the scenario file)\n`,
      );
      process.exitCode = 3;
    },
  );
}
