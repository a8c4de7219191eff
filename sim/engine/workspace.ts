// Reusable per-replication state (typed arrays sized to the population), allocated once per
// model and reset between replications, so the hot loop allocates nothing per customer.
import type { Model } from './model';
import { createPilotData } from './pilot-tests';

export const NONE = 32767;

/**
 * The week of a day counted from the start: Math.floor(day / 7), for a whole-number day (int32).
 * An integer division where day ≥ 0 (V8 turns it into a multiply and shift; the float division
 * and rounding took ~10% of a weekly-loop entry that queues a step), Math.floor below.
 */
export function weekOfDay(day: number): number {
  return day >= 0 ? (day / 7) | 0 : Math.floor(day / 7);
}
/** The four 6-bit week counts of Workspace.policyWindow. */
export const WINDOW_COUNTS = 0xffffff;

/**
 * The bit of relevant product r in the per-customer purchase masks (products from 7 on share the
 * top bit, so a set bit means "maybe": the tables are then read as before).
 */
export function productBit(r: number): number {
  return r < 7 ? 1 << r : 128;
}

/** Bits of ws.flags[s][i], customer i's state in strategy s's journey. */
export const FLAG_REACHED = 1;
export const FLAG_RESPONDED = 2;
/** Converted by the campaign (a customer converted by several strategies shares the modelled effect). */
export const FLAG_CONVERTED = 4;
/** In the journey now: a further trigger does not start it again. */
export const FLAG_IN_JOURNEY = 8;

/** Token kinds in the weekly queues: a journey step, a journey start, a sequence-trigger check. */
export const TOKEN_STEP = 0;
export const TOKEN_START = 1;
export const TOKEN_CHECK = 2;

/**
 * Ints per queued journey step in TokenQueues.data: customer, step << 4 | queued, day, lead day.
 * Weeks queued stay below 16: a step is queued again only while that count is below
 * MAX_POLICY_POSTPONES (3) or the channel's maxQueueWeeks (at most 12, schema).
 */
export const TOKEN_FIELDS = 4;

/**
 * Journey steps queued while the weekly loop runs (all TOKEN_STEP), per (strategy, week) bucket in
 * the order they were queued: one packed Int32Array a bucket, so the loop reads a bucket's steps
 * from consecutive memory (a linked pool spread each step over six arrays and the buckets
 * interleaved). The arrays keep their size across replications.
 */
export class TokenQueues {
  data: Int32Array[];
  /** Ints used in data[b]. */
  size: Int32Array;

  constructor(buckets: number) {
    this.data = Array.from({ length: buckets }, () => new Int32Array(64 * TOKEN_FIELDS));
    this.size = new Int32Array(buckets);
  }

  reset(): void {
    this.size.fill(0);
  }

  /** Bucket b's array, at least `min` ints long (the entries kept). */
  grow(b: number, min: number): Int32Array {
    let cap = this.data[b].length * 2;
    while (cap < min) cap *= 2;
    const a = new Int32Array(cap);
    a.set(this.data[b]);
    this.data[b] = a;
    return a;
  }
}

/**
 * Journey entries scheduled before the weekly loop (batch week, event occurrences, sequence
 * checks), stored contiguously per (strategy, week) bucket in the order they were scheduled. The
 * loop reads a bucket's triggers first, then its queued steps (TokenQueues): the same order as one
 * queue that held both, without a queued step per trigger (W1 schedules ~240,000 of them a
 * replication).
 */
