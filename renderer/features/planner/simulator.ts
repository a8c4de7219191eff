// How the planner runs scenarios: the population table, and whole runs read where they ran. The
// replications run on the worker pool's Web Workers (renderer/sim-client, the only place that
// makes them); one of them then summarizes the run and computes the pilot analysis (ICC, power,
// the formula) next to the records, so only the small result comes back to this thread. Tests
// pass an in-process simulator.
import * as Comlink from 'comlink';
import type { PilotRun, PopulationSummary, RunPoint, RunSettings, Scenario } from '../../../sim/index';
import { createSimWorker, guarded, planBlocks, type SimWorker } from '../../sim-client/pool';

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

export class RunStopped extends Error {
  constructor() {
    super('stopped');
  }
}

/** Runs on `workers` Web Workers; workers end with each run (cancel terminates them at once). */
export function workerSimulator(
  workers: () => number,
  make: () => SimWorker = createSimWorker,
): PlannerSimulator {
  return {
    async populationSummary(scenario, seed) {
      const w = make();
      try {
        return await guarded(w, w.api.populationSummary(scenario, seed));
      } finally {
        w.terminate();
      }
    },
    async run(scenario, settings, point, onProgress, signal) {
      if (signal.aborted) throw new RunStopped();
      const n = Math.max(1, workers());
      const plan = planBlocks(settings.replications, n);
      const pool = Array.from({ length: Math.min(n, plan.length) }, make);
      const stopped = new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(new RunStopped()), { once: true });
      });
      stopped.catch(() => {});
      const blocks: Awaited<ReturnType<SimWorker['api']['runBlock']>>[] = new Array(plan.length);
      let next = 0;
      let done = 0;
      try {
        await Promise.race([
          stopped,
          Promise.all(
            pool.map(async (w) => {
              while (next < plan.length && !signal.aborted) {
                const k = next++;
                const [start, end] = plan[k];
                blocks[k] = await guarded(w, w.api.runBlock(scenario, settings, start, end));
                done += end - start;
                onProgress(done);
              }
            }),
          ),
        ]);
        if (signal.aborted) throw new RunStopped();
        // The blocks move (not copy) to the reading worker; they are not needed here again.
        const sent = Comlink.transfer(
          blocks,
          blocks.map((b) => b.data.buffer as ArrayBuffer),
        );
        return await Promise.race([
          stopped,
          guarded(pool[0], pool[0].api.readPlanRun(scenario, settings, sent, point)),
        ]);
      } finally {
        for (const w of pool) w.terminate();
      }
    },
  };
}
