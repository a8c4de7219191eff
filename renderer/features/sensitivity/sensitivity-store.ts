// The sensitivity screen's own store: the tornado's settings, its progress and its points' figures
// (a few numbers per replication and strategy). Kept outside the app store so the screen keeps its
// results when the user looks elsewhere, without growing the app's state.
import { createStore } from 'zustand/vanilla';
import {
  type Executor,
  type LedgerRow,
  type ReplicationFigures,
  RunCancelled,
  type RunSettings,
  runSobol,
  runSweep,
  runTornado,
  type SaltelliDesign,
  type Scenario,
  SensitivityError,
  type SensitivityOutput,
  type SweepAxis,
  type TornadoPoint,
} from '../../../sim/index';

export type SensitivityStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
/** A failure: a sensitivity code (worded by the catalogue) or a plain message. */
export type SensitivityFailure =
  | { kind: 'code'; error: Pick<SensitivityError, 'code' | 'params' | 'issue'> }
  | { kind: 'text'; text: string };

/** What went wrong in an analysis or a search, for the screen: a sensitivity code, or the error's text. */
export function failureOf(e: unknown): SensitivityFailure {
  if (e instanceof SensitivityError)
    return { kind: 'code', error: { code: e.code, params: e.params, issue: e.issue } };
  return { kind: 'text', text: e instanceof Error ? e.message : String(e) };
}

export type SensitivityMethod = 'tornado' | 'sobol' | 'sweep';
/** A swept parameter as the form holds it (values made at run time). */
export type AxisSpec = { param: string; from: number | null; to: number | null; steps: number };
/** What to run: the tornado, Sobol's design with N base rows, or a sweep over one or two axes. */
export type SensitivityPlan =
  | { method: 'tornado' }
  | { method: 'sobol'; baseRows: number }
  | { method: 'sweep'; axes: SweepAxis[] };

export type SensitivityState = {
  status: SensitivityStatus;
  /** The method chosen on screen (the last run's is `runMethod`). */
  method: SensitivityMethod;
  runMethod: SensitivityMethod | null;
  /** Base rows of the Sobol design chosen by the user; null: the default. */
  baseRows: number | null;
  /** The Sobol run's design (null otherwise). */
  design: SaltelliDesign | null;
  /** The sweep form's axes (x, and y for a two-way sweep) and the last sweep run's axes. */
  sweepX: AxisSpec | null;
  sweepY: AxisSpec | null;
  axes: SweepAxis[];
  output: SensitivityOutput;
  /** null: all strategies together. */
  strategy: string | null;
  /** Replications per point chosen by the user; null: the default. */
  replications: number | null;
  done: number;
  total: number;
  elapsedMs: number;
  ledger: LedgerRow[];
  points: TornadoPoint[];
  figures: Array<ReplicationFigures | undefined>;
  settings: RunSettings | null;
  failure: SensitivityFailure | null;
  /** What the run belongs to (scenario and ledger fingerprint) and the file it came from. */
  source: { hash: string; fileName: string } | null;
};

export const DEFAULT_REPLICATIONS_PER_POINT = 200;
/** Sobol: base rows and replications per point unless the user says otherwise (N(k + 2) points). */
export const DEFAULT_SOBOL_BASE_ROWS = 16;
export const DEFAULT_SOBOL_REPLICATIONS = 10;

export function initialSensitivity(): SensitivityState {
  return {
    status: 'idle',
    method: 'tornado',
    runMethod: null,
    baseRows: null,
    design: null,
    sweepX: null,
    sweepY: null,
    axes: [],
    output: 'modelledNewMoney',
    strategy: null,
    replications: null,
    done: 0,
    total: 0,
    elapsedMs: 0,
    ledger: [],
    points: [],
    figures: [],
    settings: null,
    failure: null,
    source: null,
  };
}

export const sensitivityStore = createStore<SensitivityState>()(() => initialSensitivity());

let controller: AbortController | null = null;

/** Run a plan (tornado, Sobol design or sweep) on an executor, streaming each finished point into the store. */
export async function startSensitivity(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  source: SensitivityState['source'],
  plan: SensitivityPlan = { method: 'tornado' },
  now: () => number = () => performance.now(),
): Promise<void> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  const t0 = now();
  const set = (patch: Partial<SensitivityState>) => {
    if (controller === own) sensitivityStore.setState(patch);
  };
  set({
    status: 'running',
    runMethod: plan.method,
    done: 0,
    total: 0,
    elapsedMs: 0,
    ledger: [],
    points: [],
    design: null,
    axes: plan.method === 'sweep' ? plan.axes : [],
    figures: [],
    settings,
    failure: null,
    source,
  });
  const common = {
    signal: own.signal,
    onProgress: (p: { done: number; total: number }) =>
      set({ done: p.done, total: p.total, elapsedMs: now() - t0 }),
    onPoint: (k: number, fig: ReplicationFigures) => {
      const figures = [...sensitivityStore.getState().figures];
      figures[k] = fig;
      set({ figures });
    },
  };
  try {
    if (plan.method === 'sweep') {
      const points = plan.axes.reduce((n, a) => n * a.values.length, 1);
      set({ total: points * settings.replications });
      await runSweep(executor, scenario, settings, plan.axes, common);
    } else if (plan.method === 'sobol')
      await runSobol(executor, scenario, settings, {
        ...common,
        baseRows: plan.baseRows,
        onStart: (ledger, design) =>
          set({ ledger, design, figures: [], total: design.n * (design.k + 2) * settings.replications }),
      });
    else
      await runTornado(executor, scenario, settings, {
        ...common,
        onStart: (ledger, points) =>
          set({ ledger, points, figures: [], total: points.length * settings.replications }),
      });
    set({ status: 'done', elapsedMs: now() - t0 });
  } catch (e) {
    if (e instanceof RunCancelled || own.signal.aborted) set({ status: 'cancelled' });
    else set({ status: 'error', failure: failureOf(e) });
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stop the running analysis at once (its workers are terminated); finished points stay. */
export function cancelSensitivity(): void {
  controller?.abort();
}
