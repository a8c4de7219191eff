// Simulation-based pilot power: turn a scenario into a branch pilot (2k selected branches, half
// held out, w weeks), read the power of the pilot's own test off the Monte Carlo, and set it
// beside the analytic planner fed with the ICC and branch-size CV the simulation implies.
// Pure: the simulation itself is injected as a runner (worker pool in the CLI and the studio).
// This file is the plan (grids, points, curves); pilot-types, pilot-scenario, pilot-analysis and
// pilot-notes hold the rest.
import type { RunSettings } from '../run-settings';
import { bothLanguages } from '../scenario/local-text';
import type { Scenario } from '../scenario/schema';
import { sizeCv } from '../stats/icc';
import { type BranchInfo, selectBranches } from './branch-selection';
import { PlannerInputError } from './errors';
import { pilotScenario } from './pilot-scenario';
import {
  type CurveCrossing,
  type CurvePoint,
  MAX_WEEKS,
  PILOT_ALPHA,
  PILOT_TARGET_POWER,
  type PilotPlanOptions,
  type PilotPlanReport,
  type PilotRunner,
  type PilotStrategyPlan,
  type PilotStrategyPoint,
} from './pilot-types';

/**
 * Grid of values around a centre: ⌈c/2⌉, c, round(1.5c), 2c, clamped to [min, max], unique, ascending.
 */
export function pilotGrid(centre: number, min: number, max: number): number[] {
  const raw = [Math.ceil(centre / 2), centre, Math.round(1.5 * centre), 2 * centre];
  return [...new Set(raw.map((x) => Math.min(max, Math.max(min, x))))].sort((a, b) => a - b);
}

/** Where a rising power curve first reaches `target`, by linear interpolation between grid points. */
export function crossing(points: ReadonlyArray<{ x: number; power: number }>, target: number): CurveCrossing {
  const pts = points.filter((p) => Number.isFinite(p.power));
  if (pts.length === 0) return { value: null, bound: 'beyond-grid' };
  if (pts[0].power >= target) return { value: pts[0].x, bound: 'at-most' };
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (b.power >= target) {
      const t = b.power === a.power ? 1 : (target - a.power) / (b.power - a.power);
      return { value: a.x + t * (b.x - a.x), bound: 'interpolated' };
    }
  }
  return { value: null, bound: 'beyond-grid' };
}

/** Checks the options against the scenario's branches; throws PlannerInputError. */
export function checkPilotOptions(options: PilotPlanOptions, branchCount: number): void {
  const { branchesPerArm: k, weeks, replications } = options;
  const level = options.level ?? 'branch';
  const minK = level === 'branch' ? 2 : 1;
  if (!(Number.isInteger(k) && k >= minK)) {
    throw new PlannerInputError(
      'branchesPerArm',
      k,
      level === 'branch' ? 'too-few-branches-branch' : 'too-few-branches-customer',
    );
  }
  if (2 * k > branchCount) {
    throw new PlannerInputError('branchesPerArm', k, 'more-branches-than-scenario', {
      needed: 2 * k,
      count: branchCount,
      max: Math.floor(branchCount / 2),
    });
  }
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw new PlannerInputError('weeks', weeks, 'not-a-horizon', { max: MAX_WEEKS });
  }
  if (!(Number.isInteger(replications) && replications >= 2)) {
    throw new PlannerInputError('replications', replications, 'too-few-replications-power');
  }
  const h = options.holdoutShare;
  if (h !== undefined && !(h > 0 && h < 1)) {
    throw new PlannerInputError('holdoutShare', h, 'not-a-holdout-share');
  }
}

/**
 * Simulation-based power of a branch pilot: for each branches-per-arm k on a grid (at W weeks)
 * and each weeks w on a grid (at K branches per arm), select 2k branches (nested selections, same
 * seed), build the pilot scenario, run it with `run`, and read off power, MDE, implied ICC/CV and
 * the analytic answer. Points run one after another, in grid order; (K, W) runs once.
 */
