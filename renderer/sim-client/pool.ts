// The only place that makes Workers. A run of R replications is cut into blocks; W workers take
// blocks off a queue; one more worker summarizes the contiguous prefix of finished blocks a few
// times a second so results stream in without a long task on the UI thread. Every block gets the
// same settings {seed, replications: R}, so the numbers do not depend on W.
import * as Comlink from 'comlink';
import type { ReplicationBlock, RunSettings, RunSummary, Scenario, SimWorkerApi } from '../../sim/index';

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

// Workers that finished a run cleanly are kept: the engine caches the built population per
// scenario, so the next run (or the next compare variant) starts faster. Cancel terminates them.
const idle: SimWorker[] = [];
const MAX_IDLE = 16;

function takeWorker(): SimWorker {
  return idle.pop() ?? createSimWorker();
}

function releaseWorker(w: SimWorker): void {
  if (idle.length < MAX_IDLE) idle.push(w);
  else w.terminate();
}

/** Call a worker method, failing fast if the worker dies instead of waiting forever. */
export function guarded<T>(w: SimWorker, call: Promise<T>): Promise<T> {
  return Promise.race([call, w.failure]);
}

/** Blocks [start, end) covering [0, R): 5–20 replications each, about 8 blocks per worker. */
export function planBlocks(replications: number, workers: number): Array<[number, number]> {
  const size = Math.max(5, Math.min(20, Math.ceil(replications / (Math.max(1, workers) * 8))));
  const out: Array<[number, number]> = [];
  for (let s = 0; s < replications; s += size) out.push([s, Math.min(replications, s + size)]);
  return out;
}

export type RunProgress = { done: number; planned: number; elapsedMs: number };

export type RunOutcome =
  | { status: 'done'; summary: RunSummary }
  | { status: 'cancelled'; summary: RunSummary | null }
  | { status: 'error'; error: string; summary: RunSummary | null };

export type RunHandle = { cancel(): void; result: Promise<RunOutcome> };

export type RunOptions = {
  workers: number;
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

export function startRun(scenario: Scenario, settings: RunSettings, opts: RunOptions): RunHandle {
  const now = opts.now ?? (() => performance.now());
  const make = opts.createWorker ?? takeWorker;
  const release = opts.releaseWorker ?? (opts.createWorker ? (w: SimWorker) => w.terminate() : releaseWorker);
  const blocks = planBlocks(settings.replications, opts.workers);
  const runners = Array.from({ length: Math.min(Math.max(1, opts.workers), blocks.length) }, () => make());
  let summarizer: SimWorker | null = null;
  const results: Array<ReplicationBlock | undefined> = new Array(blocks.length);
  const inflight = new Float64Array(blocks.length);
  const t0 = now();
  let inflightTotal = 0;
  let finished = 0;
  let next = 0;
  let stopped = false;
  let lastSummary: RunSummary | null = null;
  let summarizing: Promise<void> | null = null;
  let summarizedPrefix = 0;
  let lastSummaryAt = Number.NEGATIVE_INFINITY;
  let summaryInterval = opts.summaryIntervalMs ?? 300;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const terminateAll = () => {
    if (timer) clearTimeout(timer);
    for (const w of runners) w.terminate();
    summarizer?.terminate();
  };
  const releaseAll = () => {
    if (timer) clearTimeout(timer);
    for (const w of runners) release(w);
    if (summarizer) release(summarizer);
  };

  const emitProgress = (force = false) => {
    const t = now();
    if (!force && t - lastProgressAt < (opts.progressIntervalMs ?? 50)) return;
    lastProgressAt = t;
    opts.onProgress?.({ done: finished + inflightTotal, planned: settings.replications, elapsedMs: t - t0 });
  };

  const prefixLength = () => {
    let n = summarizedPrefix;
    while (n < results.length && results[n]) n++;
    return n;
  };

  /** Summarize blocks [0, n): their buffers go to the summarizer and come back (no copies here). */
  const summarize = async (n: number): Promise<RunSummary> => {
    summarizer ??= make();
    const w = summarizer;
    const prefix = results.slice(0, n) as ReplicationBlock[];
    const sent = Comlink.transfer(
      prefix,
      prefix.map((b) => b.data.buffer as ArrayBuffer),
    );
    const back = await guarded(w, w.api.summarizeBlocks(scenario, settings, sent));
    back.blocks.forEach((b, i) => {
      results[i] = b;
    });
    return back.summary;
  };

  const maybeSummarize = () => {
    if (stopped || summarizing) return;
    const n = prefixLength();
    if (n <= summarizedPrefix || n === blocks.length) return;
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
    summarizing = summarize(n)
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

  const loop = async (w: SimWorker) => {
    while (!stopped && next < blocks.length) {
      const idx = next++;
      const [start, end] = blocks[idx];
      const onBlockProgress = Comlink.proxy((doneInBlock: number) => {
        if (stopped || results[idx]) return;
        inflightTotal += doneInBlock - inflight[idx];
        inflight[idx] = doneInBlock;
        emitProgress();
      });
      const block = await guarded(w, w.api.runBlock(scenario, settings, start, end, onBlockProgress));
      if (stopped) return;
      results[idx] = block;
      inflightTotal -= inflight[idx];
      inflight[idx] = 0;
      finished += end - start;
      emitProgress(finished === settings.replications);
      maybeSummarize();
    }
  };

  let resolveCancel: (o: RunOutcome) => void = () => {};
  const cancelled = new Promise<RunOutcome>((resolve) => {
    resolveCancel = resolve;
  });

  const main = (async (): Promise<RunOutcome> => {
    try {
      await Promise.all(runners.map(loop));
      if (timer) clearTimeout(timer);
      if (summarizing) await summarizing;
      const summary = await summarize(blocks.length);
      if (stopped) return { status: 'cancelled', summary: lastSummary };
      stopped = true;
      releaseAll();
      opts.onSummary?.(summary, true);
      return { status: 'done', summary };
    } catch (e) {
      if (!stopped) {
        stopped = true;
        terminateAll();
      }
      return { status: 'error', error: message(e), summary: lastSummary };
    }
  })();

  return {
    cancel() {
      if (stopped) return;
      stopped = true;
      terminateAll();
      resolveCancel({ status: 'cancelled', summary: lastSummary });
    },
    result: Promise.race([main, cancelled]),
  };
}
