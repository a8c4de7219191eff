// The optimizer: the best plan over decision variables, for an objective under constraints, on
// noisy simulation output. Three stages, every candidate on the same seed (common random numbers):
// 1. screening: every grid point (or a seeded sample of at most maxCandidates) plus the current
//    plan, at few replications;
// 2. refinement: a compass search halving the step around the best screened candidate, on the same
//    replications, finds an optimum between grid points (optimize-refine.ts); then the best
//    `finalists` by the objective among all points meeting the constraints go on;
// 3. selection: the two-stage indifference-zone procedure for common random numbers of Nelson &
//    Matejcik (1995), Bonferroni form: from the screening replications, the variance S² of each
//    finalist pair's paired differences sets the replications N = max(n0, ⌈(t·S/δ)²⌉), t the
//    Student quantile t(1 − α/(k − 1), n0 − 1); the finalists and the current plan are re-run at N
//    and the best mean is selected — within δ of the true best with probability ≥ 1 − α.
// The best few are reported with paired differences vs the current plan (mean, SE, 90% interval);
// each constraint is judged by its estimate and flagged when its bound lies within 1.645 SE.
import { type AbortSignalLike, type Executor, RunCancelled } from '../executor';
import type { RunSettings } from '../run-settings';
import { getValue, setValue } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { tQuantile } from '../stats/dist';
import { SensitivityError } from './errors';
import { type Choice, compassSearch, type Refinement } from './optimize-refine';
import type { OptimizeSpec, OptimizeVariable } from './optimize-spec';
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

/** z of a two-sided 90% interval (and of the one-sided 95% feasibility margin). */
const Z90 = 1.6448536269514722;

export type { Choice, Refinement };

/** The values a variable can take: a range's grid (from, from + step, … ≤ to) or the choices. */
export function variableValues(v: OptimizeVariable): Choice[] {
  if ('choices' in v) return [...v.choices];
  const n = Math.floor((v.to - v.from) / v.step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((v.from + i * v.step).toPrecision(12)));
}

/** The current plan's value of each variable (as the scenario has it). */
export function currentValues(s: Scenario, spec: Pick<OptimizeSpec, 'variables'>): Choice[] {
  return spec.variables.map((v) => {
    const r = getValue(s, v.param);
    if (!r.ok || typeof r.value === 'boolean')
      throw new SensitivityError('not-a-parameter', { param: v.param });
    return r.value;
  });
}

/** The scenario with each variable at its value (numbers via pointScenario, so priors stay in place). */
export function candidateScenario(
  base: Scenario,
  spec: Pick<OptimizeSpec, 'variables'>,
  values: readonly Choice[],
): Scenario {
  const s = JSON.parse(JSON.stringify(base)) as Scenario;
  const numeric: { param: string; value: number }[] = [];
  spec.variables.forEach((v, i) => {
    const x = values[i];
    if (typeof x === 'number') numeric.push({ param: v.param, value: x });
    else if (setValue(s, v.param, x)) throw new SensitivityError('not-a-parameter', { param: v.param });
  });
  return pointScenario(s, numeric);
}

