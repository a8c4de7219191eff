// Runtime: Node. Runs beyond one machine: replication blocks as BullMQ jobs on Redis.
// `run --queue URL` publishes a run's blocks (QueueExecutor) and collects them in replication
// order; `worker --queue URL` (serveQueue) runs blocks of any run on a local thread pool.
//   - Scenarios travel once: the runner stores the scenario under its hash; a worker loads each
//     hash once and keeps it (several scenarios may be queued at once).
//   - Records travel as bytes: the worker writes a block's records to a result key before it
//     completes the job; the runner takes each block once (by block number), so a block that ran
//     twice — a worker thought dead came back — is never counted twice.
//   - A worker killed mid-block loses nothing: its job's lock expires and BullMQ's stalled-job
//     check in the other workers puts the block back in the queue.
//   - Cancelling removes the run's waiting blocks; blocks already running finish and expire.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { catalogueT, formatIssue } from '../../messages/index';
import type { ReplicationBlock, RunSettings } from '../api';
import { planBlocks } from '../blocks';
import { recordLayout } from '../engine/layout';
import { BlockProgress, type ExecuteOptions, type Executor, ExecutorError, RunCancelled } from '../executor';
import { loadScenarioText, type Scenario } from '../scenario';
import { NodePool } from './node-pool';
import { engineVersion } from './node-worker-bundle';
import { scenarioHash } from './partial';

export const QUEUE_NAME = 'sandtable-blocks';
const SCENARIO_TTL_S = 7 * 24 * 3600;
const RESULT_TTL_S = 24 * 3600;
const CONNECT_TIMEOUT_MS = 10_000;
/** How often the runner looks for results whose event it missed (a reconnect). */
const RECONCILE_MS = 2_000;
const PROGRESS_MS = 200;

const scenarioKey = (hash: string) => `sandtable:scenario:${hash}`;
const resultKey = (runId: string, block: number) => `sandtable:result:${runId}:${block}`;

type BlockJob = {
  runId: string;
  block: number;
  scenarioHash: string;
  seed: string;
  replications: number;
  start: number;
  end: number;
  engine: string;
};

