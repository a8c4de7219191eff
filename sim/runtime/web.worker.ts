// Runtime: Web Worker (DOM-less). Exposes the one simulation API over Comlink. Replication
// blocks and summary samples go back as transferred buffers, not copies.
import * as Comlink from 'comlink';
import { type ReplicationBlock, type SimApi, simApi } from '../api';
import type { RunSummary } from '../results';

function transferSummary(summary: RunSummary): RunSummary {
  const buffers = new Set<ArrayBuffer>();
  for (const s of summary.strategies) {
    for (const arr of Object.values(s.samples)) {
      if (arr.buffer instanceof ArrayBuffer) buffers.add(arr.buffer);
    }
  }
  return Comlink.transfer(summary, [...buffers]);
}

const workerApi: SimApi = {
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
  summarize: (scenario, settings, blocks) => transferSummary(simApi.summarize(scenario, settings, blocks)),
};

Comlink.expose(workerApi);
