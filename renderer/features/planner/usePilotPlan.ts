// Runs the simulated pilot plan (and then the rollout forecast) for the current scenario, with
// progress and cancel. Results stay in this screen's state: they belong to one planning session.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type BranchInfo,
  branchInfos,
  forecastRollout,
  type PilotPlanReport,
  type PilotRunner,
  PlannerInputError,
  type RolloutForecast,
  type RolloutStage,
  type Scenario,
  type SelectionMethod,
  simulatePilotPlan,
} from '../../../sim/index';
import { type ActiveRun, activeRun, setActiveRun } from '../run/active-run';
import { type PlannerSimulator, RunStopped } from './simulator';

/** 'busy': another simulation (a run, a comparison, the other planner job) holds the pool. */
export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'busy';

export type Job<T> = {
  status: JobStatus;
  done: number;
  planned: number;
  value: T | null;
  /** What went wrong, when it is not a planner input error. */
  error: string | null;
  /** A planner input error (worded by the message catalogue in the studio's language). */
  plannerError: Pick<PlannerInputError, 'value' | 'code' | 'params'> | null;
  /** The planner input the error is about (branchesPerArm, weeks, replications), when it is one. */
  errorInput: string | null;
};

const idle = <T>(): Job<T> => ({
  status: 'idle',
  done: 0,
  planned: 0,
  value: null,
  error: null,
  plannerError: null,
  errorInput: null,
});

export type PilotRequest = {
  branchesPerArm: number;
  weeks: number;
  replications: number;
  method: SelectionMethod;
};
export type PilotResult = { report: PilotPlanReport; branches: BranchInfo[] };
export type RolloutRequest = { stages: RolloutStage[]; replications: number };

function errorOf(e: unknown): Pick<Job<unknown>, 'error' | 'plannerError' | 'errorInput'> {
  if (e instanceof PlannerInputError)
    return {
      error: null,
      plannerError: { value: e.value, code: e.code, params: e.params },
      errorInput: e.input,
    };
  return { error: e instanceof Error ? e.message : String(e), plannerError: null, errorInput: null };
}

/**
 * One cancellable job at a time: run(work) → state with progress; cancel() aborts it. The job is
 * the studio's active run while it lasts, so the run panel's Cancel stops it and no run or
 * comparison starts beside it (nor it beside them).
 */
function useJob<T>() {
  const [job, setJob] = useState<Job<T>>(idle);
  const abort = useRef<AbortController | null>(null);
  const mine = useRef<ActiveRun | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const run = useCallback(
    async (work: (signal: AbortSignal, progress: (done: number, planned: number) => void) => Promise<T>) => {
      const other = activeRun();
      if (other && other !== mine.current) {
        setJob({ ...idle<T>(), status: 'busy' });
        return;
      }
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const handle: ActiveRun = { cancel: () => controller.abort() };
      mine.current = handle;
      setActiveRun(handle);
      setJob({ ...idle<T>(), status: 'running' });
      const progress = (done: number, planned: number) => {
        if (abort.current === controller) setJob((j) => ({ ...j, done, planned }));
      };
      try {
        const value = await work(controller.signal, progress);
        if (abort.current === controller) setJob((j) => ({ ...j, status: 'done', value, done: j.planned }));
      } catch (e) {
        if (abort.current !== controller) return;
        if (e instanceof RunStopped || controller.signal.aborted)
          setJob((j) => ({ ...j, status: 'cancelled' }));
        else setJob((j) => ({ ...j, status: 'error', ...errorOf(e) }));
      } finally {
        if (activeRun() === handle) setActiveRun(null);
      }
    },
    [],
  );
  const cancel = useCallback(() => abort.current?.abort(), []);
  return { job, run, cancel };
}

/** A runner over the simulator whose progress counts replications across all runs of a job. */
function runnerFor(
  simulator: PlannerSimulator,
  signal: AbortSignal,
  progress: (done: number, planned: number) => void,
): PilotRunner {
  return (s, settings, point) => {
    const planned = point.count * settings.replications;
    const offset = point.index * settings.replications;
    progress(offset, planned);
    return simulator.run(s, settings, point, (done) => progress(offset + done, planned), signal);
  };
}

export function usePilotPlan(simulator: PlannerSimulator, scenario: Scenario | null) {
  const pilot = useJob<PilotResult>();
  const rollout = useJob<RolloutForecast[]>();
  const { run: runPilot } = pilot;
  const { run: runRollout } = rollout;
  const startPilot = useCallback(
    (req: PilotRequest) => {
      if (!scenario) return;
      const seed = String(scenario.monteCarlo.seed);
      void runPilot(async (signal, progress) => {
        const branches = branchInfos(await simulator.populationSummary(scenario, seed));
        if (signal.aborted) throw new RunStopped();
        const report = await simulatePilotPlan(
          scenario,
          branches,
          { ...req, seed },
          runnerFor(simulator, signal, progress),
        );
        return { report, branches };
      });
    },
    [scenario, simulator, runPilot],
  );
  const startRollout = useCallback(
    (req: RolloutRequest, branches: BranchInfo[]) => {
      if (!scenario) return;
      const seed = String(scenario.monteCarlo.seed);
      void runRollout((signal, progress) =>
        forecastRollout(
          scenario,
          branches,
          req.stages,
          { replications: req.replications, seed },
          runnerFor(simulator, signal, progress),
        ),
      );
    },
    [scenario, simulator, runRollout],
  );
  return {
    pilot: pilot.job,
    rollout: rollout.job,
    startPilot,
    startRollout,
    cancelPilot: pilot.cancel,
    cancelRollout: rollout.cancel,
  };
}
