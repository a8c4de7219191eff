// Runtime: Web Worker (DOM-less). Exposes the one simulation API over Comlink. Replication
// blocks and summary samples go back as transferred buffers, not copies.
import * as Comlink from 'comlink';
import { OpenRuns, type ReplicationBlock, type SimWorkerApi, simApi } from '../api';
import type { RunSummary } from '../results';

export type { SimWorkerApi };

function sampleBuffers(summary: RunSummary): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const s of summary.strategies) {
    for (const arr of Object.values(s.samples)) {
      if (arr.buffer instanceof ArrayBuffer) buffers.add(arr.buffer);
    }
  }
  return [...buffers];
}

const openRuns = new OpenRuns();

const workerApi: SimWorkerApi = {
  validateText: (text) => simApi.validateText(text),
  validate: (doc) => simApi.validate(doc),
  populationSummary: (scenario, seed) => simApi.populationSummary(scenario, seed),
  runBlock(scenario, settings, start, end, onProgress): ReplicationBlock {
    try {
      const block = simApi.runBlock(scenario, settings, start, end, onProgress);
      return Comlink.transfer(block, [block.data.buffer as ArrayBuffer]);
    } finally {
      // The progress callback is a Comlink proxy: close its port once the block is done.
      (onProgress as unknown as { [Comlink.releaseProxy]?: () => void } | undefined)?.[
        Comlink.releaseProxy
      ]?.();
    }
  },
  summarize(scenario, settings, blocks) {
    const summary = simApi.summarize(scenario, settings, blocks);
    return Comlink.transfer(summary, sampleBuffers(summary));
  },
  readPlanRun(scenario, settings, blocks, point) {
    // The records stay here: only the summary and the (small) pilot analysis go back.
    const run = simApi.readPlanRun(scenario, settings, blocks, point);
    return Comlink.transfer(run, sampleBuffers(run.summary));
  },
  // A run summarized here: the caller transfers each block in as it finishes; it is reduced and dropped.
  openRun: (id, scenario, settings) => openRuns.open(id, scenario, settings),
  addBlocks: (id, blocks) => openRuns.add(id, blocks),
  summarizeRun(id, final) {
    const summary = openRuns.summarize(id, final);
    return Comlink.transfer(summary, sampleBuffers(summary));
  },
};

Comlink.expose(workerApi);