export class TriggerList {
  /** Customer, day (from the start) and, for a sequence check, the day of the first event. */
  cust = new Int32Array(1024);
  day = new Int32Array(1024);
  eventDay = new Int32Array(1024);
  /** Bucket b's entries are [start[b], start[b + 1]). */
  start: Int32Array;
  /** isUnique[s] = 1 when no customer has two of strategy s's entries in one week (batch, payroll one a week). */
  isUnique: Uint8Array;
  size = 0;
  // Entries of the strategy being scheduled, before they are grouped by week.
  private pendingWeek = new Int32Array(1024);
  private pendingCust = new Int32Array(1024);
  private pendingDay = new Int32Array(1024);
  private pendingEventDay = new Int32Array(1024);
  private pending = 0;
  // Pending entries per week, counted as they are added, and whether they came in week order.
  private pendingCounts: Int32Array;
  private lastWeek = -1;
  private isSorted = true;
  private readonly weeks: number;

  constructor(strategies: number, weeks: number) {
    this.weeks = weeks;
    this.start = new Int32Array(strategies * (weeks + 1) + 1);
    this.isUnique = new Uint8Array(strategies);
    this.pendingCounts = new Int32Array(weeks + 1);
  }

  reset(): void {
    this.size = 0;
    this.clearPending();
    this.start.fill(0);
  }

  private clearPending(): void {
    this.pending = 0;
    this.pendingCounts.fill(0);
    this.lastWeek = -1;
    this.isSorted = true;
  }

  private countPending(week: number, count: number): void {
    this.pendingCounts[week] += count;
    if (week < this.lastWeek) this.isSorted = false;
    this.lastWeek = week;
  }

  /** Schedule an entry of the current strategy (dropped when its week is past the horizon). */
  add(i: number, day: number, eventDay: number): void {
    const week = weekOfDay(day);
    if (week >= this.weeks) return;
    if (this.pending === this.pendingCust.length) this.growPending();
    const k = this.pending++;
    this.countPending(week, 1);
    this.pendingWeek[k] = week;
    this.pendingCust[k] = i;
    this.pendingDay[k] = day;
    this.pendingEventDay[k] = eventDay;
  }

  /** Schedule customers list[0..count) of the current strategy on one day, in list order. */
  addAll(list: Int32Array, count: number, day: number): void {
    const week = weekOfDay(day);
    if (week >= this.weeks || count === 0) return;
    while (this.pending + count > this.pendingCust.length) this.growPending();
    const k = this.pending;
    this.countPending(week, count);
    this.pendingWeek.fill(week, k, k + count);
    this.pendingCust.set(list.subarray(0, count), k);
    this.pendingDay.fill(day, k, k + count);
    this.pendingEventDay.fill(-1, k, k + count);
    this.pending += count;
  }

  /**
   * Group strategy s's pending entries by week (stable), after those of strategies before it;
   * `isUnique`: the caller knows no customer has two entries in one week.
   */
  close(s: number, isUnique = false): void {
    this.isUnique[s] = isUnique ? 1 : 0;
    const W = this.weeks;
    const b0 = s * (W + 1);
    const n = this.pending;
    const pendingWeek = this.pendingWeek;
    const counts = this.pendingCounts;
    let at = this.size;
    for (let w = 0; w <= W; w++) {
      this.start[b0 + w] = at;
      at += counts[w];
    }
    // Buckets of later strategies start where this strategy's entries end (until they are closed).
    this.start.fill(at, b0 + W + 1);
    if (at > this.cust.length) this.grow(at);
    if (this.isSorted) {
      // Already in week order (a batch trigger: one week): copy as they are.
      this.cust.set(this.pendingCust.subarray(0, n), this.size);
      this.day.set(this.pendingDay.subarray(0, n), this.size);
      this.eventDay.set(this.pendingEventDay.subarray(0, n), this.size);
    } else {
      const put = this.start.slice(b0, b0 + W + 1);
      for (let k = 0; k < n; k++) {
        const q = put[pendingWeek[k]]++;
        this.cust[q] = this.pendingCust[k];
        this.day[q] = this.pendingDay[k];
        this.eventDay[q] = this.pendingEventDay[k];
      }
    }
    this.size = at;
    this.clearPending();
  }

