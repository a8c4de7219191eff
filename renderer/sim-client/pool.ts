// The only place that makes Workers. A run of R replications is cut into blocks; W workers take
// blocks off a queue; each finished block goes on (transferred) to one more worker, which reduces
// it to the run's summary columns and drops it (this page keeps no records), and summarizes the
// contiguous prefix a few times a second so results stream in without a long task on the UI thread. Every block gets the
// same settings {seed, replications: R}, so the numbers do not depend on W.
import * as Comlink from 'comlink';
import {
  type AbortSignalLike,
  type Executor,
  planBlocks,
  type ReplicationBlock,
  type ReplicationRange,
  RunCancelled,
  type RunSettings,
  type RunSummary,
  type Scenario,
  type SimWorkerApi,
} from '../../sim/index';

export type SimWorker = {
  api: Comlink.Remote<SimWorkerApi>;
  /** Rejects if the worker script fails to load or crashes. */
  failure: Promise<never>;
  terminate(): void;
};

export function createSimWorker(): SimWorker {
  const worker = new Worker(new URL('../../sim/runtime/web.worker.ts', import.meta.url), { type: 'module' });
  const failure = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(e.message || 'the simulation worker failed to start')),
    );
    worker.addEventListener('messageerror', () =>
      reject(new Error('the simulation worker sent an unreadable message')),
    );
  });
  failure.catch(() => {});
  return { api: Comlink.wrap<SimWorkerApi>(worker), failure, terminate: () => worker.terminate() };
}

// Workers that finished their work cleanly wait here for the next run, compare variant or
// population preview: the engine caches the built population per scenario, so the next request
// for the same scenario starts faster. After IDLE_MS unused they end. Cancel terminates them.
const idle: Array<{ worker: SimWorker; timer: ReturnType<typeof setTimeout> }> = [];
const MAX_IDLE = 16;
const IDLE_MS = 60_000;

/** A worker from the pool (an idle one when there is one). */
export function takeWorker(): SimWorker {
  const kept = idle.pop();
  if (!kept) return createSimWorker();
  clearTimeout(kept.timer);
  return kept.worker;
}

/** Give a worker back after clean work; it ends after a minute unused. */
export function releaseWorker(w: SimWorker): void {
  if (idle.length >= MAX_IDLE) {
    w.terminate();
    return;
  }
  const timer = setTimeout(() => {
    const i = idle.findIndex((e) => e.worker === w);
    if (i >= 0) idle.splice(i, 1);
    w.terminate();
  }, IDLE_MS);
  idle.push({ worker: w, timer });
}

/** Call a worker method, failing fast if the worker dies instead of waiting forever. */
export function guarded<T>(w: SimWorker, call: Promise<T>): Promise<T> {
  return Promise.race([call, w.failure]);
}

/** What an aborted run rejects with (the same class in every pool). */
export { RunCancelled as RunStopped };

export type BlockRunOptions = {
  workers: number;
  /** Only these replications; default all. */
  range?: ReplicationRange;
  /** A fixed block size; default the shared adaptive policy. */
  blockSize?: number;
  /** Abort: the workers are terminated at once and the promise rejects with RunCancelled. */
  signal?: AbortSignalLike;
  /** Replications done so far, finished blocks plus progress inside running ones. */
  onProgress?: (done: number) => void;
  /** Block k (in plan order) finished. */
  onBlock?: (k: number, block: ReplicationBlock) => void;
  /** false: blocks go only to onBlock and the run resolves with none (default true). */
  keepBlocks?: boolean;
  createWorker?: () => SimWorker;
  releaseWorker?: (w: SimWorker) => void;
};

/**
 * Run every replication of `settings` on `workers` Web Workers, blocks planned by the shared
 * policy (sim/blocks.ts); resolves with the blocks in replication order.
 */
