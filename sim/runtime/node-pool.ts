// Runtime: Node. The worker_threads pool: threads take replication blocks off one queue, each
// with up to two blocks in flight so it never waits for this thread between blocks. Threads stay
// between runs (a queue worker, a planner grid, a sweep reuse them and the population they hold)
// and end after an idle timeout; an idle pool never keeps the process alive. Aborting a run drops
// its queued blocks and terminates the threads computing its blocks at once.
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { proxy, type Remote, wrap } from 'comlink/dist/esm/comlink.mjs';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { preparedModel, type ReplicationBlock, type RunSettings, simApi } from '../api';
import { planBlocks } from '../blocks';
import {
  type AbortSignalLike,
  BlockProgress,
  type ExecuteOptions,
  type Executor,
  RunCancelled,
} from '../executor';
import { hash32 } from '../rng/streams';
import type { Scenario } from '../scenario';
import type { WorkerApi } from './node.worker';
import { workerBundle } from './node-worker-bundle';

export { RunCancelled } from '../executor';

export type NodePoolOptions = {
  /** Worker threads; 0 runs every block in this thread. */
  threads: number;
  /** Idle threads end after this long (default 30 s). */
  idleTimeoutMs?: number;
};

type BlockOptions = { onProgress?: (doneInBlock: number) => void; signal?: AbortSignalLike };

type Task = {
  scenario: Scenario;
  settings: RunSettings;
  start: number;
  end: number;
  opts: BlockOptions;
  resolve: (b: ReplicationBlock) => void;
  reject: (e: unknown) => void;
};

type Thread = {
  worker: Worker;
  api: Remote<WorkerApi>;
  running: Set<Task>;
  /** Models (scenario, seed) this thread was given, so it never builds one itself. */
  models: Set<string>;
  /** Terminated on purpose (cancel, idle, close): its exit is not a failure. */
  isRetired: boolean;
};

/** Blocks each thread has requested ahead, so it never waits for this thread between blocks. */
const BLOCKS_IN_FLIGHT = 2;

const modelKeys = new WeakMap<Scenario, string>();
function modelKey(scenario: Scenario, seed: string): string {
  let key = modelKeys.get(scenario);
  if (key === undefined) {
    const text = JSON.stringify(scenario);
    key = `${hash32(text).toString(16)}:${hash32(text, 0x1b873593).toString(16)}:${text.length}`;
    modelKeys.set(scenario, key);
  }
  return `${key}|${seed}`;
}

