import { describe, expect, it } from 'vitest';
import type { ReplicationBlock, RunSettings, RunSummary, Scenario } from '../../sim/index';
import { planBlocks, type SimWorker, startRun } from './pool';

type Calls = { summarized: number[][]; terminated: number };

/** A fake worker: each replication r yields the record [r]; summarize reports which blocks it got. */
function fakeWorkerFactory(calls: Calls, opts: { failAt?: number; gate?: Promise<void> } = {}) {
  return (): SimWorker => {
    const api = {
      async runBlock(
        _s: Scenario,
        _settings: RunSettings,
        start: number,
        end: number,
        onProgress?: (n: number) => void,
      ) {
        await opts.gate;
        if (opts.failAt !== undefined && opts.failAt >= start && opts.failAt < end) throw new Error('boom');
        const data = new Float64Array(end - start);
        for (let r = start; r < end; r++) {
          data[r - start] = r;
          onProgress?.(r - start + 1);
          await Promise.resolve();
        }
        return { start, end, data } satisfies ReplicationBlock;
      },
      async summarizeBlocks(_s: Scenario, _settings: RunSettings, blocks: ReplicationBlock[]) {
        const reps = blocks.flatMap((b) => Array.from(b.data));
        calls.summarized.push(reps);
        return { summary: { replicationsDone: reps.length } as unknown as RunSummary, blocks };
      },
    } as unknown as SimWorker['api'];
    return {
      api,
      failure: new Promise<never>(() => {}),
      terminate: () => {
        calls.terminated++;
      },
    };
  };
}

const scenario = {} as Scenario;

describe('worker pool', () => {
  it('plans blocks of 5–20 replications covering [0, R)', () => {
    for (const [r, w] of [
      [20, 2],
      [1, 4],
      [1000, 7],
      [33, 1],
    ]) {
      const blocks = planBlocks(r, w);
      expect(blocks[0][0]).toBe(0);
      expect(blocks[blocks.length - 1][1]).toBe(r);
      for (let i = 1; i < blocks.length; i++) expect(blocks[i][0]).toBe(blocks[i - 1][1]);
      for (const [s, e] of blocks.slice(0, -1)) expect(e - s).toBeGreaterThanOrEqual(5);
      for (const [s, e] of blocks) expect(e - s).toBeLessThanOrEqual(20);
    }
  });

  it('summarizes every block in replication order whatever the worker count', async () => {
    for (const workers of [1, 3]) {
      const calls: Calls = { summarized: [], terminated: 0 };
      const progress: number[] = [];
      const handle = startRun(
        scenario,
        { seed: 's', replications: 47 },
        {
          workers,
          summaryIntervalMs: 0,
          progressIntervalMs: 0,
          createWorker: fakeWorkerFactory(calls),
          onProgress: (p) => progress.push(p.done),
        },
      );
      const outcome = await handle.result;
      expect(outcome.status).toBe('done');
      const final = calls.summarized[calls.summarized.length - 1];
      expect(final).toEqual(Array.from({ length: 47 }, (_, i) => i));
      // Partial summaries always cover a contiguous prefix starting at 0.
      for (const reps of calls.summarized)
        expect(reps).toEqual(Array.from({ length: reps.length }, (_, i) => i));
      expect(progress[progress.length - 1]).toBe(47);
      expect(calls.terminated).toBeGreaterThan(0);
    }
  });

  it('cancels at once and reports an error from a worker', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const calls: Calls = { summarized: [], terminated: 0 };
    const handle = startRun(
      scenario,
      { seed: 's', replications: 100 },
      { workers: 2, createWorker: fakeWorkerFactory(calls, { gate }) },
    );
    handle.cancel();
    expect((await handle.result).status).toBe('cancelled');
    expect(calls.terminated).toBe(2);
    open();

    const failing = startRun(
      scenario,
      { seed: 's', replications: 30 },
      {
        workers: 2,
        createWorker: fakeWorkerFactory({ summarized: [], terminated: 0 }, { failAt: 12 }),
      },
    );
    const outcome = await failing.result;
    expect(outcome.status).toBe('error');
    if (outcome.status === 'error') expect(outcome.error).toBe('boom');
  });
});