  private grow(min: number): void {
    let cap = this.cust.length;
    while (cap < min) cap *= 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.cust = g(this.cust);
    this.day = g(this.day);
    this.eventDay = g(this.eventDay);
  }

  private growPending(): void {
    const g = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.pendingWeek = g(this.pendingWeek);
    this.pendingCust = g(this.pendingCust);
    this.pendingDay = g(this.pendingDay);
    this.pendingEventDay = g(this.pendingEventDay);
  }
}

export type Workspace = {
  triggers: TriggerList;
  tokens: TokenQueues;
  /** arm[s][i]: 0 not eligible, 1 treatment, 2 control. */
  arm: Uint8Array[];
  /** First trigger day of customer i for strategy s, or -1 (days fit 16 bits: at most 104 weeks). */
  tau: Int16Array[];
  /** Bit flags per strategy: FLAG_REACHED, FLAG_RESPONDED, FLAG_CONVERTED, FLAG_IN_JOURNEY. */
  flags: Uint8Array[];
  visits: Uint16Array[];
  /** Organic purchase weeks per relevant product: [rp * 3 + k][i] (k: two organic events, maturity reinvest). */
  organic: Int16Array[];
  /** Campaign purchase weeks per relevant product: first and last. */
  campFirst: Int16Array[];
  campLast: Int16Array[];
  /**
   * productBit(r) set when customer i has an organic purchase week of relevant product r
   * (organicMask) or a campaign purchase of it (campaignMask): outcomes and aggregation read the
   * week tables only for those products (most customers buy nothing).
   */
  organicMask: Uint8Array;
  campaignMask: Uint8Array;
  /**
   * The organic weeks again, as a list in customer order for outcomes.ts (the week tables are
   * cold by then): customer, and (r << 9) | (event << 7) | week; [0, split) the purchases,
   * [split, size) the reinvestments. Filled and grown by organic.ts.
   */
  organicEvents: { cust: Int32Array; code: Int32Array; split: number; size: number };
  attritionWeek: Int16Array;
  /** Days of the first and second large inflow within the horizon, or -1. */
  inflowDay: Int16Array;
  inflowDay2: Int16Array;
  /** Maturity retained by a purchase in its window (bit k for the k-th maturity). */
  retained: Uint8Array;
  appActive: Uint8Array;
  /** First week the customer uses the app (organic or after an activation), or NONE. */
  appActiveWeek: Int16Array;
  /** Products newly held by the end, and whether the customer moved up a tier. */
  gained: Uint8Array;
  tierUp: Uint8Array;
  purchaseNewMoney: Float64Array;
  internalShift: Float64Array;
  value: Float64Array;
  netNewMoney: Float64Array;
  /** New money of the customer's campaign purchases (for the modelled counterfactual). */
  campaignNewMoney: Float64Array;
  /** Modelled incremental net new money: with the campaigns minus without them (same draws). */
  incremental: Float64Array;
  /** Modelled incremental value (CNY over the value horizon), likewise. */
  incrementalValue: Float64Array;
  /** Maturities kept only because of a campaign purchase (bit k), and churn a conversion prevented. */
  retainedByCampaign: Uint8Array;
  attritionAvoided: Uint8Array;
  /**
   * Reached contacts per (week, customer): contacts[week * n + i] (a week's tokens then touch nearby
   * bytes). Read and written only when a channel's fatigue window is longer than four weeks, and
   * cleared then (createWeekRun), not with the rest of the workspace: W weeks × n bytes a replication.
   */
  contacts: Uint8Array;
  /**
   * The contact policy's window of customer i in one word: bits 24–31 the last week L with a
   * reached contact, bits 6j…6j+5 the reached contacts in week L − j (j < 4). A week's count never
   * exceeds maxContactsPerWeek ≤ 50 (the schema's bound) < 64.
   */
  policyWindow: Uint32Array;
  /** Attempts per journey step of the strategy-week being run (booked and cleared at its end). */
  attempts: Int32Array;
  /** Attempts this week per channel and branch: capUsed[c] views capUsedAll[c * branches …]. */
  capUsed: Float64Array[];
  capUsedAll: Float64Array;
  spent: Float64Array;
  /** A list of customers, used by one phase at a time (e.g. a payroll trigger's treated customers). */
  scratch: Int32Array;
  /** One strategy's targeted customers for the pilot analysis (refilled per strategy). */
  pilot: ReturnType<typeof createPilotData>;
};

