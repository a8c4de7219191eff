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
  runTornado,
  type SaltelliDesign,
  type Scenario,
  SensitivityError,
  type SensitivityOutput,
  type TornadoPoint,
} from '../../../sim/index';

export type SensitivityStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
/** A failure: a sensitivity code (worded by the catalogue) or a plain message. */
export type SensitivityFailure =
  | { kind: 'code'; error: Pick<SensitivityError, 'code' | 'params' | 'issue'> }
  | { kind: 'text'; text: string };

export type SensitivityMethod = 'tornado' | 'sobol';

export type TornadoState = {
  status: SensitivityStatus;
  /** The method chosen on screen (the last run's is `runMethod`). */
  method: SensitivityMethod;
  runMethod: SensitivityMethod | null;
  /** Base rows of the Sobol design chosen by the user; null: the default. */
  baseRows: number | null;
  /** The Sobol run's design (null for a tornado). */
  design: SaltelliDesign | null;
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

export function initialTornado(): TornadoState {
  return {
    status: 'idle',
    method: 'tornado',
    runMethod: null,
    baseRows: null,
    design: null,
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

export const tornadoStore = createStore<TornadoState>()(() => initialTornado());

let controller: AbortController | null = null;

/** Run the tornado (or, with `baseRows`, the Sobol design) on an executor, streaming each finished point into the store. */
export async function startSensitivity(
  executor: Executor,
  scenario: Scenario,
  settings: RunSettings,
  source: TornadoState['source'],
  sobol: { baseRows: number } | null = null,
  now: () => number = () => performance.now(),
): Promise<void> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  const t0 = now();
  const set = (patch: Partial<TornadoState>) => {
    if (controller === own) tornadoStore.setState(patch);
  };
  set({
    status: 'running',
    runMethod: sobol ? 'sobol' : 'tornado',
    done: 0,
    total: 0,
    elapsedMs: 0,
    ledger: [],
    points: [],
    design: null,
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
      const figures = [...tornadoStore.getState().figures];
      figures[k] = fig;
      set({ figures });
    },
  };
  try {
    if (sobol)
      await runSobol(executor, scenario, settings, {
        ...common,
        baseRows: sobol.baseRows,
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
    else if (e instanceof SensitivityError)
      set({
        status: 'error',
        failure: { kind: 'code', error: { code: e.code, params: e.params, issue: e.issue } },
      });
    else
      set({ status: 'error', failure: { kind: 'text', text: e instanceof Error ? e.message : String(e) } });
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stop the running analysis at once (its workers are terminated); finished points stay. */
export function cancelTornado(): void {
  controller?.abort();
}
