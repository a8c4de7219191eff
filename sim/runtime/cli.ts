// Runtime: Node (CLI). `npm run sim -- <command> …`: run a scenario, validate files, size a pilot.
// Exit codes: 0 ok, 1 invalid scenario (or a file that cannot be read), 2 usage error.
// User errors print one clear message, never a stack trace; Ctrl-C stops cleanly and leaves no
// partial output file.
import { availableParallelism, totalmem } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT } from '../../messages/index';
import { defaultSettings, type RunSettings } from '../api';
import { shardRange } from '../blocks';
import { recordLayout } from '../engine/layout';
import { summarizeColumns } from '../engine/summarize';
import { SummaryColumns } from '../engine/summary-columns';
import { estimateMessage, estimateRun } from '../estimate';
import { type Executor, ExecutorError, RunCancelled } from '../executor';
import type { Scenario } from '../scenario';
import { decimal, flag, oneOf, parseCommand, redisUrl, text, UsageError, wholeNumber } from './cli-args';
import { CHALLENGE_USAGE } from './cli-challenge-usage';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { cmdLibrary, LIBRARY_USAGE } from './cli-library';
import { OPTIMIZE_USAGE } from './cli-optimize';
import { runPowerCli } from './cli-power';
import { perReplicationCsv, summaryTable, toJson } from './cli-report';
import { SENSITIVITY_USAGE } from './cli-sensitivity';
import { NodePool } from './node-pool';
import { engineVersion } from './node-worker-bundle';
import { mergePartials, partialJson } from './partial';
import { ProgressBar } from './progress';

export const USAGE = `Sandtable — Monte Carlo sand-table for retail-bank campaigns

Usage:
  npm run sim -- run <scenario.json> [--replications N] [--seed S] [--workers W] [--out FILE [--force]]
                     [--format json|csv] [--shard K/N] [--queue redis://HOST:PORT] [--block-size B] [--json]
                     [--max-size MB]
  npm run sim -- merge <part.json…> --out FILE [--force] [--format json|csv]   (parts written by run --shard)
  npm run sim -- worker --queue redis://HOST:PORT [--concurrency C] [--lock-seconds S]
  npm run sim -- validate <file…> [--max-size MB]
  npm run sim -- power --outcome binary|mean … [--json]      (analytic pilot sizing; see docs/planner.md)
  npm run sim -- pilot <scenario.json> --branches K --weeks W [--replications R] [--workers W] [--seed S]
                       [--method stratified|random] [--level branch|customer] [--json] [--max-size MB]
  npm run sim -- pilot-data <scenario.json> --strategy ID --branches K --weeks W --seed S --out FILE.csv
                       [--lang en|zh-CN] [--force]   (what one simulated pilot observed; docs/observed-pilot.md)
  npm run sim -- calibrate <scenario.json> --observed FILE [--params PATH,PATH…] [--out calibrated.json [--force]]
                       [--particles N] [--rounds R] [--predictive M] [--workers W] [--json]
  npm run sim -- rollout <scenario.json> --calibrated calibrated.json [--replications R] [--seed S] [--weeks W]
                       [--workers W] [--json]   (the full rollout's bands with the scenario's and the calibrated priors)
  npm run sim -- naive-check <scenario.json> --strategy ID --ratio aum=X [--ratio products=X] [--ratio logins=X]
                       [--replications R] [--workers W] [--json]   (what a quoted participants ÷ others multiple implies)
${SENSITIVITY_USAGE}
${OPTIMIZE_USAGE}
${LIBRARY_USAGE}
${CHALLENGE_USAGE}

--shard K/N runs the K-th of N equal shares of the replications (K counts from 0, as Kubernetes'
JOB_COMPLETION_INDEX) and writes a part; merge gives the same result file as one whole run.
--queue publishes the run's blocks to Redis for \`worker\` processes on any machines (docs/scale-out.md).
run first prints an estimate of its time and peak memory; a local run estimated to need more than 80%
of the machine's memory is refused unless --force (which also lets --out replace a file).

Exit codes: 0 ok, 1 invalid scenario or parts (or an unreachable queue), 2 usage error, 130 cancelled.`;

type Io = { out: (s: string) => void; err: (s: string) => void };

/** Share of the machine's memory a run may use (the rest is the system's and other programs'). */
const MEMORY_SHARE = 0.8;

