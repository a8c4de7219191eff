import { describe, expect, it } from 'vitest';
import type { ReplicationBlock, RunSettings, RunSummary, Scenario } from '../../sim/index';
import { RunStopped, runBlocks, type SimWorker, startRun } from './pool';

type Calls = { summarized: number[][]; terminated: number };

/**
 * A fake worker: each replication r yields the record [r]; a run's summarizer keeps the blocks it
 * is sent, and its summary reports the contiguous prefix of replications it has.
 */
function fakeWorkerFactory(calls: Calls, opts: { failAt?: number; gate?: Promise<void> } = {}) {
  return (): SimWorker => {
    const received: number[] = [];
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
      async openRun() {},
      async addBlocks(_id: number, blocks: ReplicationBlock[]) {
        for (const b of blocks) for (let r = b.start; r < b.end; r++) received[r] = b.data[r - b.start];
      },
      async summarizeRun() {
        const reps: number[] = [];
        while (received[reps.length] !== undefined) reps.push(received[reps.length]);
        calls.summarized.push(reps);
        return { replicationsDone: reps.length } as unknown as RunSummary;
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
  it('runBlocks resolves with every block in replication order and stops on its AbortSignal', async () => {
    const calls: Calls = { summarized: [], terminated: 0 };
    const blocks = await runBlocks(
      scenario,
      { seed: 's', replications: 47 },
      {
        workers: 3,
        createWorker: fakeWorkerFactory(calls),
      },
    );
    expect(blocks.flatMap((b) => Array.from(b.data))).toEqual(Array.from({ length: 47 }, (_, i) => i));
    expect(calls.terminated).toBe(3); // a made worker is terminated after clean work, a pool worker kept

    const gated: Calls = { summarized: [], terminated: 0 };
    const controller = new AbortController();
    const run = runBlocks(
      scenario,
      { seed: 's', replications: 100 },
      {
        workers: 2,
        signal: controller.signal,
        createWorker: fakeWorkerFactory(gated, { gate: new Promise(() => {}) }),
      },
    );
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(RunStopped);
    expect(gated.terminated).toBe(2);
  });

  it('runBlocks with keepBlocks: false hands each block to onBlock and keeps none', async () => {
    const calls: Calls = { summarized: [], terminated: 0 };
    const seen: number[] = [];
    const blocks = await runBlocks(
      scenario,
      { seed: 's', replications: 47 },
      {
        workers: 2,
        keepBlocks: false,
        createWorker: fakeWorkerFactory(calls),
        onBlock: (_k, b) => seen.push(...b.data),
      },
    );
    expect(blocks).toEqual([]);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 47 }, (_, i) => i));
  });

  it('a run’s AbortSignal cancels it like cancel()', async () => {
    const calls: Calls = { summarized: [], terminated: 0 };
    const controller = new AbortController();
    const handle = startRun(
      scenario,
      { seed: 's', replications: 100 },
      {
        workers: 2,
        signal: controller.signal,
        createWorker: fakeWorkerFactory(calls, { gate: new Promise(() => {}) }),
      },
    );
    controller.abort();
    expect((await handle.result).status).toBe('cancelled');
    expect(calls.terminated).toBe(3); // two runners and the summarizer
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
    expect(calls.terminated).toBe(3); // two runners and the summarizer
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