/** Seeded 32-bit generator (mulberry32) for the screening sample; the seed string hashed FNV-1a. */
function sampler(seed: string): () => number {
  let a = 2166136261;
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The screening candidates: the whole grid when it fits, else a seeded sample of maxCandidates. */
export function screeningCandidates(spec: OptimizeSpec, seed: string): Choice[][] {
  const axes = spec.variables.map(variableValues);
  const size = axes.reduce((m, a) => m * a.length, 1);
  const at = (k: number) => {
    const out: Choice[] = [];
    let rest = k;
    for (const a of axes) {
      out.push(a[rest % a.length]);
      rest = Math.floor(rest / a.length);
    }
    return out;
  };
  const max = spec.screening.maxCandidates;
  if (size <= max) return Array.from({ length: size }, (_, k) => at(k));
  const rnd = sampler(`${seed}/optimize`);
  const picked = new Set<number>();
  while (picked.size < max) picked.add(Math.floor(rnd() * size));
  return [...picked].sort((a, b) => a - b).map(at);
}

export type Measure = { output: SensitivityOutput; strategy: string | null };

export type ConstraintResult = Measure & {
  min?: number;
  max?: number;
  estimate: number;
  se: number;
  /** The estimate meets the bound. */
  met: boolean;
  /** The bound lies within 1.645 SE of the estimate: more replications could change `met`. */
  close: boolean;
};

export type Evaluation = {
  values: Choice[];
  stage: OptimizeStage;
  replications: number;
  isCurrent: boolean;
  objective: number;
  objectiveSe: number;
  tradeOff: number;
  constraints: ConstraintResult[];
  feasible: boolean;
};

export type Comparison = {
  values: Choice[];
  objective: number;
  objectiveSe: number;
  /** Candidate − current plan on the same replications: mean, paired SE, 90% interval. */
  vsCurrent: { diff: number; se: number; low: number; high: number };
  constraints: ConstraintResult[];
  feasible: boolean;
};

export type OptimizeResult = {
  seed: string;
  screeningReplications: number;
  selectionReplications: number;
  /** Largest paired-difference SD among finalists (screening), which set selectionReplications. */
  pairedSd: number;
  /** Bonferroni t quantile of the selection stage. */
  t: number;
  /** True when maxReplications capped N below what δ and the confidence asked for. */
  capped: boolean;
  current: Comparison;
  /** The finalists at selection replications, best first (feasible ones first). */
  finalists: Comparison[];
  /** The selected plan, or null when no candidate meets the constraints. */
  best: Comparison | null;
  /** The search between grid points, or null when it was off or nothing could start it. */
  refinement: Refinement | null;
  /** Every evaluation in the order it ran. */
  path: Evaluation[];
  /** Screening and refinement points no other beats on both the objective and the trade-off (lower is better). */
  pareto: Evaluation[];
};

export type OptimizeStage = 'screening' | 'refinement' | 'selection';

/**
 * Replications done of the stage's total (refinement: of its bound, maxEvaluations × n0), and of
 * the whole optimization: `overall.total` is a forecast that settles as the stages fix their sizes
 * (refinement's bound until it ends; selection at n0 per finalist until N is known) — for an ETA.
 */
export type OptimizeProgress = {
  stage: OptimizeStage;
  done: number;
  total: number;
  overall?: { done: number; total: number };
};

/**
 * After each evaluation, what a UI streams (plain data, structured-clonable): the new evaluation,
 * how many have run, an upper bound on how many will, and the current best — the feasible
 * evaluation with the best objective among those at the most replications run so far.
 */
export type OptimizePartial = {
  stage: OptimizeStage;
  evaluation: Evaluation;
  evaluations: number;
  planned: number;
  best: Evaluation | null;
};

export type OptimizeOptions = {
  onProgress?: (p: OptimizeProgress) => void;
  onEvaluation?: (e: Evaluation) => void;
  onPartial?: (p: OptimizePartial) => void;
  signal?: AbortSignalLike;
};

const sign = (spec: OptimizeSpec) => (spec.objective.sense === 'maximize' ? 1 : -1);
const measure = (m: { output: SensitivityOutput; strategy?: string | null }): Measure => ({
  output: m.output,
  strategy: m.strategy ?? null,
});

function constraintsOf(spec: OptimizeSpec, fig: ReplicationFigures): ConstraintResult[] {
  return spec.constraints.map((c) => {
    const s = outputSamples(fig, c.output, c.strategy ?? null);
    const estimate = estimateOf(s);
    const se = estimateSe(s);
    const met = (c.max === undefined || estimate <= c.max) && (c.min === undefined || estimate >= c.min);
    const near = (b: number | undefined) => b !== undefined && Math.abs(estimate - b) <= Z90 * se;
    return { ...measure(c), min: c.min, max: c.max, estimate, se, met, close: near(c.max) || near(c.min) };
  });
}

function evaluate(
  spec: OptimizeSpec,
  values: Choice[],
  fig: ReplicationFigures,
  stage: Evaluation['stage'],
  isCurrent: boolean,
): Evaluation {
  const o = outputSamples(fig, spec.objective.output, spec.objective.strategy ?? null);
  const t = measure(spec.tradeOff ?? { output: 'cost' });
  const constraints = constraintsOf(spec, fig);
  return {
    values,
    stage,
    replications: fig.replications,
    isCurrent,
    objective: estimateOf(o),
    objectiveSe: estimateSe(o),
    tradeOff: estimateOf(outputSamples(fig, t.output, t.strategy)),
    constraints,
    feasible: constraints.every((c) => c.met),
  };
}

/** The candidates no other beats on both the objective (by its sense) and the trade-off (lower better). */
export function paretoFront(spec: OptimizeSpec, evals: readonly Evaluation[]): Evaluation[] {
  const g = sign(spec);
  const beats = (a: Evaluation, b: Evaluation) =>
    g * a.objective >= g * b.objective &&
    a.tradeOff <= b.tradeOff &&
    (g * a.objective > g * b.objective || a.tradeOff < b.tradeOff);
  return evals
    .filter((e) => !evals.some((o) => o !== e && beats(o, e)))
    .sort((a, b) => a.tradeOff - b.tradeOff);
}

const sameValues = (a: readonly Choice[], b: readonly Choice[]) => a.every((x, i) => x === b[i]);

/**
 * How far an evaluation is from meeting its constraints: the sum over broken bounds of the
 * shortfall in SEs (in units of the bound when the SE is 0: a figure without noise).
 */
function violation(e: Evaluation): number {
  let v = 0;
  for (const c of e.constraints) {
    if (c.met) continue;
    const gap = Math.max(
      c.max === undefined ? 0 : c.estimate - c.max,
      c.min === undefined ? 0 : c.min - c.estimate,
    );
    const unit = c.se > 0 ? c.se : Math.max(Math.abs(c.max ?? c.min ?? 0), 1e-12);
    v += Number.isFinite(gap) ? gap / unit : Number.POSITIVE_INFINITY;
  }
  return v;
}

/**
 * a strictly beats b (g = 1 to maximize, −1 to minimize): meeting the constraints first, then the objective by its sense; between two
 * points that both break a bound, the one nearer to meeting them (so the search heads for them).
 */
export function beats(g: number, a: Evaluation, b: Evaluation): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  if (!a.feasible) return violation(a) < violation(b);
  return g * a.objective > g * b.objective;
}