async function cmdValidate(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseCommand(args, { 'max-size': decimal() });
  if (positional.length === 0) throw new UsageError('validate needs at least one scenario file');
  const maxBytes = maxBytesFrom(flags['max-size']);
  let bad = 0;
  for (const file of positional) {
    const loaded = await readScenarioFile(file, maxBytes);
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

function settingsFrom(scenario: Scenario, flags: { seed?: string; replications?: number }): RunSettings {
  const s = defaultSettings(scenario);
  if (flags.seed !== undefined) s.seed = flags.seed;
  if (flags.replications !== undefined) s.replications = flags.replications;
  return s;
}

/** `K/N` with 0 ≤ K < N. */
function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 100_000)
    throw new UsageError(`--shard: ${JSON.stringify(value)} is not K/N (shard K of N, e.g. 0/4)`);
  if (index >= count)
    throw new UsageError(
      `--shard: ${JSON.stringify(value)}: K counts from 0 to N−1 (${count} shards are 0/${count} … ${count - 1}/${count})`,
    );
  return { index, count };
}

async function cmdRun(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    replications: wholeNumber(1, 1_000_000),
    seed: text(),
    workers: wholeNumber(0, 64),
    out: text(),
    format: oneOf(['json', 'csv']),
    shard: text(),
    queue: redisUrl(),
    'block-size': wholeNumber(1, 100_000),
    json: flag(),
    force: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('run needs exactly one scenario file');
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  if (shard && flags.out === undefined)
    throw new UsageError('--shard needs --out FILE: the part is what merge reads');
  if (shard && flags.format === 'csv')
    throw new UsageError('--shard writes a part (JSON) for merge; give --format csv to merge instead');
  if (flags.queue !== undefined && flags.workers !== undefined)
    throw new UsageError('--workers applies to a local run; with --queue, each worker sets --concurrency');
  if (flags.out !== undefined) await checkOutputPath(flags.out, positional, flags.force === true);
  const loaded = await readScenarioFile(positional[0], maxBytesFrom(flags['max-size']));
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return 1;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  const scenario = loaded.scenario;
  const settings = settingsFrom(scenario, flags);
  const range = shard ? shardRange(settings.replications, shard.index, shard.count) : undefined;
  if (range && range[1] <= range[0])
    throw new UsageError(
      `--shard ${shard?.index}/${shard?.count}: ${settings.replications} replications leave this shard empty; use at most ${settings.replications} shards`,
    );
  if (flags.queue === undefined) {
    // Before anything is built: the estimate, and a refusal of a run that would not fit in memory.
    const workers = flags.workers ?? Math.max(1, availableParallelism());
    const count = range ? range[1] - range[0] : settings.replications;
    const estimate = estimateRun(scenario, count, workers, availableParallelism());
    const msg = estimateMessage(estimate, MEMORY_SHARE * totalmem());
    const line = catalogueT('en')(msg.code, msg.params);
    if (msg.code === 'estimate.too-big' && flags.force !== true)
      throw new UsageError(
        `${positional[0]}: ${line}, or split it with --shard K/N across machines; --force runs it anyway`,
      );
    io.err(`${line}\n`);
  }
  const executor = await executorFor(flags, io);
  const bar = new ProgressBar(range ? range[1] - range[0] : settings.replications, io.err);
  const started = performance.now();
  let blocks: Awaited<ReturnType<Executor['run']>>;
  // A whole run keeps no records: each block is reduced to the summary's columns as it arrives.
  // A shard keeps its blocks (its part carries the records for merge).
  const columns = shard ? null : new SummaryColumns(recordLayout(scenario), settings.replications);
  try {
    blocks = await executor.run(scenario, settings, {
      range,
      blockSize: flags['block-size'],
      onProgress: (d) => bar.update(d),
      onBlock: columns ? (b) => columns.add(b.start, b.end, b.data) : undefined,
      keepBlocks: columns === null,
      signal,
    });
  } finally {
    await executor.close();
  }
  bar.finish();
  const seconds = (performance.now() - started) / 1000;
  if (signal.aborted) throw new RunCancelled();
  if (shard && range && flags.out) {
    const body = partialJson({
      scenario,
      settings,
      shard,
      blocks,
      engine: await engineVersion(),
      elapsedSeconds: seconds,
    });
    await atomicWrite(flags.out, body);
    io.err(
      `shard ${shard.index}/${shard.count}: replications ${range[0]}–${range[1] - 1} of ${settings.replications}; wrote ${flags.out}\n`,
    );
    return 0;
  }
  if (!columns) throw new Error('only a shard runs without columns, and it has returned');
  columns.assertContiguous();
  const summary = summarizeColumns(scenario, settings.seed, columns, settings.replications);
  // --json: the result document (as --out writes it) on stdout instead of the readable summary.
  io.out(
    flags.json
      ? toJson(scenario, settings, summary)
      : summaryTable(summary, { seconds, runner: executor.description }),
  );
  if (flags.out) {
    const body =
      flags.format === 'csv'
        ? perReplicationCsv(scenario, settings, columns)
        : toJson(scenario, settings, summary);
    if (signal.aborted) throw new RunCancelled();
    await atomicWrite(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}

async function executorFor(flags: { queue?: string; workers?: number }, io: Io): Promise<Executor> {
  if (flags.queue !== undefined) {
    const { QueueExecutor } = await import('./queue');
    return new QueueExecutor(flags.queue, { notice: io.err });
  }
  return new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
}

async function cmdMerge(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    out: text(),
    format: oneOf(['json', 'csv']),
    force: flag(),
  });
  if (positional.length === 0) throw new UsageError('merge needs the part files written by run --shard');
  if (flags.out === undefined) throw new UsageError('merge needs --out FILE');
  await checkOutputPath(flags.out, positional, flags.force === true);
  const merged = mergePartials(positional);
  if (!merged.ok) {
    for (const line of merged.messages) io.err(`${line}\n`);
    return 1;
  }
  const { scenario, settings, columns } = merged;
  const summary = summarizeColumns(scenario, settings.seed, columns, settings.replications);
  io.out(summaryTable(summary, { runner: `${positional.length} part(s) merged` }));
  const body =
    flags.format === 'csv'
      ? perReplicationCsv(scenario, settings, columns)
      : toJson(scenario, settings, summary);
  await atomicWrite(flags.out, body);
  io.err(`wrote ${flags.out}\n`);
  return 0;
}

