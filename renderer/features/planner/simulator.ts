// How the planner runs scenarios: the population table and whole runs with their per-replication
// records (the ICC needs per-branch records, which the shared run pool does not hand out). Workers
// come from renderer/sim-client (the only place that makes them); tests pass an in-process simulator.
import {
  type PilotRun,
  type PopulationSummary,
  type ReplicationBlock,
  type RunSettings,
  recordLayout,
  type Scenario,
} from '../../../sim/index';
import { createSimWorker, guarded, planBlocks, type SimWorker } from '../../sim-client/pool';

export type PlannerSimulator = {
  populationSummary(scenario: Scenario, seed: string): Promise<PopulationSummary>;
  /** All replications of `settings`; `onProgress` gets the replications done; rejects with RunStopped on abort. */
  run(
    scenario: Scenario,
    settings: RunSettings,
    onProgress: (done: number) => void,
    signal: AbortSignal,
  ): Promise<PilotRun>;
};

export class RunStopped extends Error {
  constructor() {
    super('stopped');
  }
}

/** Blocks in replication order → one record array (as sim/api concatBlocks, without pulling the engine into this bundle). */
export function joinBlocks(blocks: ReplicationBlock[], recordLength: number): Float64Array {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const out = new Float64Array(sorted.reduce((n, b) => n + b.data.length, 0));
  let at = 0;
  for (const b of sorted) {
    if (b.data.length !== (b.end - b.start) * recordLength)
      throw new Error('a replication block has the wrong size');
    out.set(b.data, at);
    at += b.data.length;
  }
  return out;
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
    async run(scenario, settings, onProgress, signal) {
      if (signal.aborted) throw new RunStopped();
      const n = Math.max(1, workers());
      const plan = planBlocks(settings.replications, n);
      const pool = Array.from({ length: Math.min(n, plan.length) }, make);
      const stopped = new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(new RunStopped()), { once: true });
      });
      stopped.catch(() => {});
      const blocks: ReplicationBlock[] = new Array(plan.length);
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
        const summary = await Promise.race([
          stopped,
          guarded(pool[0], pool[0].api.summarize(scenario, settings, blocks)),
        ]);
        return { summary, records: joinBlocks(blocks, recordLayout(scenario).length) };
      } finally {
        for (const w of pool) w.terminate();
      }
    },
  };
}
