// One replication: organic behaviour for everyone a strategy could touch, randomized assignment,
// triggers, then week by week every strategy's journeys in priority order (contact policy,
// budget, staff capacity, reach, response, referral, conversion), then per-customer outcomes
// aggregated into the replication record. Pure: output fixed by (model, replication, replications).
// Each phase lives in a file of its own: organic.ts, assignment.ts, journeys.ts, outcomes.ts,
// aggregate.ts (with events.ts and purchases.ts beside journeys and outcomes); engine-state.ts holds what they share.
import { uniformKey } from '../rng/streams';
import { aggregate } from './aggregate';
import { assignAndTrigger } from './assignment';
import type { Engine } from './engine-state';
import { runWeeks } from './journeys';
import { simulateOrganic } from './organic';
import { settleOutcomes } from './outcomes';
import { drawRepTables } from './params';
import { resetWorkspace } from './workspace';

export { createEngine, type Engine } from './engine-state';

/** The phases of a replication, in order, as runReplication times them (benchmarks). */
export const PHASES = ['tables', 'organic', 'assignment', 'weeks', 'outcomes', 'aggregate'] as const;

/** Where runReplication adds each phase's time: a clock (ms) and one slot a phase. */
export type PhaseTiming = { now: () => number; ms: Float64Array };

/**
 * Run replication `rep` of `replications` and write its record into `out` at `offset`. With
 * `timing` (benchmarks; the core has no clock of its own), each phase's time by `timing.now` is
 * added to its slot of `timing.ms` (PHASES order; the pilot's tests are part of 'aggregate',
 * clearing the workspace of 'tables').
 */
export function runReplication(
  engine: Engine,
  rep: number,
  replications: number,
  out: Float64Array,
  offset: number,
  timing?: PhaseTiming,
): void {
  const { model, ws } = engine;
  let t = timing ? timing.now() : 0;
  const tables = drawRepTables(model, rep, replications, engine.lhsCache);
  resetWorkspace(ws, model);
  const rec = out.subarray(offset, offset + model.layout.length);
  rec.fill(0);
  if (timing) t = lap(timing, 0, t);
  const bkey = uniformKey(model.seed, 'behaviour', rep);
  simulateOrganic(engine, tables, bkey);
  if (timing) t = lap(timing, 1, t);
  assignAndTrigger(engine, tables, rep);
  if (timing) t = lap(timing, 2, t);
  runWeeks(engine, tables, rec, rep, bkey);
  if (timing) t = lap(timing, 3, t);
  settleOutcomes(engine, tables, bkey);
  if (timing) t = lap(timing, 4, t);
  aggregate(engine, tables, rec, rep);
  if (timing) lap(timing, 5, t);
}

function lap(timing: PhaseTiming, k: number, since: number): number {
  const now = timing.now();
  timing.ms[k] += now - since;
  return now;
}
