// A run's summary built as its replications arrive: each record is reduced at once to the
// per-replication figures the summary takes quantiles of (a row of columns) and added to the sums
// of the figures it only averages, then dropped. Memory grows by the row (W1: ~1,600 numbers a
// replication instead of the record's 4,673) however many replications run.
// Bit-identical to summarizing the concatenated records: the row holds the same numbers the
// summary computed from each record, and the sums add replications in replication order (blocks
// that arrive early wait until the ones before them have been added).
import {
  CHANNEL_FIELDS,
  GROUP,
  GROUP_FIELDS,
  type RecordLayout,
  STEP_FIELDS,
  STRATEGY_CHANNEL_FIELDS,
  STRATEGY_SCALARS,
  type StrategyScalar,
  WEEK,
  WEEK_FIELDS,
} from './layout';

/** Where one strategy's figures are in a row (per replication) and in the sums (over replications). */
export type StrategyColumns = {
  /** Row: the strategy's scalars, in STRATEGY_SCALARS order. */
  scalar: Record<StrategyScalar, number>;
  /** Row: per channel, STRATEGY_CHANNEL_FIELDS. */
  channels: number;
  /** Row: per tier / cell / branch, conversion uplift (pp) then new-money uplift per customer. */
  tiers: number;
  cells: number;
  branches: number;
  /** Row: per week, cumulative conversion of treatment then control. */
  weeks: number;
  /** Sums: per tier / cell / branch, targeted in treatment then control. */
  sumTiers: number;
  sumCells: number;
  sumBranches: number;
  /** Sums: per week, WEEK.contacts then WEEK.cost. */
  sumWeeks: number;
  /** Sums: per journey step, STEP_FIELDS. */
  sumSteps: number;
};

export type ColumnsLayout = {
  record: RecordLayout;
  /** Numbers in a replication's row. */
  width: number;
  /** Numbers in the sums. */
  sumLength: number;
  strategies: StrategyColumns[];
  /** Row: per channel, CHANNEL_FIELDS. */
  channels: number;
  suppressedByPolicy: number;
};

/** Per group in a row: conversion uplift, new-money uplift. Per group in the sums: targeted by arm. */
export const GROUP_ROW = { conv: 0, newMoney: 1 } as const;
export const GROUP_SUM = { targetedT: 0, targetedC: 1 } as const;
/** Per week in a row: cumulative conversion by arm. Per week in the sums: contacts, cost. */
export const WEEK_ROW = { cumT: 0, cumC: 1 } as const;
export const WEEK_SUM = { contacts: 0, cost: 1 } as const;

export function columnsLayout(L: RecordLayout): ColumnsLayout {
  let w = 0;
  let s = 0;
  const strategies = L.strategies.map((lay) => {
    const scalar = {} as Record<StrategyScalar, number>;
    for (const k of STRATEGY_SCALARS) scalar[k] = w++;
    const channels = w;
    w += L.nChannels * STRATEGY_CHANNEL_FIELDS.length;
    const tiers = w;
    w += L.nTiers * 2;
    const cells = w;
    w += L.nCells * 2;
    const branches = w;
    w += L.nBranches * 2;
    const weeks = w;
    w += L.nWeeks * 2;
    const sumTiers = s;
    s += L.nTiers * 2;
    const sumCells = s;
    s += L.nCells * 2;
    const sumBranches = s;
    s += L.nBranches * 2;
    const sumWeeks = s;
    s += L.nWeeks * 2;
    const sumSteps = s;
    s += stepsOf(L, lay) * STEP_FIELDS.length;
    return {
      scalar,
      channels,
      tiers,
      cells,
      branches,
      weeks,
      sumTiers,
      sumCells,
      sumBranches,
      sumWeeks,
      sumSteps,
    };
  });
  const channels = w;
  w += L.nChannels * CHANNEL_FIELDS.length;
  const suppressedByPolicy = w++;
  return { record: L, width: w, sumLength: s, strategies, channels, suppressedByPolicy };
}

