// The one simulation API. The same object runs in a Web Worker (Comlink), in Node
// worker_threads (Comlink over nodeEndpoint) and in-process in tests and the CLI.
// A run is cut into blocks of replications; any worker may run any block; blocks are merged
// in replication order, so the result depends only on (scenario, seed, replications).
import { type BucketTimer, bucketTimer as timeBucket } from './engine/bucket-timer';
import { recordLayout } from './engine/layout';
import { type Model, prepareModel } from './engine/model';
import { createEngine, type Engine, PHASES, runReplication } from './engine/replication';
import { summarizeSegments } from './engine/segments';
import { summarizeColumns, summarizeRecords } from './engine/summarize';
import { SummaryColumns } from './engine/summary-columns';
import { readPilotRun } from './planner/pilot-analysis';
import type { PilotRun, RunPoint } from './planner/pilot-types';
import { summarizePopulation } from './population/summary';
import type { PopulationSummary, RunSummary } from './results';
import { hash32 } from './rng/streams';
import type { ReplicationBlock, RunSettings } from './run-settings';
import { type LoadResult, loadScenarioText, type Scenario, validateScenario } from './scenario';

export type { ReplicationBlock, RunSettings };

export type SimApi = {
  /** Parse and validate scenario text (same rules as the CLI and the desktop shell). */
  validateText(text: string): LoadResult;
  /** Validate a parsed JSON value as a scenario. */
  validate(doc: unknown): LoadResult;
  /** Summary statistics of the synthetic population (Lorenz, tiers, grid, branches) and each strategy's segment size. */
  populationSummary(scenario: Scenario, seed?: string): PopulationSummary;
  /** Run replications [start, end); onProgress is called after each replication with the count done. */
  runBlock(
    scenario: Scenario,
    settings: RunSettings,
    start: number,
    end: number,
    onProgress?: (doneInBlock: number) => void,
  ): ReplicationBlock;
  /** Summarize blocks covering [0, n) in order (partial runs allowed: n ≤ settings.replications). */
  summarize(scenario: Scenario, settings: RunSettings, blocks: ReplicationBlock[]): RunSummary;
  /**
   * Summarize a whole run of a planner job (blocks covering [0, settings.replications)) and read
   * it where its records are: for a pilot point (`point.pilot`), power, ICC and the formula.
   */
  readPlanRun(
    scenario: Scenario,
    settings: RunSettings,
    blocks: ReplicationBlock[],
    point: RunPoint,
  ): PilotRun;
};

/**
 * The worker's API: the same, plus a run summarized where it is reduced (the studio's summarizer
 * worker): blocks are sent in as they finish, reduced to the run's columns and dropped, so neither
 * the page nor the worker keeps the records; a summary can be asked for at any time.
 */
export type SimWorkerApi = SimApi & {
  /** Open run `id` here (its columns, sized for settings.replications). */
  openRun(id: number, scenario: Scenario, settings: RunSettings): void;
  /** Reduce blocks of run `id` (in any order) into its columns and drop their records. */
  addBlocks(id: number, blocks: ReplicationBlock[]): void;
  /**
   * The summary of run `id`'s replications so far (the contiguous prefix from 0). `final`: every
   * block must have come; the run is then forgotten. Throws what adding a block threw.
   */
  summarizeRun(id: number, final: boolean): RunSummary;
};

/**
 * The runs a worker is summarizing (SimWorkerApi's openRun, addBlocks and summarizeRun, without
 * the transport). A cancelled run's worker is terminated, so a run is forgotten only when final.
 */
export class OpenRuns {
  private readonly runs = new Map<
    number,
    { scenario: Scenario; settings: RunSettings; cols: SummaryColumns; error: unknown }
  >();

  open(id: number, scenario: Scenario, settings: RunSettings): void {
    const cols = new SummaryColumns(recordLayout(scenario), settings.replications);
    this.runs.set(id, { scenario, settings, cols, error: undefined });
  }

  add(id: number, blocks: ReplicationBlock[]): void {
    const run = this.get(id);
    try {
      for (const b of blocks) run.cols.add(b.start, b.end, b.data);
    } catch (e) {
      run.error ??= e;
    }
  }

  summarize(id: number, final: boolean): RunSummary {
    const run = this.get(id);
    if (final) this.runs.delete(id);
    if (run.error !== undefined) throw run.error;
    if (final) {
      run.cols.assertContiguous();
      if (run.cols.count !== run.settings.replications)
        throw new Error(`run ${id} has ${run.cols.count} of ${run.settings.replications} replications`);
    }
    return summarizeColumns(run.scenario, run.settings.seed, run.cols, run.settings.replications);
  }

  private get(id: number) {
    const run = this.runs.get(id);
    if (!run) throw new Error(`no open run ${id} in this worker`);
    return run;
  }
}

/** The default settings of a scenario (its own seed and replication count). */
export function defaultSettings(scenario: Scenario): RunSettings {
  return { seed: String(scenario.monteCarlo.seed), replications: scenario.monteCarlo.replications };
}

// Building the population and eligibility is the expensive part of a block; keep the last few.
const engines = new Map<string, Engine>();
const ENGINE_CACHE_SIZE = 2;

function engineKey(scenario: Scenario, seed: string): string {
  const text = JSON.stringify(scenario);
  return `${hash32(text).toString(16)}:${hash32(text, 0x1b873593).toString(16)}:${text.length}|${seed}`;
}