export async function simulatePilotPlan(
  scenario: Scenario,
  branches: readonly BranchInfo[],
  options: PilotPlanOptions,
  run: PilotRunner,
): Promise<PilotPlanReport> {
  checkPilotOptions(options, branches.length);
  const level = options.level ?? 'branch';
  const method = options.method ?? 'stratified';
  const holdoutShare = level === 'branch' ? 0.5 : (options.holdoutShare ?? 0.5);
  const K = options.branchesPerArm;
  const W = options.weeks;
  const maxK = Math.floor(branches.length / 2);
  const minK = level === 'branch' ? 2 : 1;
  const kGrid = options.branchGrid ?? pilotGrid(K, minK, maxK);
  const wGrid = options.weekGrid ?? pilotGrid(W, 1, MAX_WEEKS);
  const points: Array<{ k: number; w: number }> = [];
  for (const k of kGrid) points.push({ k, w: W });
  if (!kGrid.includes(K)) points.push({ k: K, w: W });
  for (const w of wGrid) if (w !== W) points.push({ k: K, w });
  const select = (k: number) =>
    selectBranches({ branches, perArm: k, method, stratifyBy: options.stratifyBy, seed: options.seed });
  const results = new Map<string, PilotStrategyPoint[]>();
  const sizes = new Map<string, number>();
  for (const [index, { k, w }] of points.entries()) {
    const selection = select(k);
    const names = [...selection.pilot, ...selection.control];
    const pilot = pilotScenario(
      scenario,
      { branches: names, weeks: w, replications: options.replications, level, holdoutShare },
      branches,
    );
    const settings: RunSettings = { seed: options.seed, replications: options.replications };
    const cv = sizeCv(branches.filter((b) => names.includes(b.name)).map((b) => b.customers));
    const ctx = { branchesPerArm: k, weeks: w, level, holdoutShare, cv };
    const { pilot: analysed } = await run(pilot, settings, { index, count: points.length, pilot: ctx });
    if (!analysed)
      throw new Error('the runner returned no pilot analysis (it must read runs with readPilotRun)');
    results.set(`${k}x${w}`, analysed);
    sizes.set(`${k}x${w}`, cv);
  }
  const selection = select(K);
  const design = results.get(`${K}x${W}`)!;
  const curve = (si: number, list: Array<{ k: number; w: number }>) =>
    list.map(({ k, w }) => curvePoint(results.get(`${k}x${w}`)![si]));
  const strategies = design.map((d, si): PilotStrategyPlan => {
    const byBranches = curve(
      si,
      kGrid.map((k) => ({ k, w: W })),
    );
    const byWeeks = curve(
      si,
      wGrid.map((w) => ({ k: K, w })),
    );
    const on = (key: 'powerConversion' | 'powerAum') =>
      byBranches.map((p) => ({ x: p.branchesPerArm, power: p[key] }));
    return {
      id: d.id,
      label: d.label,
      byBranches,
      byWeeks,
      design: d,
      branchesFor80: {
        conversion: crossing(on('powerConversion'), PILOT_TARGET_POWER),
        aum: crossing(on('powerAum'), PILOT_TARGET_POWER),
      },
    };
  });
  return {
    scenarioName: bothLanguages(scenario.meta.name),
    seed: options.seed,
    branchesPerArm: K,
    weeks: W,
    replications: options.replications,
    level,
    method,
    alpha: PILOT_ALPHA,
    targetPower: PILOT_TARGET_POWER,
    grids: { branches: kGrid, weeks: wGrid },
    selection,
    cv: { all: sizeCv(branches.map((b) => b.customers)), selected: sizes.get(`${K}x${W}`)! },
    mdeMethod: 'replication-sd',
    strategies,
  };
}

function curvePoint(p: PilotStrategyPoint): CurvePoint {
  return {
    branchesPerArm: p.branchesPerArm,
    weeks: p.weeks,
    customersPerArm: (p.targetedTreatment + p.targetedControl) / 2,
    powerConversion: p.conversion.power,
    powerConversionSe: p.conversion.powerSe,
    powerAum: p.aum.power,
    powerAumSe: p.aum.powerSe,
    mdeConversionPp: p.conversion.mde,
    mdeAumCny: p.aum.mde,
    analyticPowerConversion: p.conversion.analytic.power,
    analyticMdeConversionPp: p.conversion.analytic.mde,
    analyticPowerAum: p.aum.analytic.power,
    analyticMdeAumCny: p.aum.analytic.mde,
  };
}
