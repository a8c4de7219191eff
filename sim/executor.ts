// The one way a caller has replication blocks computed — the CLI's run and shards, the pilot
// planner, and later sweeps, sensitivity and calibration: the worker_threads pool or the Redis
// queue in Node (runtime/node-pool.ts, runtime/queue.ts), the Web Worker pool in the studio
// (renderer/sim-client/pool.ts). Each returns the blocks in replication order, so the summary is
// the same bytes whichever runs them. Types and two small classes: no Node or DOM API.
import type { ReplicationRange } from './blocks';
import type { ReplicationBlock, RunSettings } from './run-settings';
import type { Scenario } from './scenario';

/** What a run needs of an AbortSignal (the DOM's and Node's both fit; the core knows neither). */
export type AbortSignalLike = {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

export type ExecuteOptions = {
  /** Only these replications (a shard); default all of settings.replications. */
  range?: ReplicationRange;
  /** A fixed block size; default the shared adaptive policy (sim/blocks.ts). */
  blockSize?: number;
  /** Replications finished so far in this run (called often; throttle drawing yourself). */
  onProgress?: (done: number) => void;
  /** Each block as it arrives (in any order), with the replications done so far. */
  onBlock?: (block: ReplicationBlock, done: number) => void;
  /**
   * false: the blocks go only to onBlock (which reduces them, see SummaryColumns) and run resolves
   * with none, so a long run does not keep its records. Default true.
   */
  keepBlocks?: boolean;
  /** Abort: the run stops at once and rejects with RunCancelled; pending work is dropped. */
  signal?: AbortSignalLike;
};

export type Executor = {
  /** Where blocks run, for messages ("2 worker threads", "queue redis://…"). */
  readonly description: string;
  /** Run the replications; resolves with the blocks covering the range, in replication order (none with keepBlocks: false). */
  run(scenario: Scenario, settings: RunSettings, opts?: ExecuteOptions): Promise<ReplicationBlock[]>;
  /** Release threads and connections. */
  close(): Promise<void>;
};

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
  }
}

/** A problem of the executor itself (an unreachable queue, a block failed on a worker): one clear line, exit 1. */
export class ExecutorError extends Error {}

/** Progress of a run over many blocks: per-block counts, so a block's updates never count twice. */
export class BlockProgress {
  private readonly doneByBlock: number[];
  done = 0;

  constructor(
    blocks: number,
    private readonly onProgress?: (done: number) => void,
  ) {
    this.doneByBlock = new Array<number>(blocks).fill(0);
  }

  /** Block k has finished n replications (counts only go up). */
  report(k: number, n: number): void {
    if (n <= this.doneByBlock[k]) return;
    this.done += n - this.doneByBlock[k];
    this.doneByBlock[k] = n;
    this.onProgress?.(this.done);
  }
}