export async function runBlocks(
  scenario: Scenario,
  settings: RunSettings,
  opts: BlockRunOptions,
): Promise<ReplicationBlock[]> {
  if (opts.signal?.aborted) throw new RunCancelled();
  const make = opts.createWorker ?? takeWorker;
  const release = opts.releaseWorker ?? (opts.createWorker ? (w: SimWorker) => w.terminate() : releaseWorker);
  const workers = Math.max(1, opts.workers);
  const plan = planBlocks(settings.replications, { workers, range: opts.range, blockSize: opts.blockSize });
  const runners = Array.from({ length: Math.min(workers, plan.length) }, () => make());
  const keep = opts.keepBlocks !== false;
  const results: ReplicationBlock[] = new Array(keep ? plan.length : 0);
  const got = new Uint8Array(plan.length);
  const inBlock = new Float64Array(plan.length);
  let inBlockTotal = 0;
  let finished = 0;
  let next = 0;
  let isStopped = false;
  const stopped = new Promise<never>((_, reject) => {
    const stop = () => {
      isStopped = true;
      for (const w of runners) w.terminate();
      reject(new RunCancelled());
    };
    if (opts.signal) opts.signal.addEventListener('abort', stop, { once: true });
  });
  stopped.catch(() => {});
  const loop = async (w: SimWorker) => {
    while (!isStopped && next < plan.length) {
      const k = next++;
      const [start, end] = plan[k];
      const onBlockProgress = Comlink.proxy((doneInBlock: number) => {
        if (isStopped || got[k]) return;
        inBlockTotal += doneInBlock - inBlock[k];
        inBlock[k] = doneInBlock;
        opts.onProgress?.(finished + inBlockTotal);
      });
      const block = await guarded(w, w.api.runBlock(scenario, settings, start, end, onBlockProgress));
      if (isStopped) return;
      got[k] = 1;
      if (keep) results[k] = block;
      inBlockTotal -= inBlock[k];
      inBlock[k] = 0;
      finished += end - start;
      opts.onProgress?.(finished + inBlockTotal);
      opts.onBlock?.(k, block);
    }
  };
  try {
    await Promise.race([stopped, Promise.all(runners.map(loop))]);
  } catch (e) {
    if (!isStopped) {
      isStopped = true;
      for (const w of runners) w.terminate();
    }
    throw e;
  }
  for (const w of runners) release(w);
  return results;
}

/** The Web Worker pool behind the same Executor type as the Node pool and the Redis queue. */
export function webExecutor(
  workers: () => number,
  make?: () => SimWorker,
  release?: (w: SimWorker) => void,
): Executor {
  return {
    description: 'Web Workers',
    run(scenario, settings, opts = {}) {
      let done = 0;
      return runBlocks(scenario, settings, {
        workers: workers(),
        range: opts.range,
        blockSize: opts.blockSize,
        signal: opts.signal,
        createWorker: make,
        releaseWorker: release,
        onProgress: (n) => {
          done = n;
          opts.onProgress?.(n);
        },
        onBlock: (_k, block) => opts.onBlock?.(block, done),
        keepBlocks: opts.keepBlocks,
      });
    },
    close: async () => {},
  };
}

export type RunProgress = { done: number; planned: number; elapsedMs: number };

export type RunOutcome =
  | { status: 'done'; summary: RunSummary }
  | { status: 'cancelled'; summary: RunSummary | null }
  | { status: 'error'; error: string; summary: RunSummary | null };

export type RunHandle = { cancel(): void; result: Promise<RunOutcome> };