async function connected<T>(url: string, ready: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ExecutorError(`cannot reach Redis at ${url} within ${CONNECT_TIMEOUT_MS / 1000} s`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function redisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  client.on('error', () => {}); // reconnects by itself; timeouts above report a dead server
  return client;
}

/** A connected client, or ExecutorError when Redis cannot be reached in time. */
async function reach(url: string): Promise<Redis> {
  const client = redisClient(url);
  try {
    await connected(url, client.ping());
    return client;
  } catch (err) {
    client.disconnect();
    throw err;
  }
}

/** Wait for closing connections, but not for ever (a lost server never acknowledges). */
async function settled(closing: Array<Promise<unknown>>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled(closing),
    new Promise((r) => {
      timer = setTimeout(r, CONNECT_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
}

/** Worker threads serving the queue: each worker names itself `c<concurrency>.<host>.<pid>`. */
async function servingThreads(queue: Queue): Promise<number> {
  const clients = await queue.getWorkers();
  const names = new Set(clients.map((c) => String(c.rawname ?? c.name ?? '')));
  let threads = 0;
  for (const name of names) threads += Number(/:w:c(\d+)\./.exec(name)?.[1] ?? 1);
  return threads;
}

function toFloat64(bytes: Buffer): Float64Array {
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export type QueueExecutorOptions = {
  /** Messages for the user (no worker connected yet, …). */
  notice?: (line: string) => void;
};

/** Runs blocks on whatever workers serve the queue at `url`. */
export class QueueExecutor implements Executor {
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly opts: QueueExecutorOptions = {},
  ) {
    this.description = `queue ${url}`;
  }

  async run(
    scenario: Scenario,
    settings: RunSettings,
    opts: ExecuteOptions = {},
  ): Promise<ReplicationBlock[]> {
    if (opts.signal?.aborted) throw new RunCancelled();
    const engine = await engineVersion();
    const hash = scenarioHash(scenario);
    const runId = randomUUID();
    // Reach Redis first: BullMQ's classes never settle close() on a server they never reached.
    const redis = await reach(this.url);
    const connection = { url: this.url, maxRetriesPerRequest: null };
    const queue = new Queue<BlockJob>(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    queue.on('error', () => {});
    events.on('error', () => {});
    let timer: ReturnType<typeof setInterval> | undefined;
    let onAbort = () => {};
    try {
      await connected(this.url, Promise.all([queue.waitUntilReady(), events.waitUntilReady()]));
      const threads = await servingThreads(queue);
      if (threads === 0)
        this.opts.notice?.(
          `waiting for workers: none serves ${this.url} yet (start one: npm run sim -- worker --queue ${this.url})\n`,
        );
      const plan = planBlocks(settings.replications, {
        workers: Math.max(1, threads),
        blockSize: opts.blockSize,
        range: opts.range,
      });
      const recordLength = recordLayout(scenario).length;
      await redis.set(scenarioKey(hash), JSON.stringify(scenario), 'EX', SCENARIO_TTL_S);

      const ids = plan.map((_, k) => `${runId}.${k}`);
      const indexOf = new Map(ids.map((id, k) => [id, k]));
      const keep = opts.keepBlocks !== false;
      const results: ReplicationBlock[] = new Array(keep ? plan.length : 0);
      const got = new Uint8Array(plan.length);
      const progress = new BlockProgress(plan.length, opts.onProgress);
      let left = plan.length;
      let finish: (err?: unknown) => void = () => {};
      const finished = new Promise<void>((resolve, reject) => {
        finish = (err) => (err === undefined ? resolve() : reject(err));
      });
      const fetching = new Set<number>();
      /** Take block k's records if a worker has written them (once, whichever copy). */
      const collect = async (k: number) => {
        if (got[k] || fetching.has(k)) return;
        fetching.add(k);
        try {
          const bytes = await redis.getBuffer(resultKey(runId, k));
          if (!bytes || got[k]) return;
          const [start, end] = plan[k];
          if (bytes.length !== (end - start) * recordLength * 8)
            throw new ExecutorError(
              `replications ${start}–${end - 1}: a worker returned ${bytes.length} bytes; expected ${(end - start) * recordLength * 8}`,
            );
          const block = { start, end, data: toFloat64(bytes) };
          got[k] = 1;
          if (keep) results[k] = block;
          progress.report(k, end - start);
          opts.onBlock?.(block, progress.done);
          void redis.del(resultKey(runId, k)).catch(() => {});
          if (--left === 0) finish();
        } finally {
          fetching.delete(k);
        }
      };
      events.on('completed', ({ jobId }) => {
        const k = indexOf.get(jobId);
        if (k !== undefined) collect(k).catch(finish);
      });
      events.on('progress', ({ jobId, data }) => {
        const k = indexOf.get(jobId);
        if (k !== undefined && typeof data === 'number') progress.report(k, data);
      });
      events.on('failed', ({ jobId, failedReason }) => {
        const k = indexOf.get(jobId);
        if (k === undefined || got[k]) return;
        const [start, end] = plan[k];
        finish(new ExecutorError(`replications ${start}–${end - 1} failed on a worker: ${failedReason}`));
      });
      const removePending = async () => {
        const pending = plan.map((_, k) => k).filter((k) => !got[k]);
        await Promise.all(pending.map((k) => queue.remove(ids[k]).catch(() => 0)));
        await Promise.all(pending.map((k) => redis.del(resultKey(runId, k)).catch(() => 0)));
      };
      onAbort = () => finish(new RunCancelled());
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) onAbort(); // aborted while connecting

      await queue.addBulk(
        plan.map(([start, end], k) => ({
          name: 'block',
          data: { runId, block: k, scenarioHash: hash, ...settings, start, end, engine },
          opts: { jobId: ids[k], removeOnComplete: true, removeOnFail: { age: 3600 } },
        })),
      );
      timer = setInterval(() => {
        for (let k = 0; k < plan.length; k++) if (!got[k]) collect(k).catch(finish);
      }, RECONCILE_MS);
      try {
        await finished;
      } catch (err) {
        await removePending();
        throw err;
      }
      return results;
    } finally {
      clearInterval(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      await settled([queue.close(), events.close()]);
      redis.disconnect();
    }
  }

  async close(): Promise<void> {}
}

export type ServeOptions = {
  /** Blocks run at once on this machine (one worker thread each). */
  concurrency: number;
  /** Seconds a silent worker keeps a block before another worker runs it again. */
  lockSeconds: number;
  signal: AbortSignal;
  log: (line: string) => void;
};

/** Serve the queue at `url` until the signal aborts; running blocks finish first. */
export async function serveQueue(url: string, opts: ServeOptions): Promise<void> {
  const engine = await engineVersion();
  const redis = await reach(url);
  const pool = new NodePool({ threads: opts.concurrency, idleTimeoutMs: 120_000 });
  const name = `c${opts.concurrency}.${hostname()}.${process.pid}`;
  const scenarios = new Map<string, Promise<Scenario>>();
  const load = (hash: string): Promise<Scenario> => {
    let s = scenarios.get(hash);
    if (!s) {
      s = redis.get(scenarioKey(hash)).then((text) => {
        if (text === null) throw new UnrecoverableError(`scenario ${hash} is not in Redis (expired?)`);
        const r = loadScenarioText(text);
        if (!r.ok)
          throw new UnrecoverableError(
            `scenario ${hash} does not validate here: ${formatIssue(r.issues[0], catalogueT('en'))}`,
          );
        if (scenarioHash(r.scenario) !== hash)
          throw new UnrecoverableError(
            `scenario ${hash} reads differently here (another Sandtable version?)`,
          );
        opts.log(`loaded scenario ${hash} (${r.scenario.meta.name})\n`);
        return r.scenario;
      });
      s.catch(() => scenarios.delete(hash));
      scenarios.set(hash, s);
    }
    return s;
  };
  const runJob = async (job: Job<BlockJob>) => {
    const d = job.data;
    if (d.engine !== engine)
      throw new UnrecoverableError(
        `worker ${name} runs ${engine}, the run needs ${d.engine}: run the same Sandtable build everywhere`,
      );
    const scenario = await load(d.scenarioHash);
    let lastProgress = Number.NEGATIVE_INFINITY;
    const block = await pool.runBlock(
      scenario,
      { seed: d.seed, replications: d.replications },
      d.start,
      d.end,
      {
        // At most a few progress events a second per block (each is a Redis write and an event).
        onProgress: (n) => {
          const now = performance.now();
          if (now - lastProgress < PROGRESS_MS) return;
          lastProgress = now;
          void job.updateProgress(n).catch(() => {});
        },
      },
    );
    const bytes = Buffer.from(block.data.buffer, block.data.byteOffset, block.data.byteLength);
    await redis.set(resultKey(d.runId, d.block), bytes, 'EX', RESULT_TTL_S);
    return { worker: name };
  };
  const worker = new Worker<BlockJob>(QUEUE_NAME, runJob, {
    connection: { url, maxRetriesPerRequest: null },
    concurrency: opts.concurrency,
    name,
    lockDuration: opts.lockSeconds * 1000,
    stalledInterval: Math.max(1000, (opts.lockSeconds * 1000) / 2),
    maxStalledCount: 5,
  });
  worker.on('error', (e) => opts.log(`worker: ${e.message}\n`));
  worker.on('failed', (job, e) => {
    if (job) opts.log(`block ${job.id} failed: ${e.message}\n`);
  });
  try {
    await connected(url, worker.waitUntilReady());
    opts.log(`worker ${name}: serving ${url} (${QUEUE_NAME}), ${opts.concurrency} thread(s), ${engine}\n`);
    await new Promise<void>((resolve) => {
      if (opts.signal.aborted) resolve();
      opts.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    opts.log('stopping: finishing the blocks in hand\n');
  } finally {
    await settled([worker.close()]);
    await pool.close();
    redis.disconnect();
  }
}