/** Journey steps of a strategy, from where its block ends (the next strategy's base, or the channels). */
function stepsOf(L: RecordLayout, lay: RecordLayout['strategies'][number]): number {
  const next = L.strategies[L.strategies.indexOf(lay) + 1]?.base ?? L.channelBase;
  return (next - lay.steps) / STEP_FIELDS.length;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

/**
 * The columns of a run (or of a range of it), filled block by block. Blocks may come in any
 * order; each is reduced as soon as every replication before it has been, and its records dropped.
 */
export class SummaryColumns {
  readonly layout: ColumnsLayout;
  /** Replications reduced so far (all of [first, first + count)). */
  count = 0;
  /** count × width, row-major; grows as needed. */
  private rows: Float64Array;
  /** Sums over the reduced replications, added in replication order. */
  readonly sums: Float64Array;
  private readonly pending = new Map<number, { end: number; data: Float64Array }>();

  constructor(
    L: RecordLayout,
    /** Replications expected (rows are allocated for them up front; more still fit). */
    capacity = 0,
    /** The first replication (a shard's start). */
    readonly first = 0,
  ) {
    this.layout = columnsLayout(L);
    this.rows = new Float64Array(Math.max(1, capacity) * this.layout.width);
    this.sums = new Float64Array(this.layout.sumLength);
  }

  /** The next replication to be reduced. */
  get next(): number {
    return this.first + this.count;
  }

  /** The rows reduced so far (count × width; a view, valid until the next add). */
  get data(): Float64Array {
    return this.rows.subarray(0, this.count * this.layout.width);
  }

  /** Add replications [start, end) with their records (end − start records of the record layout). */
  add(start: number, end: number, data: Float64Array): void {
    const len = this.layout.record.length;
    if (data.length !== (end - start) * len)
      throw new Error(`block ${start}–${end} has the wrong size for this scenario`);
    if (start < this.next || this.pending.has(start))
      throw new Error(
        `replication blocks leave a gap or overlap at replication ${this.next} (next block starts at ${start})`,
      );
    this.pending.set(start, { end, data });
    for (let b = this.pending.get(this.next); b !== undefined; b = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.reduce(b.data, b.end - this.next);
    }
  }

  /** Throw unless every block added so far has been reduced (no gap before one of them). */
  assertContiguous(): void {
    if (this.pending.size === 0) return;
    const start = Math.min(...this.pending.keys());
    throw new Error(
      `replication blocks leave a gap or overlap at replication ${this.next} (next block starts at ${start})`,
    );
  }

  private reduce(data: Float64Array, n: number): void {
    const C = this.layout;
    const L = C.record;
    const W = C.width;
    if ((this.count + n) * W > this.rows.length) {
      const grown = new Float64Array(Math.max((this.count + n) * W, 2 * this.rows.length));
      grown.set(this.rows.subarray(0, this.count * W));
      this.rows = grown;
    }
    const sums = this.sums;
    const GF = GROUP_FIELDS.length;
    const WF = WEEK_FIELDS.length;
    const SF = STEP_FIELDS.length;
    const SCF = STRATEGY_CHANNEL_FIELDS.length;
    for (let k = 0; k < n; k++) {
      const r = data.subarray(k * L.length, (k + 1) * L.length);
      const row = this.rows.subarray((this.count + k) * W, (this.count + k + 1) * W);
      L.strategies.forEach((lay, si) => {
        const cs = C.strategies[si];
        for (let i = 0; i < STRATEGY_SCALARS.length; i++)
          row[cs.scalar[STRATEGY_SCALARS[i]]] = r[lay.base + i];
        row.set(r.subarray(lay.channels, lay.channels + L.nChannels * SCF), cs.channels);
        const groups = (from: number, count: number, to: number, sumTo: number) => {
          for (let g = 0; g < count; g++) {
            const o = from + g * GF;
            row[to + 2 * g + GROUP_ROW.conv] =
              100 *
              (ratio(r[o + GROUP.buyersT], r[o + GROUP.targetedT]) -
                ratio(r[o + GROUP.buyersC], r[o + GROUP.targetedC]));
            row[to + 2 * g + GROUP_ROW.newMoney] =
              ratio(r[o + GROUP.netNewMoneyT], r[o + GROUP.targetedT]) -
              ratio(r[o + GROUP.netNewMoneyC], r[o + GROUP.targetedC]);
            sums[sumTo + 2 * g + GROUP_SUM.targetedT] += r[o + GROUP.targetedT];
            sums[sumTo + 2 * g + GROUP_SUM.targetedC] += r[o + GROUP.targetedC];
          }
        };
        groups(lay.tiers, L.nTiers, cs.tiers, cs.sumTiers);
        groups(lay.cells, L.nCells, cs.cells, cs.sumCells);
        groups(lay.branches, L.nBranches, cs.branches, cs.sumBranches);
        let cumT = 0;
        let cumC = 0;
        const targetedT = r[lay.scalar.targetedT];
        const targetedC = r[lay.scalar.targetedC];
        for (let w = 0; w < L.nWeeks; w++) {
          const o = lay.weeks + w * WF;
          cumT += r[o + WEEK.buyersT];
          cumC += r[o + WEEK.buyersC];
          row[cs.weeks + 2 * w + WEEK_ROW.cumT] = ratio(cumT, targetedT);
          row[cs.weeks + 2 * w + WEEK_ROW.cumC] = ratio(cumC, targetedC);
          sums[cs.sumWeeks + 2 * w + WEEK_SUM.contacts] += r[o + WEEK.contacts];
          sums[cs.sumWeeks + 2 * w + WEEK_SUM.cost] += r[o + WEEK.cost];
        }
        const nSteps = stepsOf(L, lay) * SF;
        for (let i = 0; i < nSteps; i++) sums[cs.sumSteps + i] += r[lay.steps + i];
      });
      row.set(r.subarray(L.channelBase, L.channelBase + L.nChannels * CHANNEL_FIELDS.length), C.channels);
      row[C.suppressedByPolicy] = r[L.suppressedByPolicy];
    }
    this.count += n;
  }
}
