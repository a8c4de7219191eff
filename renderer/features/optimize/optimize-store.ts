// The optimizer screen's own store: the form (kept while the user looks elsewhere), the run's
// progress per stage, every evaluation as it arrives (the search path, streamed) and the result.
// Kept outside the app store, as the sensitivity screen's is: a few numbers per candidate.
import { createStore } from 'zustand/vanilla';
import {
  type Evaluation,
  type Executor,
  type OptimizeResult,
  type OptimizeSpec,
  type OptimizeStage,
  RunCancelled,
  type RunSettings,
  runOptimize,
  type Scenario,
} from '../../../sim/index';
import { failureOf, type SensitivityFailure, type SensitivityStatus } from '../sensitivity/sensitivity-store';
import { initialDraft, type OptimizeDraft } from './optimize-form';

export type { OptimizeStage };

export type OptimizeState = {
  draft: OptimizeDraft;
  status: SensitivityStatus;
  stage: OptimizeStage | null;
  /** Replications done and planned in the current stage (selection's total is known when it starts). */
  done: number;
  total: number;
  /**
   * Replications done and forecast over the whole run (the core's `overall`: refinement's bound until
   * it ends, selection at n0 per finalist until N is known), for one ETA across the stages.
   */
  overallDone: number;
  overallTotal: number;
  /** Since the run started, and since the current stage started. */
  elapsedMs: number;
  stageElapsedMs: number;
  /** Every evaluation in the order it ran: screening candidates, refinement points, the selection re-runs. */
  evaluations: Evaluation[];
  /** The core's current best (feasible, at the most replications run so far); null: none yet. */
  best: Evaluation | null;
  result: OptimizeResult | null;
  /** The spec and settings of the last run (the form may have changed since). */
  spec: OptimizeSpec | null;
  settings: RunSettings | null;
  failure: SensitivityFailure | null;
  source: { hash: string; fileName: string } | null;
};

export function initialOptimize(): OptimizeState {
  return {
    draft: initialDraft(),
    status: 'idle',
    stage: null,
    done: 0,
    total: 0,
    overallDone: 0,
    overallTotal: 0,
    elapsedMs: 0,
    stageElapsedMs: 0,
    evaluations: [],
    best: null,
    result: null,
    spec: null,
    settings: null,
    failure: null,
    source: null,
  };
}

export const optimizeStore = createStore<OptimizeState>()(() => initialOptimize());

/** Change the form (a function of the current draft). */
export function editDraft(edit: (d: OptimizeDraft) => OptimizeDraft): void {
  optimizeStore.setState({ draft: edit(optimizeStore.getState().draft) });
}

let controller: AbortController | null = null;

/** Run the optimizer on an executor (the worker pool), streaming progress and each evaluation. */
export async function startOptimize(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  spec: OptimizeSpec,
  source: OptimizeState['source'],
  now: () => number = () => performance.now(),
): Promise<void> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  const t0 = now();
  let stageT0 = t0;
  let stage: OptimizeStage | null = null;
  const set = (patch: Partial<OptimizeState>) => {
    if (controller === own) optimizeStore.setState(patch);
  };
  set({
    status: 'running',
    stage: 'screening',
    done: 0,
    total: 0,
    overallDone: 0,
    overallTotal: 0,
    elapsedMs: 0,
    stageElapsedMs: 0,
    evaluations: [],
    best: null,
    result: null,
    spec,
    settings,
    failure: null,
    source,
  });
  try {
    const result = await runOptimize(executor, scenario, settings, spec, {
      signal: own.signal,
      onProgress: (p) => {
        const t = now();
        if (p.stage !== stage) {
          stage = p.stage;
          stageT0 = t;
        }
        set({
          stage: p.stage,
          done: p.done,
          total: p.total,
          overallDone: p.overall?.done ?? p.done,
          overallTotal: p.overall?.total ?? p.total,
          elapsedMs: t - t0,
          stageElapsedMs: t - stageT0,
        });
      },
      onPartial: (p) =>
        set({ evaluations: [...optimizeStore.getState().evaluations, p.evaluation], best: p.best }),
    });
    set({ status: 'done', result, elapsedMs: now() - t0 });
  } catch (e) {
    if (e instanceof RunCancelled || own.signal.aborted) set({ status: 'cancelled' });
    else set({ status: 'error', failure: failureOf(e) });
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stop the search at once (its workers are terminated); the candidates evaluated so far stay. */
export function cancelOptimize(): void {
  controller?.abort();
}
