// How a run is cut into blocks of replications and shards: the one policy every pool (Web Worker,
// worker_threads, the Redis queue) and the CLI's --shard use. A block's records depend only on
// (scenario, seed, total replications) and its replication numbers, never on the cut, so any plan
// gives bit-identical results.

/** Replications [start, end). */
export type ReplicationRange = readonly [start: number, end: number];

export type BlockPlanOptions = {
  /** Processes or threads that take blocks at the same time (at least 1). */
  workers: number;
  /** A fixed number of replications per block; without it, the adaptive policy below. */
  blockSize?: number;
  /** Plan only these replications (a shard); default [0, replications). */
  range?: ReplicationRange;
};

/** The adaptive policy's largest block: big enough to amortize a hand-off, small enough to balance. */
export const MAX_BLOCK = 25;

/**
 * Blocks [start, end) covering the range in order. Without a fixed size, blocks start at one
 * replication (so the first partial result arrives quickly) and double, once per round of
 * `workers` blocks, up to about an eighth of each worker's share (at most {@link MAX_BLOCK});
 * towards the end they shrink again (at most an eighth of what is left per worker), so the workers
 * finish together instead of one waiting on a long last block.
 */
export function planBlocks(replications: number, opts: BlockPlanOptions): ReplicationRange[] {
  const [from, to] = opts.range ?? [0, replications];
  const w = Math.max(1, Math.floor(opts.workers));
  const fixed = opts.blockSize;
  const n = to - from;
  const cap = fixed ?? Math.max(1, Math.min(MAX_BLOCK, Math.ceil(n / (w * 8))));
  const out: ReplicationRange[] = [];
  let size = fixed ?? 1;
  for (let s = from, k = 0; s < to; k++) {
    if (fixed === undefined && k > 0 && k % w === 0) size = Math.min(cap, size * 2);
    const tail = fixed ?? Math.max(1, Math.ceil((to - s) / (8 * w)));
    const end = Math.min(to, s + Math.min(size, tail));
    out.push([s, end]);
    s = end;
  }
  return out;
}

/**
 * Shard `index` of `count` (index counts from 0, as Kubernetes' JOB_COMPLETION_INDEX and a Slurm
 * array from 0 do): a contiguous share of [0, replications), the shares differing by at most one.
 */
export function shardRange(replications: number, index: number, count: number): ReplicationRange {
  return [Math.floor((index * replications) / count), Math.floor(((index + 1) * replications) / count)];
}