export type RunOptions = {
  workers: number;
  /** Abort = cancel(): the workers are terminated at once. */
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onSummary?: (summary: RunSummary, isFinal: boolean) => void;
  /** Least time between partial summaries (grows when summarizing is slow). */
  summaryIntervalMs?: number;
  progressIntervalMs?: number;
  createWorker?: () => SimWorker;
  /** Where a worker goes after a clean run (default: kept for the next run). */
  releaseWorker?: (w: SimWorker) => void;
  now?: () => number;
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

let runIds = 0;

export function startRun(scenario: Scenario, settings: RunSettings, opts: RunOptions): RunHandle {
  const now = opts.now ?? (() => performance.now());
  const make = opts.createWorker ?? takeWorker;
  const release = opts.releaseWorker ?? (opts.createWorker ? (w: SimWorker) => w.terminate() : releaseWorker);
  const controller = new AbortController();
  opts.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  // The summarizer holds the run's columns; blocks go to it as they finish (in plan order or not).
  const summarizer = make();
  const id = ++runIds;
  summarizer.api.openRun(id, scenario, settings).catch(() => {});
  // Which blocks (in plan order) have gone to the summarizer.
  const sent: boolean[] = [];
  // The final summary covers every block; partial ones only shorter prefixes.
  const blockCount = planBlocks(settings.replications, { workers: Math.max(1, opts.workers) }).length;
  const t0 = now();
  let stopped = false;
  let lastSummary: RunSummary | null = null;
  let summarizing: Promise<void> | null = null;
  let summarizedPrefix = 0;
  let lastSummaryAt = Number.NEGATIVE_INFINITY;
  let summaryInterval = opts.summaryIntervalMs ?? 300;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const emitProgress = (done: number) => {
    const t = now();
    const isLast = done === settings.replications;
    if (!isLast && t - lastProgressAt < (opts.progressIntervalMs ?? 50)) return;
    lastProgressAt = t;
    opts.onProgress?.({ done, planned: settings.replications, elapsedMs: t - t0 });
  };

  const prefixLength = () => {
    let n = summarizedPrefix;
    while (n < sent.length && sent[n]) n++;
    return n;
  };

  /** Block k finished: its buffer moves to the summarizer (no copy, nothing kept here). */
  const send = (k: number, block: ReplicationBlock) => {
    sent[k] = true;
    const moved = Comlink.transfer([block], [block.data.buffer as ArrayBuffer]);
    summarizer.api.addBlocks(id, moved).catch(() => {}); // a failure shows in the summary
  };

  /** The summary of what the summarizer has (at least the first n blocks: calls arrive in order). */
  const summarize = (final: boolean): Promise<RunSummary> =>
    guarded(summarizer, summarizer.api.summarizeRun(id, final));

  const maybeSummarize = () => {
    if (stopped || summarizing) return;
    const n = prefixLength();
    if (n <= summarizedPrefix || n >= blockCount) return;
    const wait = lastSummaryAt + summaryInterval - now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = null;
        maybeSummarize();
      }, wait);
      return;
    }
    summarizedPrefix = n;
    const started = now();
    summarizing = summarize(false)
      .then((s) => {
        lastSummaryAt = now();
        summaryInterval = Math.max(summaryInterval, 3 * (lastSummaryAt - started));
        if (!stopped) {
          lastSummary = s;
          opts.onSummary?.(s, false);
        }
      })
      .catch(() => {
        // A failed partial summary is not fatal: the final one reports the error.
      })
      .finally(() => {
        summarizing = null;
        maybeSummarize();
      });
  };

  let resolveCancel: (o: RunOutcome) => void = () => {};
  const cancelled = new Promise<RunOutcome>((resolve) => {
    resolveCancel = resolve;
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    summarizer.terminate();
  };

  const main = (async (): Promise<RunOutcome> => {
    try {
      await runBlocks(scenario, settings, {
        workers: opts.workers,
        signal: controller.signal,
        createWorker: make,
        releaseWorker: release,
        onProgress: emitProgress,
        onBlock: (k, block) => {
          send(k, block);
          maybeSummarize();
        },
        keepBlocks: false,
      });
      if (timer) clearTimeout(timer);
      if (summarizing) await summarizing;
      const summary = await summarize(true);
      if (stopped) return { status: 'cancelled', summary: lastSummary };
      stopped = true;
      release(summarizer);
      opts.onSummary?.(summary, true);
      return { status: 'done', summary };
    } catch (e) {
      if (e instanceof RunCancelled) return { status: 'cancelled', summary: lastSummary };
      stop();
      return { status: 'error', error: message(e), summary: lastSummary };
    }
  })();

  controller.signal.addEventListener(
    'abort',
    () => {
      stop();
      resolveCancel({ status: 'cancelled', summary: lastSummary });
    },
    { once: true },
  );

  return {
    cancel: () => controller.abort(),
    result: Promise.race([main, cancelled]),
  };
}