export class NodePool implements Executor {
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private code: URL | null = null;
  private loading: Promise<URL> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Threads allowed to compute now (fewer while this thread runs a run's first block). */
  private limit: number;
  private isClosed = false;

  constructor(private readonly opts: NodePoolOptions) {
    this.limit = Math.max(0, opts.threads);
  }

  get description(): string {
    return this.opts.threads === 0 ? 'this thread' : `${this.opts.threads} worker thread(s)`;
  }

  /** Threads alive now (they end after the idle timeout). */
  get liveThreads(): number {
    return this.threads.length;
  }

  /** Run replications [start, end) of `settings` on the next free thread. */
  runBlock(
    scenario: Scenario,
    settings: RunSettings,
    start: number,
    end: number,
    opts: BlockOptions = {},
  ): Promise<ReplicationBlock> {
    if (opts.signal?.aborted) return Promise.reject(new RunCancelled());
    if (this.isClosed) return Promise.reject(new Error('this worker pool was closed'));
    if (this.opts.threads <= 0) return this.runHere(scenario, settings, start, end, opts);
    return new Promise<ReplicationBlock>((resolve, reject) => {
      // The abort listener goes when the block settles: it holds the task, whose resolve holds
      // the promise and so the block's records, for as long as the signal lives (a whole run).
      const onAbort = () => this.cancelTask(task);
      const done = () => opts.signal?.removeEventListener('abort', onAbort);
      const task: Task = {
        scenario,
        settings,
        start,
        end,
        opts,
        resolve: (b) => {
          done();
          resolve(b);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      this.queue.push(task);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  async run(
    scenario: Scenario,
    settings: RunSettings,
    opts: ExecuteOptions = {},
  ): Promise<ReplicationBlock[]> {
    const plan = planBlocks(settings.replications, {
      workers: Math.max(1, this.opts.threads),
      blockSize: opts.blockSize,
      range: opts.range,
    });
    const keep = opts.keepBlocks !== false;
    const results: ReplicationBlock[] = new Array(keep ? plan.length : 0);
    const progress = new BlockProgress(plan.length, opts.onProgress);
    if (opts.signal?.aborted) throw new RunCancelled();
    if (this.isClosed) throw new Error('this worker pool was closed');
    if (this.opts.threads <= 0) {
      for (const [k, [s, e]] of plan.entries()) {
        const block = await this.runHere(scenario, settings, s, e, {
          signal: opts.signal,
          onProgress: (n) => progress.report(k, n),
        });
        if (keep) results[k] = block;
        opts.onBlock?.(block, progress.done);
      }
      return keep ? results : [];
    }
    await this.ready();
    // One failed block stops the rest of this run (its queued blocks, its threads).
    const stop = new AbortController();
    setMaxListeners(0, stop.signal); // one listener per block
    const onAbort = () => stop.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const take = (k: number) => (block: ReplicationBlock) => {
      if (keep) results[k] = block;
      opts.onBlock?.(block, progress.done);
    };
    // A cold pool: while its threads load their code and receive the model, this thread — which
    // would only wait — runs the first block, so the first partial result comes early. Meanwhile
    // only as many threads compute as leave a core to this thread.
    const isCold = this.threads.length === 0 && this.opts.threads > 0 && plan.length > this.opts.threads;
    if (isCold) this.limit = Math.max(1, Math.min(this.opts.threads, availableParallelism() - 1));
    this.spawnUpTo(Math.min(this.opts.threads, plan.length));
    try {
      const pending = plan.map(([s, e], k) =>
        isCold && k === 0
          ? null
          : this.runBlock(scenario, settings, s, e, {
              signal: stop.signal,
              onProgress: (n) => progress.report(k, n),
            }).then(take(k)),
      );
      const all = Promise.all(pending);
      all.catch(() => stop.abort());
      if (isCold) {
        const [s, e] = plan[0];
        take(0)(simApi.runBlock(scenario, settings, s, e, (n) => progress.report(0, n)));
        this.limit = this.opts.threads;
        this.pump();
      }
      await all;
    } catch (err) {
      if (opts.signal?.aborted) throw new RunCancelled();
      throw err;
    } finally {
      this.limit = this.opts.threads;
      stop.abort();
      opts.signal?.removeEventListener('abort', onAbort);
    }
    if (opts.signal?.aborted) throw new RunCancelled();
    return results;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const task of this.queue.splice(0)) task.reject(new RunCancelled());
    await Promise.all(this.threads.splice(0).map((t) => this.retire(t)));
  }

  private async runHere(
    scenario: Scenario,
    settings: RunSettings,
    start: number,
    end: number,
    opts: BlockOptions,
  ): Promise<ReplicationBlock> {
    // Let signals (Ctrl-C) be handled between blocks.
    await new Promise((r) => setImmediate(r));
    if (opts.signal?.aborted) throw new RunCancelled();
    return simApi.runBlock(scenario, settings, start, end, opts.onProgress);
  }

  private ready(): Promise<URL> {
    if (this.code) return Promise.resolve(this.code);
    this.loading ??= workerBundle().then(
      (url) => {
        this.code = url;
        return url;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  private spawnUpTo(n: number): void {
    while (this.code && !this.isClosed && this.threads.length < n) this.spawn(this.code);
  }

  private spawn(code: URL): Thread {
    const worker = new Worker(code);
    const thread: Thread = {
      worker,
      api: wrap<WorkerApi>(nodeEndpoint(worker)),
      running: new Set(),
      models: new Set(),
      isRetired: false,
    };
    const fail = (why: string) => {
      if (thread.isRetired) return;
      thread.isRetired = true;
      this.drop(thread);
      const err = new Error(`a simulation worker stopped unexpectedly (${why})`);
      for (const task of thread.running) task.reject(err);
      thread.running.clear();
      this.pump();
    };
    worker.on('error', (e) => fail(e.message));
    worker.once('exit', (code) => fail(`exit code ${code}`));
    this.threads.push(thread);
    return thread;
  }

  private drop(thread: Thread): void {
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
  }

  private async retire(thread: Thread): Promise<void> {
    thread.isRetired = true;
    this.drop(thread);
    await thread.worker.terminate();
  }

  /** Hand queued blocks to threads with room (spawning up to the limit). */
  private pump(): void {
    if (this.isClosed) return;
    if (!this.code) {
      if (this.queue.length > 0)
        this.ready().then(
          () => this.pump(),
          (err: unknown) => {
            for (const task of this.queue.splice(0)) task.reject(err);
          },
        );
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    while (this.queue.length > 0) {
      const usable = this.threads.slice(0, this.limit);
      let best = usable.reduce<Thread | null>(
        (a, t) => (a === null || t.running.size < a.running.size ? t : a),
        null,
      );
      if ((best === null || best.running.size > 0) && this.threads.length < this.limit)
        best = this.spawn(this.code);
      if (best === null || best.running.size >= BLOCKS_IN_FLIGHT) break;
      this.dispatch(best, this.queue.shift() as Task);
    }
    if (this.queue.length === 0 && this.threads.every((t) => t.running.size === 0)) this.idle();
  }

  private dispatch(thread: Thread, task: Task): void {
    const { scenario, settings, start, end, opts } = task;
    const key = modelKey(scenario, settings.seed);
    if (!thread.models.has(key)) {
      thread.models.add(key);
      // Not awaited: the thread handles messages in order, so its blocks run on the adopted model.
      // Should the copy fail, the thread builds the same model itself.
      thread.api.adoptModel(scenario, settings.seed, preparedModel(scenario, settings.seed)).catch(() => {});
    }
    thread.running.add(task);
    thread.worker.ref();
    const onProgress = opts.onProgress;
    thread.api.runBlock(scenario, settings, start, end, onProgress ? proxy(onProgress) : undefined).then(
      (block) => {
        if (!thread.running.delete(task)) return; // cancelled or its thread failed meanwhile
        task.resolve(block);
        this.pump();
      },
      (err: unknown) => {
        if (!thread.running.delete(task)) return;
        task.reject(err);
        this.pump();
      },
    );
  }

  private cancelTask(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      task.reject(new RunCancelled());
      return;
    }
    const thread = this.threads.find((t) => t.running.has(task));
    if (!thread) return;
    // Stop the computation at once; other runs' blocks on that thread go back to the queue.
    thread.running.delete(task);
    task.reject(new RunCancelled());
    this.queue.unshift(...thread.running);
    thread.running.clear();
    void this.retire(thread);
    this.pump();
  }

  private idle(): void {
    for (const t of this.threads) t.worker.unref();
    if (this.threads.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      for (const t of [...this.threads]) void this.retire(t);
    }, this.opts.idleTimeoutMs ?? 30_000);
    this.idleTimer.unref();
  }
}

export type PoolOptions = Omit<ExecuteOptions, 'range'> & {
  /** Worker threads; 0 runs in this thread. */
  workers: number;
};

/** Run all replications on a pool made for this run; resolves with the blocks in replication order. */
export async function runReplications(
  scenario: Scenario,
  settings: RunSettings,
  opts: PoolOptions,
): Promise<ReplicationBlock[]> {
  const pool = new NodePool({ threads: opts.workers });
  try {
    return await pool.run(scenario, settings, opts);
  } finally {
    await pool.close();
  }
}