/**
 * Run screening, refinement and selection on the executor. Every grid candidate is checked before
 * anything runs; a refinement point the scenario refuses is skipped. Cancelling (opts.signal)
 * stops at the next run with RunCancelled, in any stage.
 */
export async function runOptimize(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  spec: OptimizeSpec,
  opts: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const g = sign(spec);
  const currentVals = currentValues(scenario, spec);
  const grid = screeningCandidates(spec, settings.seed).filter((v) => !sameValues(v, currentVals));
  const candidates = [currentVals, ...grid];
  const scenarios = candidates.map((v) => candidateScenario(scenario, spec, v));
  const path: Evaluation[] = [];
  let best: Evaluation | null = null;
  const stopIfCancelled = () => {
    if (opts.signal?.aborted) throw new RunCancelled();
  };
  const record = (e: Evaluation, planned: number) => {
    path.push(e);
    // The current best: feasible, at the most replications run so far (selection supersedes screening).
    if (
      e.feasible &&
      (best === null ||
        e.replications > best.replications ||
        (e.replications === best.replications && g * e.objective > g * best.objective))
    )
      best = e;
    opts.onEvaluation?.(e);
    opts.onPartial?.({
      stage: e.stage,
      evaluation: e,
      evaluations: path.length,
      planned,
      best,
    });
  };
  // Replications of finished runs, and the forecast per stage (for overall progress).
  let finished = 0;
  const forecast = { screening: 0, refinement: 0, selection: 0 };
  const figuresAt = async (
    s: Scenario,
    n: number,
    stage: OptimizeProgress['stage'],
    before: number,
    total: number,
  ) => {
    stopIfCancelled();
    const overallTotal = forecast.screening + forecast.refinement + forecast.selection;
    const blocks = await executor.run(
      s,
      { ...settings, replications: n },
      {
        signal: opts.signal,
        onProgress: (d) =>
          opts.onProgress?.({
            stage,
            done: before + d,
            total,
            overall: { done: finished + d, total: overallTotal },
          }),
      },
    );
    finished += n;
    return replicationFigures(s, blocks);
  };

  // Stage 1: screening.
  const n0 = spec.screening.replications;
  const hasRange = spec.variables.some((v) => 'step' in v);
  const refineOn = hasRange && spec.refine.maxEvaluations > 0 && spec.refine.halvings > 0;
  forecast.screening = candidates.length * n0;
  forecast.refinement = refineOn ? spec.refine.maxEvaluations * n0 : 0;
  forecast.selection = (Math.min(spec.selection.finalists, candidates.length) + 1) * n0;
  const screenFigs: ReplicationFigures[] = [];
  const planned = () => candidates.length + spec.refine.maxEvaluations + spec.selection.finalists + 1;
  for (let k = 0; k < candidates.length; k++) {
    const fig = await figuresAt(scenarios[k], n0, 'screening', k * n0, candidates.length * n0);
    screenFigs.push(fig);
    record(evaluate(spec, candidates[k], fig, 'screening', k === 0), planned());
  }
  const order = (evals: readonly Evaluation[]) => {
    const ranked = evals.map((e, k) => ({ e, k })).sort((a, b) => g * b.e.objective - g * a.e.objective);
    const feasible = ranked.filter(({ e }) => e.feasible);
    // Constraints close to their bound may flip with more replications: when nothing meets them
    // at screening, the closest-to-feasible candidates go on rather than none.
    return feasible.length
      ? feasible
      : ranked.filter(({ e }) => e.constraints.every((c) => c.met || c.close));
  };

  // Stage 2: refinement between grid points, from the best screened candidate.
  let refinement: Refinement | null = null;
  const start = order(path)[0];
  if (!start) forecast.refinement = 0;
  if (start && refineOn) {
    const byKey = new Map(path.map((e, k) => [JSON.stringify(e.values), k]));
    const refineTotal = spec.refine.maxEvaluations * n0;
    let runs = 0;
    const r = await compassSearch<Evaluation>({
      start: start.e,
      variables: spec.variables,
      settings: spec.refine,
      better: (a, b) => beats(g, a, b),
      known: (values) => {
        const k = byKey.get(JSON.stringify(values));
        return k === undefined ? undefined : path[k];
      },
      evaluate: async (values) => {
        let sc: Scenario;
        try {
          sc = candidateScenario(scenario, spec, values);
        } catch (e) {
          if (e instanceof SensitivityError && e.code === 'bad-point') return null;
          throw e;
        }
        const fig = await figuresAt(sc, n0, 'refinement', runs * n0, refineTotal);
        runs++;
        candidates.push(values);
        scenarios.push(sc);
        screenFigs.push(fig);
        const e = evaluate(spec, values, fig, 'refinement', false);
        byKey.set(JSON.stringify(values), candidates.length - 1);
        record(e, planned());
        return e;
      },
    });
    refinement = r.refinement;
    forecast.refinement = r.refinement.evaluations * n0;
  }
  const screened = path.slice();
  const finalistIdx = order(screened)
    .slice(0, spec.selection.finalists)
    .map((x) => x.k);

  // Stage 3: replications from the paired differences' variance (Nelson & Matejcik 1995).
  const kk = finalistIdx.length;
  const alpha = 1 - spec.selection.confidence;
  const t = kk > 1 ? tQuantile(1 - alpha / (kk - 1), n0 - 1) : 0;
  const objectiveOf = (f: ReplicationFigures) =>
    outputSamples(f, spec.objective.output, spec.objective.strategy ?? null);
  let pairedSd = 0;
  for (let i = 0; i < kk; i++)
    for (let j = i + 1; j < kk; j++) {
      const a = objectiveOf(screenFigs[finalistIdx[i]]);
      const b = objectiveOf(screenFigs[finalistIdx[j]]);
      pairedSd = Math.max(pairedSd, pairedChange(a, b).se * Math.sqrt(n0));
    }
  const wanted = Math.max(n0, Math.ceil(((t * pairedSd) / spec.selection.indifference) ** 2));
  const n1 = Math.min(spec.selection.maxReplications, wanted);
  const rerun = [0, ...finalistIdx.filter((k) => k !== 0)];
  forecast.selection = rerun.length * n1;
  const finalFigs = new Map<number, ReplicationFigures>();
  for (const [i, k] of rerun.entries()) {
    const fig = await figuresAt(scenarios[k], n1, 'selection', i * n1, rerun.length * n1);
    finalFigs.set(k, fig);
    record(evaluate(spec, candidates[k], fig, 'selection', k === 0), path.length + rerun.length - i);
  }
  const currentFig = finalFigs.get(0) as ReplicationFigures;
  const compare = (k: number): Comparison => {
    const fig = finalFigs.get(k) as ReplicationFigures;
    const e = evaluate(spec, candidates[k], fig, 'selection', k === 0);
    const c = pairedChange(objectiveOf(currentFig), objectiveOf(fig));
    return {
      values: candidates[k],
      objective: e.objective,
      objectiveSe: e.objectiveSe,
      vsCurrent: { diff: c.diff, se: c.se, low: c.diff - Z90 * c.se, high: c.diff + Z90 * c.se },
      constraints: e.constraints,
      feasible: e.feasible,
    };
  };
  const finalists = finalistIdx
    .map(compare)
    .sort((a, b) => Number(b.feasible) - Number(a.feasible) || g * b.objective - g * a.objective);
  return {
    seed: settings.seed,
    screeningReplications: n0,
    selectionReplications: n1,
    pairedSd,
    t,
    capped: n1 < wanted,
    current: compare(0),
    finalists,
    best: finalists.find((f) => f.feasible) ?? null,
    refinement,
    path,
    pareto: paretoFront(spec, screened),
  };
}
