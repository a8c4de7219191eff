// Calibration of a scenario's uncertain parameters to an observed pilot: ABC population Monte
// Carlo (Beaumont, Cornuet, Marin & Robert 2009, "Adaptive approximate Bayesian computation",
// Biometrika 96:983) with local-linear regression adjustment (Beaumont, Zhang & Balding 2002,
// Genetics 162:2025). docs/model.md says why this method and what it assumes.
//
// The engine draws each replication's parameters from the scenario's priors, so a round is one
// run whose priors are the round's proposal: round 0 draws from the prior, later rounds from a
// product of Beta / lognormal / normal proposals fitted to the previous round's accepted particles
// (SD inflated ×2). A particle is (its draws, its pilot summaries); it is weighted by
// prior ÷ proposal density, accepted when its standardized distance to the observed summaries is
// within the round's quantile, and, in the last round, weighted by an Epanechnikov kernel and
// regression-adjusted on the unbounded scale of its prior's support.
import { preparedModel } from '../api';
import { recordLayout } from '../engine/layout';
import { drawRepTables, priorQuantile } from '../engine/params';
import type { BranchInfo } from '../planner/branch-selection';
import type { ReplicationBlock, RunSettings } from '../run-settings';
import { isVariableParam } from '../scenario/cross-check';
import { getParam } from '../scenario/param-path';
import type { Prior, Scenario } from '../scenario/schema';
import { quantileSorted } from '../stats/summary';
import { CalibrationError } from './errors';
import type { CheckedPilot } from './observed-check';
import { observedPilotScenario, PILOT_DATA_FIRST, pilotRunSettings } from './pilot-data';
import {
  fitPrior,
  fromUnbounded,
  priorDensity,
  priorMoments,
  priorSupport,
  type Support,
  toUnbounded,
} from './priors';
import { pilotSummaries, recordTotals, SUMMARY_IDS, type SummaryId } from './summaries';

export type CalibrationParam = { param: string; prior: Prior };

export type CalibrationOptions = {
  /** Parameters to fit; default the scenario's priors (its `uncertainty`). */
  params?: CalibrationParam[];
  /** Simulated pilots per round (default 600). */
  particles?: number;
  /** Rounds including the first from the prior (default 4). */
  rounds?: number;
  /** Share of a round's particles accepted (closest to the observed summaries; default 0.25). */
  acceptShare?: number;
  /** Simulated pilots for the posterior predictive checks (default 400). */
  predictive?: number;
};

/** Runs replications [range) of `scenario` and returns their blocks (a worker pool, or in-process). */
export type BlockRunner = (
  scenario: Scenario,
  settings: RunSettings,
  range: [number, number],
  onProgress: (done: number) => void,
) => Promise<ReplicationBlock[]>;

export type Band = { mean: number; p05: number; p95: number };

export type ParamResult = {
  param: string;
  prior: Band & { spec: Prior };
  posterior: Band & { sd: number; spec: Prior };
  /** Posterior 90% width ÷ prior 90% width. */
  widthRatio: number;
};

export type SummaryCheck = {
  summary: SummaryId;
  observed: number;
  mean: number;
  p05: number;
  p95: number;
  /** Two-sided posterior predictive p-value: 2 × the smaller tail share, (count + 1)/(M + 1). */
  pValue: number;
};

export type RoundInfo = { epsilon: number; accepted: number; ess: number };

export type CalibrationReport = {
  strategy: string;
  design: {
    level: 'branch' | 'customer';
    treatmentBranches: string[];
    controlBranches: string[];
    weeks: number;
  };
  summaries: SummaryId[];
  observed: Partial<Record<SummaryId, number>>;
  params: ParamResult[];
  /** Kish effective sample size of the posterior's weighted particles (all rounds): (Σw)² / Σw². */
  ess: number;
  simulations: number;
  rounds: RoundInfo[];
  checks: SummaryCheck[];
  /** Mean squared standardized distance of the observed summaries from the predictive, and its predictive p-value. */
  discrepancy: { value: number; pValue: number };
  /** The input scenario with the fitted parameters' priors replaced by the posterior. */
  calibrated: Scenario;
};

