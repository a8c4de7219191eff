// Runtime: Node (CLI). `npm run sim -- pilot <scenario.json> --branches K --weeks W …`: the
// simulation-based power of a branch pilot, on a grid of branches per arm and of weeks, beside the
// analytic planner fed with the ICC and CV the simulation implies. Exit codes: 0 ok, 1 invalid
// scenario or values, 2 usage error; 130 when cancelled.

import { availableParallelism } from 'node:os';
import {
  catalogueT,
  mdeMethodText,
  noteHeading,
  noteText,
  plannerErrorLine,
  plannerErrorText,
} from '../../messages/index';
import { simApi } from '../api';
import { type BalanceRow, branchInfos } from '../planner/branch-selection';
import { PlannerInputError } from '../planner/errors';
import { simulatePilotPlan } from '../planner/pilot-sim';
import type {
  CurveCrossing,
  CurvePoint,
  PilotNote,
  PilotPlanReport,
  PilotRunner,
  PilotStrategyPlan,
} from '../planner/pilot-types';
import { bothLanguages } from '../scenario/local-text';
import { decimal, flag, oneOf, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { maxBytesFrom, readScenarioFile } from './cli-io';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

const DEFAULT_REPLICATIONS = 100;

/** Planner input names → the flags that set them, so errors name what the user typed. */
const FLAG_OF: Record<string, string> = {
  branchesPerArm: '--branches',
  weeks: '--weeks',
  replications: '--replications',
};

/**
 * Worker threads: --workers, else cores − 1. One worker thread gains nothing over this thread and
 * pays a thread start and a population build per grid point, so the default then runs in-process.
 */
function defaultWorkers(): number {
  const n = Math.max(1, availableParallelism());
  return n === 1 ? 0 : n;
}

/** `pilot …`: see docs/planner.md. Returns the exit code. */
export async function cmdPilot(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    branches: wholeNumber(1, 1000),
    weeks: wholeNumber(1, 104),
    replications: wholeNumber(2, 1_000_000),
    workers: wholeNumber(0, 64),
    seed: text(),
    method: oneOf(['stratified', 'random']),
    level: oneOf(['branch', 'customer']),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('pilot needs exactly one scenario file');
  const { branches: branchesPerArm, weeks } = flags;
  if (branchesPerArm === undefined) throw new UsageError('pilot needs --branches');
  if (weeks === undefined) throw new UsageError('pilot needs --weeks');
  const replications = flags.replications ?? DEFAULT_REPLICATIONS;
  const workers = flags.workers ?? defaultWorkers();
  const method = flags.method ?? 'stratified';
  const level = flags.level ?? 'branch';
  const isJson = flags.json;

  const loaded = await readScenarioFile(positional[0], maxBytesFrom(flags['max-size']));
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return 1;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  const scenario = loaded.scenario;
  const seed = flags.seed ?? String(scenario.monteCarlo.seed);
  const branches = branchInfos(simApi.populationSummary(scenario, seed));

  let bar: ProgressBar | null = null;
  // One pool for every grid point: its threads start once.
  const pool = new NodePool({ threads: workers });
  const run: PilotRunner = async (s, settings, point) => {
    bar ??= new ProgressBar(point.count * settings.replications, io.err);
    const offset = point.index * settings.replications;
    const progress = bar;
    const blocks = await pool.run(s, settings, {
      signal,
      onProgress: (done) => progress.update(offset + done),
    });
    return simApi.readPlanRun(s, settings, blocks, point);
  };
  let report: PilotPlanReport;
  try {
    report = await simulatePilotPlan(
      scenario,
      branches,
      { branchesPerArm, weeks, replications, seed, method, level },
      run,
    );
  } catch (e) {
    if (e instanceof PlannerInputError) {
      io.err(`error: ${FLAG_OF[e.input] ?? e.input}: ${plannerErrorText(e, en)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  (bar as ProgressBar | null)?.finish();
  io.out(isJson ? `${JSON.stringify(report, null, 2)}\n` : pilotText(report, branches.length));
  return 0;
}

const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const cny = (x: number | null) =>
  x === null || !Number.isFinite(x)
    ? 'n/a'
    : `${x < 0 ? '-' : ''}¥${Math.abs(Math.round(x)).toLocaleString('en')}`;
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : 'n/a');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function curveTable(points: CurvePoint[], first: 'branches' | 'weeks'): string {
  const header = [
    first === 'branches' ? 'branches/arm' : 'weeks',
    'customers/arm',
    'power conv (±SE)',
    'formula',
    'MDE conv pp',
    'formula',
    'power AUM (±SE)',
    'formula',
    'MDE AUM',
  ];
  const rows = points.map((p) => [
    String(first === 'branches' ? p.branchesPerArm : p.weeks),
    int(p.customersPerArm),
    `${num(p.powerConversion)} ±${num(p.powerConversionSe)}`,
    num(p.analyticPowerConversion),
    num(p.mdeConversionPp),
    num(p.analyticMdeConversionPp),
    `${num(p.powerAum)} ±${num(p.powerAumSe)}`,
    num(p.analyticPowerAum),
    cny(p.mdeAumCny),
  ]);
  return table(header, rows);
}

const BALANCE_NAMES: Record<string, string> = {
  customers: 'customers',
  wealthManagers: 'wealth managers',
  remoteAgents: 'remote agents',
  aumCny: 'AUM (CNY)',
};

function balanceLine(r: BalanceRow): string {
  const name = r.key.startsWith('region:') ? `region ${r.key.slice(7)}` : (BALANCE_NAMES[r.key] ?? r.key);
  const value = (x: number) => (r.kind === 'share' ? pct(x) : num(x, 1));
  return `${name} ${value(r.treatment)} vs ${value(r.control)} (d = ${num(r.stdDiff)}${r.isImbalanced ? ', imbalanced' : ''})`;
}

function crossingText(c: CurveCrossing, maxK: number): string {
  if (c.bound === 'interpolated') return `about ${num(c.value, 1)} (interpolated)`;
  if (c.bound === 'at-most') return `${c.value} or fewer (already at the smallest grid point)`;
  return `more than ${maxK} (not reached on the grid)`;
}

const en = catalogueT('en');

function notesText(notes: PilotNote[]): string[] {
  const lines: string[] = [];
  for (const outcome of ['conversion', 'aum'] as const) {
    const mine = notes.filter((n) => n.outcome === outcome);
    if (mine.length === 0) continue;
    if (mine[0].code === 'agree') {
      lines.push(`  ${noteText(mine[0], en)}`);
      continue;
    }
    lines.push(`  ${noteHeading(mine[0], en)}`);
    for (const n of mine) lines.push(`    - ${noteText(n, en)}`);
  }
  return lines;
}

function strategyText(st: PilotStrategyPlan, r: PilotPlanReport): string {
  const d = st.design;
  const c = d.conversion;
  const a = d.aum;
  const maxK = r.grids.branches.at(-1)!;
  const df = r.level === 'branch' ? `t test, df ${2 * (r.branchesPerArm - 1)}` : 'individually randomized';
  const de = c.analytic.designEffect;
  return [
    `== ${st.id} — ${bothLanguages(st.label)} ==`,
    `Power vs branches per arm (${r.weeks} weeks):`,
    curveTable(st.byBranches, 'branches'),
    `Power and MDE vs weeks (${r.branchesPerArm} branches per arm):`,
    curveTable(st.byWeeks, 'weeks'),
    `At ${r.branchesPerArm} branches per arm × ${r.weeks} weeks: conversion ${pct(c.control)} control, ${pct(c.treatment)} pilot, uplift ${num(c.uplift)} pp (SD ${num(c.upliftSd)} pp); net new money uplift ${cny(a.uplift)} per customer (SD ${cny(a.upliftSd)}).`,
    `MDE at 80% power: conversion ${num(c.mde)} pp simulated vs ${num(c.analytic.mde)} pp formula; net new money ${cny(a.mde)} vs ${cny(a.analytic.mde)} per customer.`,
    `Branches per arm for 80% power: conversion ${crossingText(st.branchesFor80.conversion, maxK)}; net new money ${crossingText(st.branchesFor80.aum, maxK)}.`,
    `Implied ICC (ANOVA across branches, mean over replications): conversion ${num(c.icc.icc, 4)} ± ${num(c.icc.se, 4)}, net new money ${num(a.icc.icc, 4)} ± ${num(a.icc.se, 4)}; ${num(d.customersPerBranch, 0)} targeted customers per branch.`,
    `Formula (planPower, ${df}${de !== null ? `, design effect ${num(de)}` : ''}): conversion power ${num(c.analytic.power)} vs simulated ${num(c.power)} ± ${num(c.powerSe)}; net new money ${num(a.analytic.power)} vs ${num(a.power)} ± ${num(a.powerSe)}.`,
    ...(c.analytic.error ? [`  Formula, conversion: ${plannerErrorLine(c.analytic.error, en)}`] : []),
    ...(a.analytic.error ? [`  Formula, net new money: ${plannerErrorLine(a.analytic.error, en)}`] : []),
    ...notesText(d.notes),
  ].join('\n');
}

/** The plain-text report: design, balance, then per strategy the curves, MDE, ICC and the comparison. */
export function pilotText(r: PilotPlanReport, branchCount: number): string {
  const design =
    r.level === 'branch'
      ? 'branch-randomized (the engine re-draws which half of the selected branches is held out in each replication)'
      : 'customer-randomized within the selected branches';
  const head = [
    `Pilot plan for ${r.scenarioName}: ${r.branchesPerArm} branches per arm, ${r.weeks} weeks, ${design}; ${r.method} selection; ${r.replications} replications per point, seed ${JSON.stringify(r.seed)}; two-sided tests at α = ${r.alpha}.`,
    `Pilot branches:   ${r.selection.pilot.join(' ')}`,
    `Control branches: ${r.selection.control.join(' ')}`,
    `Balance per branch (pilot vs control): ${r.selection.balance.map(balanceLine).join('; ')}.`,
    `CV of branch sizes: ${num(r.cv.selected)} in the selected branches, ${num(r.cv.all)} over all ${branchCount}.`,
    `MDE method: ${mdeMethodText(r.mdeMethod, en)}`,
  ];
  return `${[...head, '', ...r.strategies.map((st) => `${strategyText(st, r)}\n`)].join('\n')}`;
}
