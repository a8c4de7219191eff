// Everything the weekly loop reads or writes per customer, side by side in one row (one cache
// line in W1): the static part (branch, payroll, opt-ins, reach, each strategy's offer
// propensity, maturity phase) built once per model, the replication's part (contact-policy
// window, attrition week, inflow days, each strategy's journey flags and visits) loaded when the
// weekly loop starts. A queue entry then touches one line instead of a dozen arrays.
import type { Model } from './model';

/** Reach kinds that are a known yes/no per customer (opt-in, consent, link), not a chance per attempt. */
const STATIC_REACH = new Set(['app', 'sms', 'wecom']);

/** Bits of a row's META word: branch index (bits 0–15), payroll customer, static reach yes/no. */
export const META_BRANCH = 0xffff;
export const META_PAYROLL = 1 << 16;
const META_REACH_SHIFT = 17;

/** Fixed words of a row (the per-strategy and per-reach-kind words follow). */
export const ROW_META = 0;
export const ROW_MATURITY_PHASE = 1;
/**
 * The contact policy's window in one word: bits 24–31 the last week L with a reached contact, bits
 * 6j…6j+5 the reached contacts in week L − j (j < 4). A week's count never exceeds
 * maxContactsPerWeek ≤ 50 (the schema's bound) < 64.
 */
export const ROW_POLICY = 2;
export const ROW_ATTRITION = 3;
/** Days of the first and second large inflow (signed 16-bit halves, -1: none). */
export const ROW_INFLOW = 4;
const ROW_FIXED = 5;

/** A journey word: the FLAG_* bits in bits 0–7, the strategy's visits from bit 8 on. */
export const JOURNEY_VISIT = 256;
export const JOURNEY_FLAGS = 255;

export type ContactRows = {
  /** rows[i * stride + word]; f32 views the same memory (the Float32 words). */
  rows: Int32Array;
  f32: Float32Array;
  stride: number;
  /** Word of strategy s's journey (flags and visits) is journeyAt + s; its offer propensity (Float32) propensityAt + s. */
  journeyAt: number;
  propensityAt: number;
  /** Per channel: its META bit when its reach kind is static, else 0. */
  reachBit: Int32Array;
  /** Per channel: the Float32 word of its reach probability (for a static reach kind: unused). */
  reachAt: Int32Array;
};

/** The rows of a model's population with their static part filled (the replication's part is zero). */
export function createContactRows(model: Model): ContactRows {
  const pop = model.pop;
  const n = pop.n;
  const S = model.offerProduct.length;
  const kinds = model.channelReachKind;
  const kindNames = model.scenario.channels.map((c) => c.reachVia);
  // A Float32 word for each chance-per-attempt reach kind the channels use.
  const floatKinds = [...new Set(Array.from(kinds).filter((_, c) => !STATIC_REACH.has(kindNames[c])))];
  const journeyAt = ROW_FIXED;
  const propensityAt = journeyAt + S;
  const reachBase = propensityAt + S;
  let stride = 8;
  while (stride < reachBase + floatKinds.length) stride *= 2;
  const reachBit = new Int32Array(kinds.length);
  const reachAt = new Int32Array(kinds.length);
  for (let c = 0; c < kinds.length; c++) {
    if (STATIC_REACH.has(kindNames[c])) reachBit[c] = 1 << (META_REACH_SHIFT + kinds[c]);
    else reachAt[c] = reachBase + floatKinds.indexOf(kinds[c]);
  }
  const rows = new Int32Array(n * stride);
  const f32 = new Float32Array(rows.buffer);
  const staticKinds = [...new Set(Array.from(kinds).filter((_, c) => STATIC_REACH.has(kindNames[c])))];
  for (let i = 0; i < n; i++) {
    const r = i * stride;
    let meta = pop.branch[i] | (pop.isPayroll[i] ? META_PAYROLL : 0);
    for (const k of staticKinds) if (pop.reach[k][i] !== 0) meta |= 1 << (META_REACH_SHIFT + k);
    rows[r + ROW_META] = meta;
    rows[r + ROW_MATURITY_PHASE] = pop.maturityPhaseDay[i];
    for (let s = 0; s < S; s++) f32[r + propensityAt + s] = pop.propensity[model.offerProduct[s] * n + i];
    for (let k = 0; k < floatKinds.length; k++) f32[r + reachBase + k] = pop.reach[floatKinds[k]][i];
  }
  return { rows, f32, stride, journeyAt, propensityAt, reachBit, reachAt };
}

/**
 * Load the replication's part of the rows (after the organic phase drew attrition and inflows):
 * an empty policy window, no journey yet.
 */
export function loadReplicationRows(
  cr: ContactRows,
  attritionWeek: Int16Array,
  inflowDay: Int16Array,
  inflowDay2: Int16Array,
): void {
  const { rows, stride, journeyAt, propensityAt } = cr;
  const n = attritionWeek.length;
  for (let i = 0, r = 0; i < n; i++, r += stride) {
    rows[r + ROW_POLICY] = 0;
    rows[r + ROW_ATTRITION] = attritionWeek[i];
    rows[r + ROW_INFLOW] = (inflowDay[i] & 0xffff) | (inflowDay2[i] << 16);
    for (let w = r + journeyAt; w < r + propensityAt; w++) rows[w] = 0;
  }
}

/** Write strategy s's journey flags and visits back to the workspace's arrays (for its customers). */
export function storeJourneys(
  cr: ContactRows,
  s: number,
  customers: Int32Array,
  flags: Uint8Array,
  visits: Uint16Array,
): void {
  const { rows, stride } = cr;
  const at = cr.journeyAt + s;
  for (let k = 0; k < customers.length; k++) {
    const i = customers[k];
    const j = rows[i * stride + at];
    flags[i] = j & JOURNEY_FLAGS;
    visits[i] = j >>> 8;
  }
}