export function createWorkspace(model: Model): Workspace {
  const n = model.pop.n;
  const S = model.scenario.strategies.length;
  const R = model.relevantProducts.length;
  const W = model.weeks;
  const nB = model.pop.branches.length;
  const capUsedAll = new Float64Array(model.scenario.channels.length * nB);
  return {
    triggers: new TriggerList(S, W),
    tokens: new TokenQueues(S * (W + 1)),
    arm: Array.from({ length: S }, () => new Uint8Array(n)),
    tau: Array.from({ length: S }, () => new Int16Array(n)),
    flags: Array.from({ length: S }, () => new Uint8Array(n)),
    visits: Array.from({ length: S }, () => new Uint16Array(n)),
    organic: Array.from({ length: R * 3 }, () => new Int16Array(n)),
    campFirst: Array.from({ length: R }, () => new Int16Array(n)),
    campLast: Array.from({ length: R }, () => new Int16Array(n)),
    organicMask: new Uint8Array(n),
    campaignMask: new Uint8Array(n),
    organicEvents: { cust: new Int32Array(1024), code: new Int32Array(1024), split: 0, size: 0 },
    attritionWeek: new Int16Array(n),
    inflowDay: new Int16Array(n),
    inflowDay2: new Int16Array(n),
    retained: new Uint8Array(n),
    appActive: new Uint8Array(n),
    appActiveWeek: new Int16Array(n),
    gained: new Uint8Array(n),
    tierUp: new Uint8Array(n),
    purchaseNewMoney: new Float64Array(n),
    internalShift: new Float64Array(n),
    value: new Float64Array(n),
    netNewMoney: new Float64Array(n),
    campaignNewMoney: new Float64Array(n),
    incremental: new Float64Array(n),
    incrementalValue: new Float64Array(n),
    pilot: createPilotData(n, nB),
    scratch: new Int32Array(n),
    retainedByCampaign: new Uint8Array(n),
    attritionAvoided: new Uint8Array(n),
    contacts: new Uint8Array(W * n),
    policyWindow: new Uint32Array(n),
    attempts: new Int32Array(Math.max(1, ...model.steps.map((st) => st.channel.length))),
    capUsed: model.scenario.channels.map((_, c) => capUsedAll.subarray(c * nB, (c + 1) * nB)),
    capUsedAll,
    spent: new Float64Array(S),
  };
}

/** Clear the state a replication writes (only what the next replication reads before writing). */
export function resetWorkspace(ws: Workspace, model: Model): void {
  ws.triggers.reset();
  ws.tokens.reset();
  for (const a of ws.arm) a.fill(0);
  for (const a of ws.tau) a.fill(-1);
  for (const a of ws.flags) a.fill(0);
  for (const a of ws.visits) a.fill(0);
  for (const a of ws.campFirst) a.fill(NONE);
  for (const a of ws.campLast) a.fill(-1);
  ws.retained.fill(0);
  ws.organicMask.fill(0);
  ws.campaignMask.fill(0);
  ws.campaignNewMoney.fill(0);
  ws.incrementalValue.fill(0);
  ws.retainedByCampaign.fill(0);
  ws.attritionAvoided.fill(0);
  ws.purchaseNewMoney.fill(0);
  ws.internalShift.fill(0);
  ws.value.fill(0);
  ws.policyWindow.fill(0);
  ws.spent.fill(0);
  void model;
}