async function cmdWorker(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(
    args,
    {
      queue: redisUrl(),
      concurrency: wholeNumber(1, 64),
      'lock-seconds': wholeNumber(1, 3600),
    },
    { positionals: { max: 0 } },
  );
  void positional;
  if (flags.queue === undefined) throw new UsageError('worker needs --queue redis://HOST:PORT');
  const { serveQueue } = await import('./queue');
  await serveQueue(flags.queue, {
    concurrency: flags.concurrency ?? Math.max(1, availableParallelism()),
    lockSeconds: flags['lock-seconds'] ?? 30,
    signal,
    log: io.err,
  });
  return 0;
}

/** Run the CLI with arguments (after the script name); returns the exit code. */
export async function main(argv: string[], io: Io, signal: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await cmdRun(rest, io, signal);
      case 'merge':
        return await cmdMerge(rest, io);
      case 'worker':
        return await cmdWorker(rest, io, signal);
      case 'validate':
        return await cmdValidate(rest, io);
      case 'power':
        return runPowerCli(rest, io);
      case 'library':
        return cmdLibrary(rest, io);
      case 'challenge': {
        const { cmdChallenge } = await import('./cli-challenge');
        return await cmdChallenge(rest, io, signal);
      }
      case 'pilot-data': {
        const { cmdPilotData } = await import('./cli-calibrate');
        return await cmdPilotData(rest, io);
      }
      case 'calibrate': {
        const { cmdCalibrate } = await import('./cli-calibrate');
        return await cmdCalibrate(rest, io, signal);
      }
      case 'rollout': {
        const { cmdRollout } = await import('./cli-calibrate');
        return await cmdRollout(rest, io, signal);
      }
      case 'naive-check': {
        const { cmdNaiveCheck } = await import('./cli-calibrate');
        return await cmdNaiveCheck(rest, io, signal);
      }
      case 'pilot': {
        const { cmdPilot } = await import('./cli-pilot');
        return await cmdPilot(rest, io, signal);
      }
      case 'sensitivity': {
        const { cmdSensitivity } = await import('./cli-sensitivity');
        return await cmdSensitivity(rest, io, signal);
      }
      case 'optimize': {
        const { cmdOptimize } = await import('./cli-optimize');
        return await cmdOptimize(rest, io, signal);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(
          `unknown command ${JSON.stringify(command)}; expected run, merge, worker, validate, power, pilot, pilot-data, calibrate, rollout, naive-check, sensitivity, optimize, library or challenge`,
        );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ExecutorError) {
      io.err(`error: ${e.message}\n`);
      return 1;
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
  // Ctrl-C, or SIGTERM from a scheduler (Kubernetes, Slurm): stop cleanly; a second one exits at once.
  const stop = () => {
    interrupts++;
    controller.abort();
    if (interrupts > 1) process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = code;
      // Leave even if a lost Redis connection still holds a reconnect timer.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (e: unknown) => {
      process.stderr.write(
        `internal error: ${e instanceof Error ? e.message : String(e)}\n(please report this with the scenario file)\n`,
      );
      process.exitCode = 3;
    },
  );
}
