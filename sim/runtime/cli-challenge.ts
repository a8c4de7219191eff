// Runtime: Node (CLI). Sealed challenges for trainers:
//   challenge make <scenario.json> --hide <path,…> --task estimate|best-of|pilot-design … --passphrase-file F --out C
//   challenge answer <challenge.json> --name N (--low a --high b | --choice id | --branches k) --out A
//   challenge score <challenge.json> --passphrase-file F <answer.json…> [--json]
// The truth run and a pilot-design task's power table use the worker pool and the planner's
// simulated pilots (sim/planner/pilot-sim.ts). Exit codes: 0 ok, 1 bad file or wrong passphrase,
// 2 usage error, 130 cancelled.

import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT, formatIssue } from '../../messages/index';
import { simApi } from '../api';
import { branchInfos } from '../planner/branch-selection';
import { simulatePilotPlan } from '../planner/pilot-sim';
import type { PilotRunner } from '../planner/pilot-types';
import type { Scenario } from '../scenario';
import type { ScenarioIssue } from '../scenario/issues';
import { classBoard } from '../teaching/board';
import {
  BEST_OF_METRICS,
  type Challenge,
  ChallengeError,
  type ChallengeTask,
  loadAnswerText,
  loadChallengeText,
  makeAnswer,
  makeChallenge,
  openChallenge,
  withoutHidden,
} from '../teaching/challenge';
import { METRICS, type Metric } from '../teaching/metrics';
import { SealError } from '../teaching/seal';
import { decimal, flag, oneOf, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, readScenarioFile } from './cli-io';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

const t = catalogueT('en');
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new FileProblem([`${file}: error: cannot read the ${what}`]);
  }
}

class FileProblem extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const issuesOf = (file: string, issues: ScenarioIssue[]) =>
  new FileProblem(issues.map((i) => formatIssue(i, t, file)));

async function passphraseFrom(file: string): Promise<string> {
  // The file's first line, without its line ending (so `echo secret > f` works).
  const phrase = (await readText(file, 'passphrase file')).split(/\r?\n/)[0];
  if (!phrase) throw new FileProblem([`${file}: error: the passphrase file is empty`]);
  return phrase;
}

async function readChallenge(file: string): Promise<Challenge> {
  const r = loadChallengeText(await readText(file, 'challenge'));
  if (!r.ok) throw issuesOf(file, r.issues);
  return r.value;
}

/** `--title` text, or both languages as JSON: {"zh-CN": "…", "en": "…"}. */
function localText(
  value: string | undefined,
  flagName: string,
): string | { 'zh-CN': string; en: string } | undefined {
  if (value === undefined || !value.trim().startsWith('{')) return value;
  try {
    const v = JSON.parse(value) as Record<string, unknown>;
    if (typeof v['zh-CN'] === 'string' && typeof v.en === 'string') return { 'zh-CN': v['zh-CN'], en: v.en };
  } catch {
    // falls through to the usage error
  }
  throw new UsageError(
    `--${flagName}: ${JSON.stringify(value)} is neither text nor {"zh-CN": "…", "en": "…"}`,
  );
}

function taskFrom(flags: Record<string, unknown>, scenario: Scenario): ChallengeTask {
  const kind = flags.task as ChallengeTask['kind'];
  const strategy = (flags.strategy as string | undefined) ?? scenario.strategies[0].id;
  if (kind === 'estimate')
    return {
      kind,
      strategy,
      metric: (flags.metric as Metric | undefined) ?? 'conversion-uplift-pp',
      level: (flags.level as number | undefined) ?? 0.9,
    };
  if (kind === 'best-of') {
    const metric = (flags.metric as string | undefined) ?? 'roi';
    if (!(BEST_OF_METRICS as readonly string[]).includes(metric))
      throw new UsageError(
        `--metric: ${JSON.stringify(metric)} cannot rank a best-of task; use ${BEST_OF_METRICS.join(', ')}`,
      );
    const options = flags.options ? list(flags.options as string) : scenario.strategies.map((s) => s.id);
    return { kind, metric: metric as (typeof BEST_OF_METRICS)[number], options };
  }
  if (!flags.branches || !flags.weeks)
    throw new UsageError('a pilot-design task needs --branches K,K… and --weeks W');
  const branchesPerArm = list(flags.branches as string).map(Number);
  if (branchesPerArm.some((k) => !Number.isInteger(k) || k < 2))
    throw new UsageError(
      `--branches: ${JSON.stringify(flags.branches)} is not a list of whole numbers from 2`,
    );
  return { kind, strategy, targetPower: 0.8, weeks: flags.weeks as number, branchesPerArm };
}