function engineFor(scenario: Scenario, seed: string): Engine {
  const key = engineKey(scenario, seed);
  let engine = engines.get(key);
  if (engine) {
    engines.delete(key);
    engines.set(key, engine);
    return engine;
  }
  engine = createEngine(prepareModel(scenario, seed));
  engines.set(key, engine);
  while (engines.size > ENGINE_CACHE_SIZE) engines.delete(engines.keys().next().value as string);
  return engine;
}

/**
 * The static part of a run (population, eligibility, calendar, journeys) for (scenario, seed),
 * built once and cached. It holds only plain data and typed arrays, so a runtime can hand it to
 * its worker threads (structured clone) instead of having each of them build it again.
 */
export function preparedModel(scenario: Scenario, seed: string): Model {
  return engineFor(scenario, seed).model;
}

/**
 * Use a model that preparedModel(scenario, seed) returned elsewhere (another thread's copy) for
 * this (scenario, seed): the same data, so the same results as building it here.
 */
export function adoptModel(scenario: Scenario, seed: string, model: Model): void {
  const key = engineKey(scenario, seed);
  if (engines.has(key)) return;
  engines.set(key, createEngine(model));
  while (engines.size > ENGINE_CACHE_SIZE) engines.delete(engines.keys().next().value as string);
}

/** Forget cached populations (benchmarks measure cold starts with it). */
export function clearEngineCache(): void {
  engines.clear();
}

/**
 * Benchmarks: run replications [start, end) in this thread, as runBlock does, and return each
 * phase's time by the clock `now` (ms) a replication (PHASES order: tables, organic, assignment,
 * weeks, outcomes, aggregate with the pilot's tests).
 */
export function phaseSplit(
  scenario: Scenario,
  settings: RunSettings,
  start: number,
  end: number,
  now: () => number,
): Record<(typeof PHASES)[number], number> {
  const engine = engineFor(scenario, settings.seed);
  const len = engine.model.layout.length;
  const data = new Float64Array(len);
  const timing = { now, ms: new Float64Array(PHASES.length) };
  for (let r = start; r < end; r++) runReplication(engine, r, settings.replications, data, 0, timing);
  return Object.fromEntries(PHASES.map((p, k) => [p, timing.ms[k] / (end - start)])) as Record<
    (typeof PHASES)[number],
    number
  >;
}

/**
 * Benchmarks (scripts/bench-bucket.ts): a timer for one bucket of the weekly loop — strategy
 * `strategyId` in `week` (default: its first week with 1,000 entries) of replication `rep`, after
 * `warmUp` replications (sim/engine/bucket-timer.ts).
 */
export function bucketTimer(
  scenario: Scenario,
  settings: RunSettings,
  strategyId: string,
  week?: number,
  rep = 7,
  warmUp = 6,
): BucketTimer {
  const model = preparedModel(scenario, settings.seed);
  return timeBucket(model, strategyId, week, rep, settings.replications, warmUp);
}

/** Check that blocks cover [0, n) in order, and concatenate their records. */
export function concatBlocks(blocks: ReplicationBlock[], recordLength: number): Float64Array {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const b of sorted) {
    if (b.start !== next)
      throw new Error(
        `replication blocks leave a gap or overlap at replication ${next} (next block starts at ${b.start})`,
      );
    if (b.data.length !== (b.end - b.start) * recordLength)
      throw new Error(`block ${b.start}–${b.end} has the wrong size for this scenario`);
    next = b.end;
  }
  const out = new Float64Array(next * recordLength);
  for (const b of sorted) out.set(b.data, b.start * recordLength);
  return out;
}

export const simApi: SimApi = {
  validateText: loadScenarioText,
  validate: validateScenario,
  populationSummary(scenario, seed) {
    const s = seed ?? String(scenario.monteCarlo.seed);
    const model = engineFor(scenario, s).model;
    return { ...summarizePopulation(scenario, model.pop), segments: summarizeSegments(model) };
  },
  runBlock(scenario, settings, start, end, onProgress) {
    if (
      !(
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= 0 &&
        end > start &&
        end <= settings.replications
      )
    ) {
      throw new Error(
        `replications ${start}–${end} are not a block of a ${settings.replications}-replication run`,
      );
    }
    const engine = engineFor(scenario, settings.seed);
    const len = engine.model.layout.length;
    const data = new Float64Array((end - start) * len);
    for (let r = start; r < end; r++) {
      runReplication(engine, r, settings.replications, data, (r - start) * len);
      onProgress?.(r - start + 1);
    }
    return { start, end, data };
  },
  summarize(scenario, settings, blocks) {
    // The layout depends on the scenario alone; no population is built to summarize. Each block is
    // reduced to the summary's columns in turn (no concatenated copy of the records).
    const count = blocks.reduce((n, b) => n + (b.end - b.start), 0);
    const cols = new SummaryColumns(recordLayout(scenario), count);
    for (const b of blocks) cols.add(b.start, b.end, b.data);
    cols.assertContiguous();
    return summarizeColumns(scenario, settings.seed, cols, settings.replications);
  },
  readPlanRun(scenario, settings, blocks, point) {
    const records = concatBlocks(blocks, recordLayout(scenario).length);
    if (records.length !== settings.replications * recordLayout(scenario).length)
      throw new Error(`a planner run needs all ${settings.replications} replications`);
    const summary = summarizeRecords(scenario, settings.seed, records, settings.replications);
    return readPilotRun(scenario, summary, records, point);
  },
};

export { loadScenarioText, validateScenario };
