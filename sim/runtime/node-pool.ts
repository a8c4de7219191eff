// Runtime: Node. Runs a scenario's replications on worker_threads (or in-process with 0 workers),
// in blocks, streaming progress; cancellation terminates the workers at once.
import { Worker } from 'node:worker_threads';
import { proxy, type Remote, wrap } from 'comlink/dist/esm/comlink.mjs';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { type ReplicationBlock, type RunSettings, simApi } from '../api';
import type { Scenario } from '../scenario';
import type { WorkerApi } from './node.worker';

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
 * each worker's share, at most 25.
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
  for (let s = 0, k = 0; s < replications; s += size, k++) {
    if (blockSize === undefined && k > 0 && k % w === 0) size = Math.min(cap, size * 2);
    out.push([s, Math.min(replications, s + size)]);
  }
  return out;
}

function spawn(): { worker: Worker; api: Remote<WorkerApi> } {
  const worker = new Worker(new URL('./node-worker-boot.mjs', import.meta.url));
  return { worker, api: wrap<WorkerApi>(nodeEndpoint(worker)) };
}

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
  const pool = Array.from({ length: Math.min(opts.workers, plan.length) }, spawn);
  let next = 0;
  let cancelled = false;
  const terminate = () => {
    cancelled = true;
    for (const p of pool) void p.worker.terminate();
  };
  opts.signal?.addEventListener('abort', terminate, { once: true });
  // While the workers start (loading sources, building their population), this thread — which
  // would only wait — runs the first block itself, so the first partial result comes early.
  const runFirstHere = plan.length > pool.length && opts.firstBlockInThread !== false;
  if (runFirstHere) next = 1;
  try {
    const loops = pool.map(async ({ api, worker }) => {
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
      while (next < plan.length && !cancelled) {
        const k = next++;
        const [s, e] = plan[k];
        const block = await Promise.race([
          api.runBlock(
            scenario,
            settings,
            s,
            e,
            proxy((n: number) => report(k, n)),
          ),
          failed,
        ]);
        results[k] = block;
        opts.onBlock?.(block, done);
      }
    });
    const all = Promise.all(loops);
    all.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
    if (runFirstHere) {
      await new Promise((r) => setImmediate(r)); // let the workers' start-up begin
      const [s, e] = plan[0];
      results[0] = simApi.runBlock(scenario, settings, s, e, (n) => report(0, n));
      opts.onBlock?.(results[0], done);
    }
    await all;
  } catch (err) {
    if (cancelled) throw new RunCancelled();
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', terminate);
    cancelled = true;
    await Promise.all(pool.map((p) => p.worker.terminate()));
  }
  if (opts.signal?.aborted) throw new RunCancelled();
  return results;
}
