// Runtime: Node worker_threads. Exposes the simulation API through Comlink; replication records
// are transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { expose, transfer } from 'comlink/dist/esm/comlink.mjs';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { adoptModel, type RunSettings, simApi } from '../api';
import type { Model } from '../engine/model';
import type { Scenario } from '../scenario';

export const workerApi = {
  /** Take the model the pool's thread prepared (see preparedModel), so this worker skips the build. */
  adoptModel(scenario: Scenario, seed: string, model: Model) {
    adoptModel(scenario, seed, model);
  },
  runBlock(
    scenario: Scenario,
    settings: RunSettings,
    start: number,
    end: number,
    onProgress?: (done: number) => void,
  ) {
    const block = simApi.runBlock(scenario, settings, start, end, onProgress);
    return transfer(block, [block.data.buffer]);
  },
  populationSummary: simApi.populationSummary,
};
export type WorkerApi = typeof workerApi;

if (parentPort) expose(workerApi, nodeEndpoint(parentPort));
