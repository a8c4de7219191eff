// The same simApi in-process and in Node worker_threads, with 1 and 2 workers and different
// block sizes, gives bit-identical results.
import { describe, expect, it } from 'vitest';
import { simApi } from '../../sim/api';
import { mustLoad, smallScenarioDoc } from '../../sim/engine/test-scenarios';
import { NodePool, runReplications } from '../../sim/runtime/node-pool';

const scenario = mustLoad(smallScenarioDoc(3000, 8, 8));
const settings = { seed: 'workers', replications: 8 };
const bytes = (blocks: Array<{ data: Float64Array }>) =>
  Buffer.concat(blocks.map((b) => Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength)));

describe('worker threads', () => {
  it('in-process, 1 worker and 2 workers give identical records and summaries', async () => {
    const inProcess = await runReplications(scenario, settings, { workers: 0, blockSize: 3 });
    const one = await runReplications(scenario, settings, { workers: 1, blockSize: 8 });
    const two = await runReplications(scenario, settings, { workers: 2, blockSize: 1 });
    expect(bytes(one).equals(bytes(inProcess))).toBe(true);
    expect(bytes(two).equals(bytes(inProcess))).toBe(true);
    const a = JSON.stringify(simApi.summarize(scenario, settings, inProcess), (_k, v) =>
      v instanceof Float64Array ? [...v] : v,
    );
    const b = JSON.stringify(simApi.summarize(scenario, settings, two), (_k, v) =>
      v instanceof Float64Array ? [...v] : v,
    );
    expect(b).toBe(a);
  }, 120_000);

  it('reports progress up to the total and can be cancelled', async () => {
    let last = 0;
    await runReplications(scenario, settings, { workers: 1, onProgress: (d) => (last = d) });
    expect(last).toBe(settings.replications);
    const controller = new AbortController();
    const run = runReplications(
      scenario,
      { ...settings, replications: 400 },
      {
        workers: 2,
        blockSize: 2,
        signal: controller.signal,
        onProgress: (d) => {
          if (d >= 2) controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow('cancelled');
  }, 120_000);

  it('a pool serves run after run (blocks interleaved, threads ended when idle) with the same records', async () => {
    const reference = bytes(await runReplications(scenario, settings, { workers: 0 }));
    const pool = new NodePool({ threads: 2, idleTimeoutMs: 50 });
    try {
      // Two runs at once share the threads; a shard (range) runs only its replications.
      const [a, b] = await Promise.all([
        pool.run(scenario, settings, { blockSize: 3 }),
        pool.run(scenario, settings, { range: [2, 6] }),
      ]);
      expect(bytes(a).equals(reference)).toBe(true);
      expect(b[0].start).toBe(2);
      expect(b.at(-1)?.end).toBe(6);
      const L = a[0].data.length / (a[0].end - a[0].start);
      expect(bytes(b).equals(reference.subarray(2 * L * 8, 6 * L * 8))).toBe(true);
      expect(pool.liveThreads).toBe(2);
      await new Promise((r) => setTimeout(r, 300)); // idle: the threads end
      expect(pool.liveThreads).toBe(0);
      expect(bytes(await pool.run(scenario, settings)).equals(reference)).toBe(true);
    } finally {
      await pool.close();
    }
    await expect(pool.run(scenario, settings)).rejects.toThrow('this worker pool was closed');
  }, 120_000);
});