export type CalibrationProgress = {
  done: number;
  total: number;
  phase: 'round' | 'predictive';
  round: number;
};

/** Leaves that hold a probability (the engine clamps their draws to [0, 1]). */
const PROBABILITY_LEAF = /(base|Rate|Share|Probability|perRecentContact|organicWeekly|share)$/;

const DEFAULTS = { particles: 600, rounds: 4, acceptShare: 0.25, predictive: 400 };
const PROPOSAL_INFLATION = 2;

/** The fitted parameters of a run: given paths with a prior each; checks they can be drawn. */
export function calibrationParams(scenario: Scenario, given?: CalibrationParam[]): CalibrationParam[] {
  const params = given ?? scenario.uncertainty.map((u) => ({ param: u.param, prior: u.prior }));
  if (params.length === 0) throw new CalibrationError('no-params');
  for (const p of params) {
    const v = getParam(scenario, p.param);
    if (typeof v !== 'number') throw new CalibrationError('unknown-param', { value: p.param });
    if (!isVariableParam(p.param)) throw new CalibrationError('param-not-variable', { value: p.param });
  }
  return params;
}

/**
 * A wide default prior for a parameter the scenario gives no prior: uniform from a third of its
 * value to three times it (capped at 1 for a probability).
 */
export function widePrior(scenario: Scenario, param: string): Prior {
  const isProbability = PROBABILITY_LEAF.test(param.split('.').pop() ?? '');
  const v = getParam(scenario, param);
  if (typeof v !== 'number') throw new CalibrationError('unknown-param', { value: param });
  if (!(v > 0)) throw new CalibrationError('param-fixed', { value: param, current: v });
  return { type: 'uniform', min: v / 3, max: isProbability ? Math.min(1, 3 * v) : 3 * v };
}

/** `scenario` with these priors on the fitted parameters (other priors kept). */
export function withPriors(scenario: Scenario, params: CalibrationParam[], priors: Prior[]): Scenario {
  const fitted = new Set(params.map((p) => p.param));
  const kept = scenario.uncertainty.filter((u) => !fitted.has(u.param));
  return {
    ...scenario,
    uncertainty: [...params.map((p, j) => ({ param: p.param, prior: priors[j] })), ...kept],
  };
}

type Particles = { theta: number[][]; s: number[][] };

async function simulate(
  pilot: Scenario,
  settings: RunSettings,
  range: [number, number],
  nParams: number,
  si: number,
  ids: SummaryId[],
  run: BlockRunner,
  onProgress: (done: number) => void,
): Promise<Particles> {
  const blocks = await run(pilot, settings, range, onProgress);
  const model = preparedModel(pilot, settings.seed);
  const len = recordLayout(pilot).length;
  const cache = new Map<string, Int32Array>();
  const theta: number[][] = [];
  const s: number[][] = [];
  for (const b of [...blocks].sort((x, y) => x.start - y.start)) {
    for (let r = b.start; r < b.end; r++) {
      const draws = drawRepTables(model, r, settings.replications, cache).draws;
      theta.push(draws.slice(0, nParams));
      const t = recordTotals(pilot, b.data, (r - b.start) * len, si);
      const sum = pilotSummaries(t.treatment, t.control);
      s.push(ids.map((id) => sum[id] ?? Number.NaN));
    }
  }
  return { theta, s };
}

/** Robust scale of each summary over simulated pilots: 1.4826 × MAD, else the SD, else 1. */
function scales(s: number[][], k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const col = s
      .map((x) => x[j])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const med = quantileSorted(col, 0.5);
    const mad = quantileSorted(
      col.map((x) => Math.abs(x - med)).sort((a, b) => a - b),
      0.5,
    );
    const mean = col.reduce((a, b) => a + b, 0) / Math.max(1, col.length);
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, col.length - 1));
    out.push(mad > 0 ? 1.4826 * mad : sd > 0 ? sd : 1);
  }
  return out;
}

