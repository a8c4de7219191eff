// What a run will cost before it starts: CPU and wall time from the work (customers × weeks ×
// strategies per replication) and peak memory from what each thread holds (population, workspace)
// and what the run keeps (every replication's record, then one concatenated copy for the summary).
// Computed from the scenario alone, without building the population (a 5,000,000-customer build is
// itself minutes and gigabytes). Coefficients measured on the omni example (docs/performance.md).
import { recordLayout } from './engine/layout';
import { columnsLayout } from './engine/summary-columns';
import type { Scenario } from './scenario/schema';

/**
 * CPU seconds per customer × week × strategy of one replication: W1 (100,000 customers, 26 weeks,
 * 4 strategies) measured 57–66 ms a replication with engine version 1 on one core of the 2-core VM,
 * version 2 ×0.79 and version 3 ×0.62 of version 1 in interleaved runs (docs/performance.md):
 * ~35–41 ms.
 * Every customer counts, not only those a strategy can touch (unknown before the build), so a
 * narrowly targeted scenario runs faster than estimated.
 */
const CPU_S_PER_CUSTOMER_WEEK_STRATEGY = 3.9e-9;
/** Population build and eligibility, per customer (W1: ~0.4 s for 100,000). */
const BUILD_S_PER_CUSTOMER = 4e-6;
/**
 * Bytes a thread holds per customer: population, eligibility and workspace arrays (W1: ~450 B at
 * 26 weeks, 4 strategies; engine version 2 added ~22 B: the packed contact-policy window, a scratch
 * list and per-product state of touchable customers).
 */
const BYTES_PER_CUSTOMER = 352;
const BYTES_PER_CUSTOMER_WEEK = 1;
const BYTES_PER_CUSTOMER_STRATEGY = 16;
/** A process's and a worker's own footprint (V8 isolate, the bundled code). */
const MAIN_BASE_BYTES = 100 * 2 ** 20;
const WORKER_BASE_BYTES = 30 * 2 ** 20;
/** Headroom for what the figures above leave out (garbage between collections, summaries). */
const HEADROOM = 1.15;

export type RunEstimate = {
  customers: number;
  replications: number;
  workers: number;
  /** CPU time of one replication on one core, in seconds. */
  cpuSecondsPerReplication: number;
  /** Wall time of the whole run with `workers` threads on `cores` cores, in seconds. */
  wallSeconds: number;
  /**
   * Bytes of one replication's record, and what the run keeps of all replications: each record
   * reduced to the summary's columns (engine/summary-columns.ts) as it arrives.
   */
  recordBytes: number;
  recordsBytes: number;
  /** Bytes one thread holds for the population and its workspace. */
  populationBytes: number;
  /** Peak resident memory of the run (main thread + workers), in bytes. */
  peakBytes: number;
};

/**
 * Estimate a run of `replications` of `scenario` with `workers` worker threads on a machine with
 * `cores` cores. Time: CPU per replication × replications ÷ the threads that run at once (at most
 * the cores; 90% parallel efficiency) + the population build. Memory: each thread (the main one
 * and each worker) holds the population and a workspace; each replication leaves its row of the
 * summary's columns.
 */
export function estimateRun(
  scenario: Scenario,
  replications: number,
  workers: number,
  cores: number,
): RunEstimate {
  const customers = scenario.population.size;
  const weeks = scenario.calendar.weeks;
  const strategies = scenario.strategies.length;
  const cpuSecondsPerReplication = CPU_S_PER_CUSTOMER_WEEK_STRATEGY * customers * weeks * strategies;
  const parallel = Math.max(1, Math.min(workers, cores));
  const efficiency = parallel > 1 ? 0.9 : 1;
  const wallSeconds =
    BUILD_S_PER_CUSTOMER * customers + (cpuSecondsPerReplication * replications) / (parallel * efficiency);
  const layout = recordLayout(scenario);
  const recordBytes = layout.length * 8;
  const recordsBytes = columnsLayout(layout).width * 8 * replications;
  const populationBytes =
    customers *
    (BYTES_PER_CUSTOMER + BYTES_PER_CUSTOMER_WEEK * weeks + BYTES_PER_CUSTOMER_STRATEGY * strategies);
  const threads = Math.max(1, workers) + 1;
  const peakBytes =
    HEADROOM *
    (MAIN_BASE_BYTES + WORKER_BASE_BYTES * Math.max(1, workers) + threads * populationBytes + recordsBytes);
  return {
    customers,
    replications,
    workers,
    cpuSecondsPerReplication,
    wallSeconds,
    recordBytes,
    recordsBytes,
    populationBytes,
    peakBytes,
  };
}

export type EstimateMessage = {
  code: 'estimate.summary' | 'estimate.too-big';
  params: Record<string, number>;
};

const MB = 2 ** 20;

function cpuMsOf(seconds: number): number {
  const ms = 1000 * seconds;
  return ms < 10 ? Number(ms.toPrecision(2)) : Math.round(ms);
}

/**
 * The estimate as a message: its summary, or, when the peak would exceed `availableBytes`, a
 * refusal that says what takes the memory (records by replications, population by customers and
 * threads) so the user knows what to reduce.
 */
export function estimateMessage(e: RunEstimate, availableBytes: number): EstimateMessage {
  const params = {
    wallSeconds: Math.ceil(e.wallSeconds),
    // Two significant digits below 10 ms (a small scenario's 0.4 ms would otherwise read 0).
    cpuMs: cpuMsOf(e.cpuSecondsPerReplication),
    workers: e.workers,
    peakMb: Math.ceil(e.peakBytes / MB),
    availableMb: Math.floor(availableBytes / MB),
    recordsMb: Math.ceil(e.recordsBytes / MB),
    replications: e.replications,
    populationMb: Math.ceil(e.populationBytes / MB),
    customers: e.customers,
    threads: Math.max(1, e.workers) + 1,
  };
  return { code: e.peakBytes > availableBytes ? 'estimate.too-big' : 'estimate.summary', params };
}