async function cmdMake(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(
    args,
    {
      hide: text(),
      task: oneOf(['estimate', 'best-of', 'pilot-design'] as const),
      strategy: text(),
      metric: oneOf(METRICS),
      level: decimal(),
      options: text(),
      branches: text(),
      weeks: wholeNumber(1, 104),
      pilots: wholeNumber(1, 1000),
      replications: wholeNumber(2, 100_000),
      id: text(),
      title: text(),
      brief: text(),
      'passphrase-file': text(),
      out: text(),
      force: flag(),
      workers: wholeNumber(1, 256),
    },
    { positionals: { max: 1 } },
  );
  const file = positional[0];
  if (!file) throw new UsageError('challenge make needs a scenario file');
  for (const need of ['hide', 'task', 'passphrase-file', 'out'] as const)
    if (flags[need] === undefined) throw new UsageError(`challenge make needs --${need}`);
  const out = flags.out as string;
  await checkOutputPath(out, [file], flags.force);
  const loaded = await readScenarioFile(file);
  if (!loaded.ok) throw new FileProblem(loaded.messages);
  const scenario = loaded.scenario;
  const doc = JSON.parse(await readText(file, 'scenario'));
  const task = taskFrom(flags, scenario);
  // Hidden paths and leaks are checked before any simulation.
  withoutHidden(doc, list(flags.hide as string));
  const passphrase = await passphraseFrom(flags['passphrase-file'] as string);
  const pilots = flags.pilots ?? 5;
  const settings = {
    seed: String(scenario.monteCarlo.seed),
    replications: flags.replications ?? scenario.monteCarlo.replications,
  };
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  try {
    io.err(`simulating the true scenario (${settings.replications} replications)\n`);
    const bar = new ProgressBar(settings.replications, io.err);
    const blocks = await pool.run(scenario, settings, { signal, onProgress: (d) => bar.update(d) });
    bar.finish();
    const truthRun = simApi.summarize(scenario, settings, blocks);
    const designTable =
      task.kind === 'pilot-design' ? await designPowers(scenario, task, pool, signal, io) : undefined;
    if (task.kind === 'pilot-design' && designTable && !designTable.some((p) => p.power >= task.targetPower))
      io.err(
        `warning: no offered design reaches ${task.targetPower * 100}% power (best ${Math.max(...designTable.map((p) => p.power * 100)).toFixed(0)}%); every answer will score 0 — offer more branches or weeks\n`,
      );
    const challenge = await makeChallenge(
      {
        doc,
        truthRun,
        id: flags.id ?? `challenge-${Date.now().toString(36)}`,
        title: localText(flags.title, 'title') ?? 'Challenge',
        brief: localText(flags.brief, 'brief') ?? 'Estimate the hidden value from the simulated pilots.',
        hide: list(flags.hide as string),
        task,
        pilots,
        designTable,
      },
      passphrase,
    );
    await atomicWrite(out, `${JSON.stringify(challenge, null, 2)}\n`);
    io.out(
      `${out}: sealed challenge (${challenge.hidden.length} hidden, task ${task.kind}, ${pilots} simulated pilots)\n`,
    );
    return 0;
  } finally {
    await pool.close();
  }
}

/** The true power of each offered design, by the planner's simulated pilots (branch-randomized). */
async function designPowers(
  scenario: Scenario,
  task: ChallengeTask & { kind: 'pilot-design' },
  pool: NodePool,
  signal: AbortSignal,
  io: Io,
) {
  const seed = String(scenario.monteCarlo.seed);
  const branches = branchInfos(simApi.populationSummary(scenario, seed));
  const replications = Math.min(scenario.monteCarlo.replications, 200);
  const run: PilotRunner = async (s, settings, point) => {
    io.err(`design ${point.index + 1}/${point.count}\n`);
    const blocks = await pool.run(s, settings, { signal });
    return simApi.readPlanRun(s, settings, blocks, point);
  };
  const sorted = [...task.branchesPerArm].sort((a, b) => a - b);
  const report = await simulatePilotPlan(
    scenario,
    branches,
    {
      branchesPerArm: sorted[0],
      weeks: task.weeks,
      replications,
      seed,
      branchGrid: sorted,
      weekGrid: [task.weeks],
    },
    run,
  );
  const plan = report.strategies.find((s) => s.id === task.strategy);
  if (!plan) throw new ChallengeError('challenge.unknown-strategy', { strategy: task.strategy, known: '' });
  return plan.byBranches.map((p) => ({ branchesPerArm: p.branchesPerArm, power: p.powerConversion }));
}

