// Runtime: Node. Runs a scenario's replications on worker_threads (or in-process with 0 workers),
// in blocks, streaming progress; cancellation terminates the workers at once.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { proxy, type Remote, wrap } from 'comlink/dist/esm/comlink.mjs';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { preparedModel, type ReplicationBlock, type RunSettings, simApi } from '../api';
import type { Scenario } from '../scenario';
import type { WorkerApi } from './node.worker';
import { workerBundle } from './node-worker-bundle';

export type PoolOptions = {
  /** Worker threads; 0 runs in this thread. */
  workers: number;
  /** Replications per block (default: about 8 blocks per worker, between 1 and 25). */
  blockSize?: number;
  /** Called after each replication with the total done, and after each block with the finished prefix. */
  onProgress?: (done: number) => void;
  onBlock?: (block: ReplicationBlock, done: number) => void;
  signal?: AbortSignal;
  /** With workers, run the first block in this thread while they start (default true). */
  firstBlockInThread?: boolean;
};

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
  }
}

/**
 * Blocks [start, end) covering [0, replications). Without a fixed size, blocks start at one
 * replication (so the first partial result arrives quickly) and double up to about an eighth of
 * each worker's share, at most 25; towards the end they shrink again (at most an eighth of what
 * is left per worker), so the workers finish together instead of one waiting on a long last block.
 */
export function planBlocks(
  replications: number,
  workers: number,
  blockSize?: number,
): Array<[number, number]> {
  const w = Math.max(1, workers);
  const cap = blockSize ?? Math.max(1, Math.min(25, Math.ceil(replications / (w * 8))));
  const out: Array<[number, number]> = [];
  let size = blockSize ?? 1;
  for (let s = 0, k = 0; s < replications; k++) {
    if (blockSize === undefined && k > 0 && k % w === 0) size = Math.min(cap, size * 2);
    const tail = blockSize ?? Math.max(1, Math.ceil((replications - s) / (8 * w)));
    const end = Math.min(replications, s + Math.min(size, tail));
    out.push([s, end]);
    s = end;
  }
  return out;
}

function spawn(code: URL): { worker: Worker; api: Remote<WorkerApi> } {
  const worker = new Worker(code);
  return { worker, api: wrap<WorkerApi>(nodeEndpoint(worker)) };
}

/** Blocks each worker has requested ahead, so it never waits for this thread between blocks. */
const BLOCKS_IN_FLIGHT = 2;

/** Run all replications; resolves with the blocks in replication order. */
export async function runReplications(
  scenario: Scenario,
  settings: RunSettings,
  opts: PoolOptions,
): Promise<ReplicationBlock[]> {
  const plan = planBlocks(settings.replications, opts.workers, opts.blockSize);
  const results: ReplicationBlock[] = new Array(plan.length);
  const doneByBlock = new Array<number>(plan.length).fill(0);
  let done = 0;
  const report = (k: number, n: number) => {
    done += n - doneByBlock[k];
    doneByBlock[k] = n;
    opts.onProgress?.(done);
  };
  if (opts.signal?.aborted) throw new RunCancelled();
  if (opts.workers <= 0) {
    for (let k = 0; k < plan.length; k++) {
      if (opts.signal?.aborted) throw new RunCancelled();
      const [s, e] = plan[k];
      results[k] = simApi.runBlock(scenario, settings, s, e, (n) => report(k, n));
      opts.onBlock?.(results[k], done);
      // Let signals (Ctrl-C) be handled between blocks.
      await new Promise((r) => setImmediate(r));
    }
    return results;
  }
  // The workers load their (bundled) code while this thread builds the model — population and
  // eligibility — once; each worker gets a copy instead of building it again.
  const code = await workerBundle();
  const pool = Array.from({ length: Math.min(opts.workers, plan.length) }, () => spawn(code));
  const model = preparedModel(scenario, settings.seed);
  let next = 0;
  let cancelled = false;
  const terminate = () => {
    cancelled = true;
    for (const p of pool) void p.worker.terminate();
  };
  opts.signal?.addEventListener('abort', terminate, { once: true });
  // While the workers start, this thread — which would only wait — runs the first block itself,
  // so the first partial result comes early.
  const runFirstHere = plan.length > pool.length && opts.firstBlockInThread !== false;
  if (runFirstHere) next = 1;
  // Meanwhile only as many workers compute as leave a core to this thread (the others get their
  // model and wait), so the first block is not slowed by more busy threads than cores.
  const eager = runFirstHere ? Math.max(1, Math.min(pool.length, availableParallelism() - 1)) : pool.length;
  let firstBlockDone = () => {};
  const afterFirstBlock = new Promise<void>((resolve) => {
    firstBlockDone = resolve;
  });
  try {
    const loops = pool.map(async ({ api, worker }, w) => {
      const failed = new Promise<never>((_, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => {
          reject(
            cancelled
              ? new RunCancelled()
              : new Error(`a simulation worker stopped unexpectedly (exit code ${code})`),
          );
        });
      });
      failed.catch(() => undefined); // settled by the race below, or by shutdown
      // Not awaited: the worker handles messages in order, so its blocks run on the adopted model.
      // Should the copy fail, the worker builds the same model itself.
      api.adoptModel(scenario, settings.seed, model).catch(() => undefined);
      const inFlight: Array<{ k: number; block: Promise<ReplicationBlock> }> = [];
      const request = () => {
        if (next >= plan.length || cancelled) return;
        const k = next++;
        const [s, e] = plan[k];
        const block = api.runBlock(
          scenario,
          settings,
          s,
          e,
          proxy((n: number) => report(k, n)),
        );
        block.catch(() => undefined); // raced with `failed` below
        inFlight.push({ k, block });
      };
      if (w >= eager) await afterFirstBlock;
      for (let q = 0; q < BLOCKS_IN_FLIGHT; q++) request();
      for (let item = inFlight.shift(); item; item = inFlight.shift()) {
        const block = await Promise.race([item.block, failed]);
        results[item.k] = block;
        opts.onBlock?.(block, done);
        request();
      }
    });
    const all = Promise.all(loops);
    all.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
    if (runFirstHere) {
      const [s, e] = plan[0];
      results[0] = simApi.runBlock(scenario, settings, s, e, (n) => report(0, n));
      firstBlockDone();
      opts.onBlock?.(results[0], done);
    }
    firstBlockDone();
    await all;
  } catch (err) {
    if (cancelled) throw new RunCancelled();
    throw err;
  } finally {
    firstBlockDone(); // release waiting workers' loops (they stop: cancelled)
    opts.signal?.removeEventListener('abort', terminate);
    cancelled = true;
    await Promise.all(pool.map((p) => p.worker.terminate()));
  }
  if (opts.signal?.aborted) throw new RunCancelled();
  return results;
}
