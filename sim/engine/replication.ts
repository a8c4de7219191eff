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

/** Run replication `rep` of `replications` and write its record into `out` at `offset`. */
export function runReplication(
  engine: Engine,
  rep: number,
  replications: number,
  out: Float64Array,
  offset: number,
): void {
  const { model, ws } = engine;
  const tables = drawRepTables(model, rep, replications, engine.lhsCache);
  resetWorkspace(ws, model);
  const rec = out.subarray(offset, offset + model.layout.length);
  rec.fill(0);
  const bkey = uniformKey(model.seed, 'behaviour', rep);
  simulateOrganic(engine, tables, bkey);
  assignAndTrigger(engine, tables, rep);
  runWeeks(engine, tables, rec, rep, bkey);
  settleOutcomes(engine, tables, bkey);
  aggregate(engine, tables, rec, rep);
}