async function cmdAnswer(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseCommand(
    args,
    {
      name: text(),
      low: decimal(),
      high: decimal(),
      choice: text(),
      branches: wholeNumber(1, 10_000),
      'pilots-used': wholeNumber(0, 1000),
      out: text(),
      force: flag(),
    },
    { positionals: { max: 1 } },
  );
  if (!positional[0]) throw new UsageError('challenge answer needs the challenge file');
  if (!flags.name || !flags.out) throw new UsageError('challenge answer needs --name and --out');
  await checkOutputPath(flags.out, [positional[0]], flags.force);
  const c = await readChallenge(positional[0]);
  const answer =
    c.task.kind === 'estimate'
      ? flags.low !== undefined && flags.high !== undefined
        ? { kind: 'estimate' as const, low: flags.low, high: flags.high }
        : null
      : c.task.kind === 'best-of'
        ? flags.choice
          ? { kind: 'best-of' as const, choice: flags.choice }
          : null
        : flags.branches
          ? { kind: 'pilot-design' as const, branchesPerArm: flags.branches }
          : null;
  const how = { estimate: '--low and --high', 'best-of': '--choice', 'pilot-design': '--branches' }[
    c.task.kind
  ];
  if (!answer) throw new UsageError(`a ${c.task.kind} task is answered with ${how}`);
  const doc = makeAnswer(c, flags.name, answer, flags['pilots-used'] ?? 0);
  const check = loadAnswerText(JSON.stringify(doc), c);
  if (!check.ok) throw issuesOf(flags.out, check.issues);
  await atomicWrite(flags.out, `${JSON.stringify(doc, null, 2)}\n`);
  io.out(`${flags.out}: answer of ${doc.learner}\n`);
  return 0;
}

async function cmdScore(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseCommand(args, { 'passphrase-file': text(), json: flag() });
  const [file, ...answerFiles] = positional;
  if (!file || answerFiles.length === 0)
    throw new UsageError('challenge score needs the challenge file and at least one answer file');
  if (!flags['passphrase-file']) throw new UsageError('challenge score needs --passphrase-file');
  const c = await readChallenge(file);
  const truth = await openChallenge(c, await passphraseFrom(flags['passphrase-file']));
  const answers = [];
  const problems: string[] = [];
  for (const f of answerFiles) {
    const r = loadAnswerText(await readText(f, 'answer'), c);
    if (r.ok) answers.push(r.value);
    else problems.push(...r.issues.map((i) => formatIssue(i, t, f)));
  }
  if (problems.length) throw new FileProblem(problems);
  const board = classBoard(c, truth, answers);
  if (flags.json) {
    io.out(`${JSON.stringify(board, null, 2)}\n`);
    return 0;
  }
  const truthText =
    board.truth.kind === 'estimate'
      ? board.truth.value.toPrecision(4)
      : board.truth.kind === 'best-of'
        ? Object.entries(board.truth.values)
            .map(([k, v]) => `${k} ${v.toPrecision(3)}`)
            .join(', ')
        : board.truth.table.map((p) => `${p.branchesPerArm}: ${(p.power * 100).toFixed(0)}%`).join(', ');
  io.out(
    `truth: ${truthText}\nscore: ${board.isLowerBetter ? 'interval score, lower is better' : '0–100, higher is better'}\n`,
  );
  for (const r of board.rows)
    io.out(
      `${String(r.rank).padStart(3)}. ${r.learner.padEnd(20)} ${r.score.toFixed(3).padStart(10)}  ${r.mistakes.join(', ')}\n`,
    );
  return 0;
}

export async function cmdChallenge(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'make') return await cmdMake(rest, io, signal);
    if (sub === 'answer') return await cmdAnswer(rest, io);
    if (sub === 'score') return await cmdScore(rest, io);
  } catch (e) {
    if (e instanceof FileProblem) {
      for (const line of e.lines) io.err(`${line}\n`);
      return 1;
    }
    if (e instanceof SealError || e instanceof ChallengeError) {
      io.err(
        `error: ${t(`challenge.${e.code.replace(/^challenge\./, '')}`, 'params' in e ? e.params : {})}\n`,
      );
      return 1;
    }
    throw e;
  }
  throw new UsageError(`challenge ${JSON.stringify(sub ?? '')}: expected make, answer or score`);
}
