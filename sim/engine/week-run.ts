// What the weekly loop reads, gathered once a replication (WeekRun), so that each (strategy, week)
// bucket starts from a handful of property reads instead of re-deriving them from the scenario.
import { type UniformKey, uniformKey } from '../rng/streams';
import { type ContactProfile, contactProfile } from './contact-profile';
import { type Engine, FATIGUE_TABLE } from './engine-state';
import { type EventWindows, eventWindows } from './events';
import { CHANNEL, CHANNEL_FIELDS } from './layout';
import type { RepTables } from './params';
import { type PurchaseTable, purchaseTable } from './purchases';
import { TOKEN_CHECK, TOKEN_START } from './workspace';

/** Everything the weekly loop (journeys.ts) reads, gathered once a replication. */
export type WeekRun = {
  engine: Engine;
  tables: RepTables;
  rec: Float64Array;
  bkey: UniformKey;
  ckeys: UniformKey[];
  skeys: UniformKey[];
  events: EventWindows;
  /** Static reach (opt-in, consent, link) as one byte a customer (contact-profile.ts). */
  profile: ContactProfile;
  /** (1 − fatigue)^k per channel for k < FATIGUE_TABLE, from the same expression (Math.pow is slow per contact). */
  fatigueMult: Float64Array;
  /** Sequence-trigger strategies get TOKEN_CHECK entries, all others TOKEN_START. */
  triggerKind: Int32Array;
  /** tables.capacity in one array: capacityAll[c * branches + b] (as ws.capUsedAll). */
  capacityAll: Float64Array;
  /** isCapped[c] = 1 when channel c has a finite capacity in some branch (only those count attempts). */
  isCapped: Uint8Array;
  /** Some channel's fatigue window is longer than the packed policy window's four weeks. */
  longFatigue: boolean;
  /** Product constants for the conversions' purchases. */
  purchases: PurchaseTable;
};

/**
 * What the weekly loop of replication `rep` reads (WeekRun), and the capacity each channel makes
 * available over the horizon, written to the record (reported as the capacity used share).
 */
export function createWeekRun(
  engine: Engine,
  tables: RepTables,
  rec: Float64Array,
  rep: number,
  bkey: UniformKey,
): WeekRun {
  const { model, ws } = engine;
  const s = tables.scenario;
  const W = model.weeks;
  const CH = CHANNEL_FIELDS.length;
  const chBase = model.layout.channelBase;
  const { capacity, chFatigue } = tables;
  const nC = s.channels.length;
  const fatigueMult = new Float64Array(nC * FATIGUE_TABLE);
  for (let c = 0; c < nC; c++)
    for (let k = 0; k < FATIGUE_TABLE; k++) fatigueMult[c * FATIGUE_TABLE + k] = (1 - chFatigue[c]) ** k;
  const run: WeekRun = {
    engine,
    tables,
    rec,
    bkey,
    ckeys: s.strategies.map((st) => uniformKey(model.seed, 'contact', rep, st.id)),
    skeys: s.strategies.map((st) => uniformKey(model.seed, 'sequence', rep, st.id)),
    events: eventWindows(engine, tables),
    profile: contactProfile(model),
    fatigueMult,
    triggerKind: Int32Array.from(s.strategies, (st) =>
      st.trigger.type === 'sequence' ? TOKEN_CHECK : TOKEN_START,
    ),
    longFatigue: tables.chFatigueWeeks.some((w) => w > 4),
    isCapped: Uint8Array.from(capacity, (cap) => (cap.some((x) => Number.isFinite(x)) ? 1 : 0)),
    capacityAll: new Float64Array(ws.capUsedAll.length),
    purchases: purchaseTable(engine, tables),
  };
  if (run.longFatigue) ws.contacts.fill(0);
  const nB = model.pop.branches.length;
  for (let c = 0; c < nC; c++) run.capacityAll.set(capacity[c], c * nB);
  for (let c = 0; c < nC; c++) {
    const cap = capacity[c];
    let total = 0;
    if (model.capacityIsGlobal[c]) total = cap[0];
    else for (let b = 0; b < cap.length; b++) total += cap[b];
    rec[chBase + c * CH + CHANNEL.capacity] = Number.isFinite(total) ? total * W : Number.NaN;
  }
  return run;
}
