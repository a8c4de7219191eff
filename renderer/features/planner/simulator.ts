// How the planner runs scenarios: the population table, and whole runs read where they ran. The
// replications run on the worker pool's Web Workers (renderer/sim-client, the only place that
// makes them); one of them then summarizes the run and computes the pilot analysis (ICC, power,
// the formula) next to the records, so only the small result comes back to this thread. Tests
// pass an in-process simulator.
import * as Comlink from 'comlink';
import type { PilotRun, PopulationSummary, RunPoint, RunSettings, Scenario } from '../../../sim/index';
import {
  guarded,
  RunStopped,
  releaseWorker,
  type SimWorker,
  takeWorker,
  webExecutor,
} from '../../sim-client/pool';

export { RunStopped };

export type PlannerSimulator = {
  populationSummary(scenario: Scenario, seed: string): Promise<PopulationSummary>;
  /**
   * All replications of `settings`, read as `point` asks (`simApi.readPlanRun`); `onProgress`
   * gets the replications done; rejects with RunStopped on abort.
   */
  run(
    scenario: Scenario,
    settings: RunSettings,
    point: RunPoint,
    onProgress: (done: number) => void,
    signal: AbortSignal,
  ): Promise<PilotRun>;
};

/** Runs on `workers` Web Workers from the shared pool (cancel terminates them at once). */
export function workerSimulator(
  workers: () => number,
  make: () => SimWorker = takeWorker,
  release: (w: SimWorker) => void = releaseWorker,
): PlannerSimulator {
  return {
    async populationSummary(scenario, seed) {
      const w = make();
      const summary = await guarded(w, w.api.populationSummary(scenario, seed)).catch((e: unknown) => {
        w.terminate();
        throw e;
      });
      release(w);
      return summary;
    },
    async run(scenario, settings, point, onProgress, signal) {
      const blocks = await webExecutor(() => Math.max(1, workers()), make, release).run(scenario, settings, {
        signal,
        onProgress,
      });
      // The blocks move (not copy) to a pool worker that reads the run (summary, ICC, power) next
      // to the records; only the small result comes back here.
      const w = make();
      const sent = Comlink.transfer(
        blocks,
        blocks.map((b) => b.data.buffer as ArrayBuffer),
      );
      const run = await guarded(w, w.api.readPlanRun(scenario, settings, sent, point)).catch((e: unknown) => {
        w.terminate();
        throw e;
      });
      release(w);
      if (signal.aborted) throw new RunStopped();
      return run;
    },
  };
}
