// Runtime: Node (CLI). `pilot-data` writes what one simulated pilot observed (observed-pilot CSV);
// `calibrate` fits a scenario's priors to an observed pilot (ABC, sim/calibration/abc.ts) on the
// worker pool and writes the calibrated scenario. Exit codes: 0 ok, 1 invalid scenario, observed
// file or values, 2 usage error, 130 cancelled.

import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import {
  calibrationErrorText,
  catalogueT,
  formatIssue,
  formatObservedIssue,
  plannerErrorText,
} from '../../messages/index';
import { simApi } from '../api';
import { type CalibrationParam, type CalibrationReport, calibrate, widePrior } from '../calibration/abc';
import { CalibrationError } from '../calibration/errors';
import { type NaiveCheckReport, type NaiveMetric, naiveCheck } from '../calibration/naive-check';
import { checkObserved } from '../calibration/observed-check';
import { readObservedText } from '../calibration/observed-read';
import {
  observedFromRecord,
  observedRows,
  pilotDataReplication,
  pilotDataScenario,
  pilotRunSettings,
} from '../calibration/pilot-data';
import { compareRollouts, type RolloutComparison } from '../calibration/rollout-narrowing';
import { toCsv } from '../csv';
import { type BranchInfo, branchInfos } from '../planner/branch-selection';
import { PlannerInputError } from '../planner/errors';
import { type Scenario, validateScenario } from '../scenario';
import { decimal, flag, oneOf, parseCommand, repeated, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

const en = catalogueT('en');
const MAX_OBSERVED_BYTES = 50 * 1024 * 1024;

async function loadScenario(file: string, maxMb: number | undefined, io: Io): Promise<Scenario | null> {
  const loaded = await readScenarioFile(file, maxBytesFrom(maxMb));
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return null;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  return loaded.scenario;
}

function bankBranches(scenario: Scenario): BranchInfo[] {
  return branchInfos(simApi.populationSummary(scenario, String(scenario.monteCarlo.seed)));
}

/** `pilot-data <scenario> --strategy ID --branches K --weeks W --seed S --out observed.csv` */
export async function cmdPilotData(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    strategy: text(),
    branches: wholeNumber(1, 1000),
    weeks: wholeNumber(1, 104),
    seed: text(),
    out: text(),
    lang: oneOf(['en', 'zh-CN']),
    force: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('pilot-data needs exactly one scenario file');
  for (const name of ['strategy', 'branches', 'weeks', 'seed', 'out'] as const)
    if (flags[name] === undefined) throw new UsageError(`pilot-data needs --${name}`);
  const out = flags.out as string;
  await checkOutputPath(out, positional, flags.force);
  const scenario = await loadScenario(positional[0], flags['max-size'], io);
  if (!scenario) return 1;
  const branches = bankBranches(scenario);
  const design = {
    strategy: flags.strategy as string,
    branchesPerArm: flags.branches as number,
    weeks: flags.weeks as number,
    seed: flags.seed as string,
  };
  let pilot: Scenario;
  try {
    pilot = pilotDataScenario(scenario, design, branches);
  } catch (e) {
    if (e instanceof CalibrationError) {
      io.err(`error: --strategy: ${calibrationErrorText(e, en)}\n`);
      return 1;
    }
    if (e instanceof PlannerInputError) {
      io.err(`error: --branches: ${plannerErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  }
  const r = pilotDataReplication(design.seed);
  const block = simApi.runBlock(pilot, pilotRunSettings(scenario), r, r + 1);
  const observed = observedFromRecord(pilot, design.strategy, block.data, 0);
  const body = toCsv(observedRows(observed, flags.lang ?? 'en'), { hasBom: flags.lang === 'zh-CN' });
  await atomicWrite(out, body);
  const nBranches = new Set(observed.rows.filter((x) => x.branch !== '*').map((x) => x.branch)).size;
  io.err(`wrote ${out}: ${nBranches} branches, ${design.weeks} weeks, strategy ${design.strategy}\n`);
  return 0;
}

/** Read and check an observed file against the scenario; problems are printed, located. */
async function loadObserved(file: string, scenario: Scenario, branches: BranchInfo[], io: Io) {
  let textBody: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_OBSERVED_BYTES) {
      io.err(`${file}: error: the file is over ${MAX_OBSERVED_BYTES / 1024 / 1024} MB\n`);
      return null;
    }
    textBody = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
    io.err(`${file}: error: cannot read the observed file (${why})\n`);
    return null;
  }
  const read = readObservedText(textBody);
  const checked = read.ok ? checkObserved(read.pilot, scenario, branches) : read;
  if (!checked.ok) {
    for (const i of checked.issues) io.err(`${formatObservedIssue(i, en, file)}\n`);
    return null;
  }
  return checked.pilot;
}

/** `--params a,b` or `--params a --params b`: paths, each with the scenario's prior or a wide one. */
function paramsFrom(scenario: Scenario, list: string[] | undefined): CalibrationParam[] | undefined {
  if (list === undefined || list.length === 0) return undefined;
  const paths = list
    .flatMap((x) => x.split(/[,\s]+/))
    .map((x) => x.trim())
    .filter(Boolean);
  return paths.map((param) => {
    const given = scenario.uncertainty.find((u) => u.param === param);
    return { param, prior: given?.prior ?? widePrior(scenario, param) };
  });
}

/** `calibrate <scenario> --observed FILE [--params p1,p2] [--out calibrated.json] [--json]` */
export async function cmdCalibrate(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    observed: text(),
    params: repeated(),
    out: text(),
    json: flag(),
    force: flag(),
    particles: wholeNumber(50, 100_000),
    rounds: wholeNumber(1, 20),
    predictive: wholeNumber(50, 100_000),
    workers: wholeNumber(0, 64),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('calibrate needs exactly one scenario file');
  if (flags.observed === undefined) throw new UsageError('calibrate needs --observed FILE');
  if (flags.out !== undefined) await checkOutputPath(flags.out, [positional[0], flags.observed], flags.force);
  const scenario = await loadScenario(positional[0], flags['max-size'], io);
  if (!scenario) return 1;
  const branches = bankBranches(scenario);
  const observed = await loadObserved(flags.observed, scenario, branches, io);
  if (!observed) return 1;
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  let bar: ProgressBar | null = null;
  let report: CalibrationReport;
  try {
    const params = paramsFrom(scenario, flags.params);
    report = await calibrate(
      scenario,
      observed,
      branches,
      { params, particles: flags.particles, rounds: flags.rounds, predictive: flags.predictive },
      (s, settings, range, onProgress) => pool.run(s, settings, { range, onProgress, signal }),
      (p) => {
        bar ??= new ProgressBar(p.total, io.err);
        bar.update(p.done);
      },
    );
  } catch (e) {
    if (e instanceof CalibrationError) {
      io.err(`error: ${calibrationErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  (bar as ProgressBar | null)?.finish();
  const check = validateScenario(report.calibrated);
  if (!check.ok) {
    for (const i of check.issues) io.err(`${formatIssue(i, en, 'calibrated scenario')}\n`);
    return 1;
  }
  const { calibrated, ...rest } = report;
  io.out(flags.json ? `${JSON.stringify(rest, null, 2)}\n` : calibrationText(report));
  if (flags.out) {
    await atomicWrite(flags.out, `${JSON.stringify(calibrated, null, 2)}\n`);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}

const g = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : 'n/a');

/** The readable report: per parameter prior → posterior, then the predictive checks. */
export function calibrationText(r: CalibrationReport): string {
  const lines = [
    `Calibration of strategy ${r.strategy} to an observed ${r.design.level}-randomized pilot (${r.design.treatmentBranches.length} + ${r.design.controlBranches.length} branches, ${r.design.weeks} weeks); ${r.simulations} simulated pilots; effective sample size ${g(r.ess)}.`,
    '',
    'parameter: prior mean [5%, 95%] → posterior mean [5%, 95%] (90% width ratio)',
    ...r.params.map(
      (p) =>
        `  ${p.param}: ${g(p.prior.mean)} [${g(p.prior.p05)}, ${g(p.prior.p95)}] → ${g(p.posterior.mean)} [${g(p.posterior.p05)}, ${g(p.posterior.p95)}] (${g(p.widthRatio)})`,
    ),
    '',
    'posterior predictive checks: observed vs 90% predictive band (p-value)',
    ...r.checks.map(
      (c) => `  ${c.summary}: ${g(c.observed)} vs [${g(c.p05)}, ${g(c.p95)}] (p = ${g(c.pValue)})`,
    ),
    `overall discrepancy ${g(r.discrepancy.value)} (predictive p = ${g(r.discrepancy.pValue)})`,
  ];
  return `${lines.join('\n')}\n`;
}

const METRIC_WORDS: Record<NaiveMetric, string> = {
  aum: 'net new money per customer (CNY)',
  products: 'products held per customer',
  logins: 'app logins per month',
};

/** `naive-check <scenario> --strategy ID --ratio aum=X [--ratio products=X] [--ratio logins=X] [--json]` */
export async function cmdNaiveCheck(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    strategy: text(),
    ratio: repeated(),
    replications: wholeNumber(2, 10_000),
    workers: wholeNumber(0, 64),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('naive-check needs exactly one scenario file');
  if (flags.strategy === undefined) throw new UsageError('naive-check needs --strategy');
  const quoted: Partial<Record<NaiveMetric, number>> = {};
  for (const r of flags.ratio ?? []) {
    const m = /^(aum|products|logins)=([0-9]*\.?[0-9]+)$/.exec(r.trim());
    if (!m || !(Number(m[2]) > 0))
      throw new UsageError(
        `--ratio: ${JSON.stringify(r)} is not metric=multiple (aum, products or logins; e.g. aum=3)`,
      );
    if (quoted[m[1] as NaiveMetric] !== undefined) throw new UsageError(`--ratio: ${m[1]} is given twice`);
    quoted[m[1] as NaiveMetric] = Number(m[2]);
  }
  if (Object.keys(quoted).length === 0)
    throw new UsageError('naive-check needs at least one --ratio metric=multiple');
  const scenario = await loadScenario(positional[0], flags['max-size'], io);
  if (!scenario) return 1;
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  let bar: ProgressBar | null = null;
  let report: NaiveCheckReport;
  try {
    report = await naiveCheck(
      scenario,
      flags.strategy,
      quoted,
      { replications: flags.replications },
      (s, settings, range, onProgress) => pool.run(s, settings, { range, onProgress, signal }),
      (done, total) => {
        bar ??= new ProgressBar(total, io.err);
        bar.update(done);
      },
    );
  } catch (e) {
    if (e instanceof CalibrationError) {
      io.err(`error: --strategy: ${calibrationErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  (bar as ProgressBar | null)?.finish();
  io.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : naiveCheckText(report));
  return 0;
}

/** The readable report of naive-check: per quoted multiple what the model makes of it. */
export function naiveCheckText(r: NaiveCheckReport): string {
  const lines = [
    `Naive multiples of strategy ${r.strategy}: best setting selection ×${g(r.fitted.selection)} (${r.knobs.selection.join(', ')}), campaign effect ×${g(r.fitted.effect)} (${r.knobs.effect.join(', ')}); ${r.settingsEvaluated} settings × ${r.replications} replications.`,
    '',
  ];
  for (const m of r.metrics) {
    const head = `${m.metric} — ${METRIC_WORDS[m.metric]}: quoted ×${g(m.quoted)}, the model gives ×${g(m.reproduced)} (${m.relativeError >= 0 ? '+' : ''}${g(100 * m.relativeError)}%)`;
    const status =
      m.status === 'reproduced'
        ? 'reproduced within 10%.'
        : m.status === 'not-defined'
          ? 'no multiple at the closest setting: the non-participants’ (or participants’) mean is not positive.'
          : m.status === 'beyond-model'
            ? `the model cannot reach it: its settings give ×${g(m.reachable.min)} to ×${g(m.reachable.max)}.`
            : `settings reach it (×${g(m.reachable.min)} to ×${g(m.reachable.max)}) but not together with the other quoted multiples.`;
    lines.push(
      `${head}: ${status}`,
      `  participants ${g(m.participantsMean)} vs non-participants ${g(m.nonParticipantsMean)}; causal uplift vs the randomized control ${g(m.causalUplift.mean)} per targeted customer (90% of replications in [${g(m.causalUplift.p05)}, ${g(m.causalUplift.p95)}]); ${m.selectionShare >= 0 && m.selectionShare <= 1 ? `${g(100 * m.selectionShare)}% of the naive gap is selection` : `the selection share is not estimable (${g(100 * m.selectionShare)}%: the causal uplift is within its noise)`}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `rollout <scenario> --calibrated FILE [--replications R] [--seed S] [--weeks W] [--json]` */
export async function cmdRollout(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    calibrated: text(),
    replications: wholeNumber(2, 100_000),
    seed: text(),
    weeks: wholeNumber(1, 104),
    workers: wholeNumber(0, 64),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('rollout needs exactly one scenario file');
  if (flags.calibrated === undefined)
    throw new UsageError('rollout needs --calibrated FILE (written by calibrate --out)');
  const scenario = await loadScenario(positional[0], flags['max-size'], io);
  if (!scenario) return 1;
  const calibrated = await loadScenario(flags.calibrated, flags['max-size'], io);
  if (!calibrated) return 1;
  const branches = bankBranches(scenario);
  const replications = flags.replications ?? 100;
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  const bar = new ProgressBar(2 * replications, io.err);
  let comparison: RolloutComparison;
  try {
    comparison = await compareRollouts(
      scenario,
      calibrated,
      branches,
      { replications, seed: flags.seed ?? String(scenario.monteCarlo.seed), weeks: flags.weeks },
      async (s, settings, point) => {
        const blocks = await pool.run(s, settings, {
          signal,
          onProgress: (d) => bar.update(point.index * replications + d),
        });
        return { summary: simApi.summarize(s, settings, blocks), pilot: null };
      },
    );
  } catch (e) {
    if (e instanceof CalibrationError) {
      io.err(`${flags.calibrated}: error: ${calibrationErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  bar.finish();
  const { before, after, ...rest } = comparison;
  io.out(flags.json ? `${JSON.stringify({ ...rest, before, after }, null, 2)}\n` : rolloutText(comparison));
  return 0;
}

/** Before → after bands per strategy of the full rollout, and how much each narrowed. */
export function rolloutText(c: RolloutComparison): string {
  const b = (x: { mean: number; p05: number; p95: number }) => `${g(x.mean)} [${g(x.p05)}, ${g(x.p95)}]`;
  const lines = [
    `Rollout to all ${c.stage.branches.length} branches (${c.before.replications} replications each): 90% bands with the scenario's priors → with the calibrated priors (width ratio).`,
  ];
  for (const s of c.strategies)
    lines.push(
      `  ${s.id}: conversion uplift pp ${b(s.upliftPp.before)} → ${b(s.upliftPp.after)} (${g(s.upliftPp.widthRatio)}); net new money total CNY ${b(s.newMoneyTotalCny.before)} → ${b(s.newMoneyTotalCny.after)} (${g(s.newMoneyTotalCny.widthRatio)}); ROI ${b(s.roi.before)} → ${b(s.roi.after)} (${g(s.roi.widthRatio)})`,
      `    modelled effect (own counterfactual, no holdout noise): conversion uplift pp ${b(s.modelled.upliftPp.before)} → ${b(s.modelled.upliftPp.after)} (${g(s.modelled.upliftPp.widthRatio)}); net new money total CNY ${b(s.modelled.newMoneyTotalCny.before)} → ${b(s.modelled.newMoneyTotalCny.after)} (${g(s.modelled.newMoneyTotalCny.widthRatio)}); ROI ${b(s.modelled.roi.before)} → ${b(s.modelled.roi.after)} (${g(s.modelled.roi.widthRatio)})`,
    );
  return `${lines.join('\n')}\n`;
}