/** Weighted mean, SD and quantiles. */
export function weightedBand(x: number[], w: number[]): Band & { sd: number } {
  const W = w.reduce((a, b) => a + b, 0);
  const mean = x.reduce((a, v, i) => a + v * w[i], 0) / W;
  const sd = Math.sqrt(x.reduce((a, v, i) => a + w[i] * (v - mean) ** 2, 0) / W);
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const q = (p: number) => {
    let c = 0;
    for (const i of order) {
      c += w[i] / W;
      if (c >= p) return x[i];
    }
    return x[order[order.length - 1]];
  };
  return { mean, sd, p05: q(0.05), p95: q(0.95) };
}

/** Solve A x = b (small, symmetric positive semi-definite; a tiny ridge keeps it regular). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [
    ...row.map((v, j) => v + (i === j ? 1e-9 * (1 + Math.abs(A[i][i])) : 0)),
    b[i],
  ]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (M[c][c] === 0) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/** Weighted least squares of y on [1, x]: the coefficients, intercept first. */
function fitLinear(y: number[], x: number[][], w: number[]): number[] {
  const p = (x[0]?.length ?? 0) + 1;
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  y.forEach((yi, i) => {
    const row = [1, ...x[i]];
    for (let a = 0; a < p; a++) {
      b[a] += w[i] * row[a] * yi;
      for (let c = 0; c < p; c++) A[a][c] += w[i] * row[a] * row[c];
    }
  });
  return solve(A, b);
}

/** Local-linear regression adjustment of y (one parameter, unbounded scale) on summary differences x. */
function regressionAdjust(y: number[], x: number[][], w: number[]): number[] {
  const beta = fitLinear(y, x, w);
  return y.map((yi, i) => yi - x[i].reduce((a, v, k) => a + beta[k + 1] * v, 0));
}

/**
 * Semi-automatic summaries (Fearnhead & Prangle 2012, JRSS B 74:419): on the first round's pilots,
 * regress each parameter (on the unbounded scale of its prior) on the standardized summaries; the
 * fitted values are one summary per parameter. Returns, for a pilot's summaries, the difference of
 * its projections from the observed pilot's, each in units of the projection's SD over the round.
 */
function projection(
  sims: Particles,
  sObs: number[],
  scale: number[],
  supports: Support[],
): (sv: number[]) => number[] {
  const z = (sv: number[]) => sv.map((v, j) => (Number.isFinite(v) ? (v - sObs[j]) / scale[j] : 0));
  const X = sims.s.map(z);
  const w = X.map(() => 1);
  const betas = supports.map((sup, j) => {
    const y = sims.theta.map((th) => toUnbounded(th[j], sup));
    return fitLinear(y, X, w);
  });
  const proj = (x: number[]) => betas.map((b) => x.reduce((a, v, m) => a + b[m + 1] * v, 0));
  const all = X.map(proj);
  const sds = betas.map((_, j) => {
    const col = all.map((p) => p[j]);
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, col.length - 1));
    return sd > 0 ? sd : 1;
  });
  return (sv) => proj(z(sv)).map((v, j) => v / sds[j]);
}

/**
 * Fit the scenario's uncertain parameters (or `options.params`) to an observed pilot (checked by
 * checkObserved against this scenario). Deterministic in (scenario, pilot, options): every
 * simulated pilot is a fixed replication of the run on the scenario's seed.
 */
