// A benchmark's view of the weekly loop (scripts/bench-bucket.ts): one (strategy, week) bucket of
// one replication, run again and again from the same state. The whole-replication benchmark moves
// ±10–20% between processes on the shared VM; a bucket timed in one process, alternating with
// another checkout's engine on the same state, resolves a few per cent.

import { uniformKey } from '../rng/streams';
import { assignAndTrigger } from './assignment';
import { createEngine, type Engine } from './engine-state';
import { runBucket } from './journeys';
import type { Model } from './model';
import { simulateOrganic } from './organic';
import { drawRepTables } from './params';
import { runReplication } from './replication';
import { createWeekRun } from './week-run';
import { resetWorkspace } from './workspace';

export type BucketTimer = {
  /** Entries the bucket holds when it starts (its triggers and the steps queued for its week). */
  entries: number;
  week: number;
  /** The replication's record, as the bucket's last run left it. */
  rec: Float64Array;
  /** Restore the bucket's starting state, run it once, and return the milliseconds by `now`. */
  runOnce(now: () => number): number;
};

type Saved = {
  target: Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int16Array;
  copy: ArrayLike<number>;
};

/**
 * A timer for strategy `strategyId`'s bucket in `week` (or its first week with at least 1,000
 * entries) of replication `rep`, after `warmUp` whole replications have given V8 its type
 * feedback. Everything the bucket writes — the workspace's arrays, the queues, the record — is
 * restored before each run.
 */
export function bucketTimer(
  model: Model,
  strategyId: string,
  week: number | undefined,
  rep: number,
  replications: number,
  warmUp: number,
): BucketTimer {
  const si = model.strategyIds.indexOf(strategyId);
  if (si < 0) throw new Error(`no strategy "${strategyId}" (strategies: ${model.strategyIds.join(', ')})`);
  const engine = createEngine(model);
  const rec = new Float64Array(model.layout.length);
  for (let r = 0; r < warmUp; r++) runReplication(engine, replications - 1 - r, replications, rec, 0);
  const { ws } = engine;
  const tables = drawRepTables(model, rep, replications, engine.lhsCache);
  resetWorkspace(ws, model);
  rec.fill(0);
  const bkey = uniformKey(model.seed, 'behaviour', rep);
  simulateOrganic(engine, tables, bkey);
  assignAndTrigger(engine, tables, rep);
  const run = createWeekRun(engine, tables, rec, rep, bkey);
  const order = model.order;
  const size = (t: number) => {
    const b = si * (model.weeks + 1) + t;
    return ws.triggers.start[b + 1] - ws.triggers.start[b] + ws.tokens.size[b] / 4;
  };
  let t = 0;
  for (; t < model.weeks; t++) {
    // The week as runWeek runs it, up to this strategy's bucket (those before it in priority
    // order use the week's capacity and contacts first).
    ws.capUsedAll.fill(0);
    let k = 0;
    for (; order[k] !== si; k++) runBucket(run, order[k], t);
    if (week === undefined ? size(t) >= 1000 : t === week) break;
    for (; k < order.length; k++) runBucket(run, order[k], t);
  }
  if (t === model.weeks)
    throw new Error(
      week === undefined
        ? `strategy "${strategyId}" has no week with 1,000 entries in replication ${rep}: name one with --week`
        : `week ${week} is past the horizon (${model.weeks} weeks)`,
    );
  const saved = snapshot(engine, rec);
  const queues = ws.tokens.data.slice();
  return {
    entries: size(t),
    week: t,
    rec,
    runOnce(now) {
      for (const s of saved) s.target.set(s.copy);
      for (let b = 0; b < queues.length; b++) ws.tokens.data[b] = queues[b];
      const t0 = now();
      runBucket(run, si, t);
      return now() - t0;
    },
  };
}

/** Copies of every typed array the workspace holds (directly or in a list) and of the record. */
function snapshot(engine: Engine, rec: Float64Array): Saved[] {
  const out: Saved[] = [{ target: rec, copy: rec.slice() }];
  const add = (x: unknown) => {
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      const target = x as Saved['target'];
      out.push({ target, copy: target.slice() });
    }
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value))
      for (const inner of Object.values(value)) {
        if (Array.isArray(inner)) inner.forEach(add);
        else add(inner);
      }
    else add(value);
  };
  for (const value of Object.values(engine.ws)) visit(value);
  return out;
}