export async function calibrate(
  scenario: Scenario,
  observed: CheckedPilot,
  branches: readonly BranchInfo[],
  options: CalibrationOptions,
  run: BlockRunner,
  onProgress?: (p: CalibrationProgress) => void,
): Promise<CalibrationReport> {
  const o = {
    particles: options.particles ?? DEFAULTS.particles,
    rounds: options.rounds ?? DEFAULTS.rounds,
    acceptShare: options.acceptShare ?? DEFAULTS.acceptShare,
    predictive: options.predictive ?? DEFAULTS.predictive,
  };
  const params = calibrationParams(scenario, options.params);
  const pilotBase = observedPilotScenario(scenario, observed, branches);
  const si = pilotBase.strategies.findIndex((s) => s.id === observed.strategy);
  if (si < 0) throw new CalibrationError('unknown-strategy', { value: observed.strategy });
  const obsAll = pilotSummaries(observed.treatment, observed.control);
  const ids = SUMMARY_IDS.filter((id) => obsAll[id] !== null);
  if (ids.length === 0) throw new CalibrationError('no-summaries');
  const sObs = ids.map((id) => obsAll[id] as number);
  const N = o.particles;
  const total = o.rounds * N + o.predictive;
  if (total > PILOT_DATA_FIRST) throw new CalibrationError('too-few-particles', { max: PILOT_DATA_FIRST });
  const settings = pilotRunSettings(scenario);
  const priors = params.map((p) => p.prior);
  const supports: Support[] = priors.map(priorSupport);
  const k = params.length;

  let proposal = priors;
  let scale: number[] = [];
  let project: (sv: number[]) => number[] = () => [];
  const rounds: RoundInfo[] = [];
  const proposals: Prior[][] = [];
  const pool: { theta: number[][]; dx: number[][]; dist: number[] } = { theta: [], dx: [], dist: [] };
  let epsFinal = Number.NaN;
  for (let t = 0; t < o.rounds; t++) {
    const range: [number, number] = [t * N, (t + 1) * N];
    const q = proposal;
    const sims = await simulate(withPriors(pilotBase, params, q), settings, range, k, si, ids, run, (d) =>
      onProgress?.({ done: t * N + d, total, phase: 'round', round: t }),
    );
    if (t === 0) {
      scale = scales(sims.s, ids.length);
      project = projection(sims, sObs, scale, supports);
    }
    const dx = sims.s.map((sv) => project(sv));
    const dist = dx.map((d) => Math.sqrt(d.reduce((a, v) => a + v * v, 0)));
    const eps = quantileSorted(
      [...dist].sort((a, b) => a - b),
      o.acceptShare,
    );
    const isLast = t === o.rounds - 1;
    const w = sims.theta.map((th, i) => {
      if (!(dist[i] <= eps)) return 0;
      let ratio = 1;
      for (let j = 0; j < k; j++) {
        const num = priorDensity(priors[j], th[j]);
        const den = priorDensity(q[j], th[j]);
        ratio *= den > 0 ? num / den : 0;
      }
      return ratio;
    });
    const sw = w.reduce((a, b) => a + b, 0);
    const ess = sw > 0 ? (sw * sw) / w.reduce((a, b) => a + b * b, 0) : 0;
    rounds.push({ epsilon: eps, accepted: w.filter((x) => x > 0).length, ess });
    if (!(sw > 0)) throw new CalibrationError('too-few-particles', { max: PILOT_DATA_FIRST });
    proposals.push(q);
    pool.theta.push(...sims.theta);
    pool.dx.push(...dx);
    pool.dist.push(...dist);
    // The posterior's tolerance is tighter than the rounds' (half their share of the last round):
    // with every round's particles pooled there are enough within it.
    if (isLast)
      epsFinal = quantileSorted(
        [...dist].sort((a, b) => a - b),
        o.acceptShare / 2,
      );
    else
      proposal = params.map((_, j) => {
        const b = weightedBand(
          sims.theta.map((th) => th[j]),
          w,
        );
        return fitPrior(b.mean, PROPOSAL_INFLATION * b.sd, supports[j]);
      });
  }
  // The posterior uses the particles of every round within the last round's tolerance, each
  // weighted by prior ÷ the equal mixture of the rounds' proposals (deterministic-mixture
  // importance weights, Veach & Guibas 1995; Cornuet et al. 2012's AMIS): round 0's prior keeps
  // the weights bounded where later proposals are thin, and no simulated pilot is wasted.
  const density = (ps: Prior[], th: number[]) => ps.reduce((a, pr, j) => a * priorDensity(pr, th[j]), 1);
  const weightOf = (i: number) => {
    const d = pool.dist[i];
    if (!(d <= epsFinal)) return 0;
    const th = pool.theta[i];
    const mix = proposals.reduce((a, q) => a + density(q, th), 0) / proposals.length;
    const kernel = epsFinal > 0 ? Math.max(0, 1 - (d / epsFinal) ** 2) : 1;
    return mix > 0 ? (density(priors, th) / mix) * kernel : 0;
  };
  const all = pool.theta.map((_, i) => weightOf(i));
  const keep = all.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (keep.length === 0) throw new CalibrationError('too-few-particles', { max: PILOT_DATA_FIRST });
  const wK = keep.map((i) => all[i]);
  const xK = keep.map((i) => pool.dx[i]);
  const results: ParamResult[] = params.map((p, j) => {
    const y = keep.map((i) => toUnbounded(pool.theta[i][j], supports[j]));
    const adjusted = (keep.length > 4 * (k + 1) ? regressionAdjust(y, xK, wK) : y).map((v) =>
      fromUnbounded(v, supports[j]),
    );
    const post = weightedBand(adjusted, wK);
    const pm = priorMoments(p.prior);
    const prior = { mean: pm.mean, p05: priorQuantile(p.prior, 0.05), p95: priorQuantile(p.prior, 0.95) };
    // The band is the fitted posterior's (what the calibrated scenario draws from): smoother than
    // the 5th and 95th weighted percentiles of a few dozen effective particles, which fall short.
    const spec = fitPrior(post.mean, post.sd, supports[j]);
    const inside = (x: number) => Math.min(supports[j].hi, Math.max(supports[j].lo, x));
    const band = { p05: inside(priorQuantile(spec, 0.05)), p95: inside(priorQuantile(spec, 0.95)) };
    return {
      param: p.param,
      prior: { ...prior, spec: p.prior },
      posterior: { mean: post.mean, sd: post.sd, ...band, spec },
      widthRatio: (band.p95 - band.p05) / (prior.p95 - prior.p05),
    };
  });
  const sw = wK.reduce((a, b) => a + b, 0);
  const ess = (sw * sw) / wK.reduce((a, b) => a + b * b, 0);
  const posteriorPriors = results.map((r) => r.posterior.spec);

  // Posterior predictive: pilots simulated from the calibrated scenario itself.
  const start = o.rounds * N;
  const pred = await simulate(
    withPriors(pilotBase, params, posteriorPriors),
    settings,
    [start, start + o.predictive],
    k,
    si,
    ids,
    run,
    (d) => onProgress?.({ done: start + d, total, phase: 'predictive', round: o.rounds }),
  );
  const M = pred.s.length;
  const moments = ids.map((_, j) => {
    const col = pred.s.map((s) => s[j]).filter(Number.isFinite);
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, col.length - 1));
    return { col: [...col].sort((a, b) => a - b), mean, sd };
  });
  // A figure that no simulated pilot varies and the pilot matches (e.g. products gained by a
  // strategy that sells a product everyone holds) is no check; a constant the pilot misses stays.
  const isInformative = (j: number) => moments[j].sd > 0 || sObs[j] !== moments[j].mean;
  const checks: SummaryCheck[] = ids
    .flatMap((_id, j) => (isInformative(j) ? [j] : []))
    .map((j) => {
      const id = ids[j];
      const { col, mean } = moments[j];
      const lo = col.filter((v) => v <= sObs[j]).length;
      const hi = col.filter((v) => v >= sObs[j]).length;
      return {
        summary: id,
        observed: sObs[j],
        mean,
        p05: quantileSorted(col, 0.05),
        p95: quantileSorted(col, 0.95),
        pValue: Math.min(1, (2 * (Math.min(lo, hi) + 1)) / (col.length + 1)),
      };
    });
  const disc = (s: number[]) =>
    s.reduce((a, v, j) => a + (moments[j].sd > 0 ? ((v - moments[j].mean) / moments[j].sd) ** 2 : 0), 0) /
    ids.length;
  const dObs = disc(sObs);
  const above = pred.s.filter((s) => disc(s) >= dObs).length;
  return {
    strategy: observed.strategy,
    design: {
      level: observed.level,
      treatmentBranches: observed.treatmentBranches,
      controlBranches: observed.controlBranches,
      weeks: observed.weeks,
    },
    summaries: ids,
    observed: Object.fromEntries(ids.map((id, j) => [id, sObs[j]])),
    params: results,
    ess,
    simulations: o.rounds * N + M,
    rounds,
    checks,
    discrepancy: { value: dObs, pValue: (above + 1) / (M + 1) },
    calibrated: withPriors(scenario, params, posteriorPriors),
  };
}
