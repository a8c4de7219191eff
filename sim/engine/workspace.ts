// Reusable per-replication state (typed arrays sized to the population), allocated once per
// model and reset between replications, so the hot loop allocates nothing per customer.
import type { Model } from './model';

export const NONE = 32767;

/** Token kinds in the weekly queues. */
export const TOKEN_STEP = 0;
export const TOKEN_START = 1;
export const TOKEN_CHECK = 2;

export class TokenPool {
  cust = new Int32Array(1024);
  step = new Int32Array(1024);
  day = new Int32Array(1024);
  leadDay = new Int32Array(1024);
  queued = new Int32Array(1024);
  kind = new Int8Array(1024);
  next = new Int32Array(1024);
  size = 0;

  reset(): void {
    this.size = 0;
  }

  alloc(): number {
    if (this.size === this.cust.length) this.grow();
    return this.size++;
  }

  private grow(): void {
    const cap = this.cust.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.cust = g32(this.cust);
    this.step = g32(this.step);
    this.day = g32(this.day);
    this.leadDay = g32(this.leadDay);
    this.queued = g32(this.queued);
    this.next = g32(this.next);
    const k = new Int8Array(cap);
    k.set(this.kind);
    this.kind = k;
  }
}

export type Workspace = {
  tokens: TokenPool;
  /** Bucket heads and tails per (strategy, week). */
  head: Int32Array;
  tail: Int32Array;
  /** arm[s][i]: 0 not eligible, 1 treatment, 2 control. */
  arm: Uint8Array[];
  /** First trigger day of customer i for strategy s, or -1. */
  tau: Int32Array[];
  /** Bit flags per strategy: 1 reached, 2 responded, 4 converted by the campaign, 8 in a journey. */
  flags: Uint8Array[];
  visits: Uint16Array[];
  /** Organic purchase weeks per relevant product: [rp * 3 + k][i] (k: two organic events, maturity reinvest). */
  organic: Int16Array[];
  /** Campaign purchase weeks per relevant product: first and last. */
  campFirst: Int16Array[];
  campLast: Int16Array[];
  attritionWeek: Int16Array;
  inflowDay: Int32Array;
  inflowDay2: Int32Array;
  /** Maturity retained by a purchase in its window (bit k for the k-th maturity). */
  retained: Uint8Array;
  appActive: Uint8Array;
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
  /** Maturities kept only because of a campaign purchase (bit k), and churn a conversion prevented. */
  retainedByCampaign: Uint8Array;
  attritionAvoided: Uint8Array;
  /** Reached contacts per (customer, week): contacts[i * weeks + week]. */
  contacts: Uint8Array;
  capUsed: Float64Array[];
  spent: Float64Array;
};

export function createWorkspace(model: Model): Workspace {
  const n = model.pop.n;
  const S = model.scenario.strategies.length;
  const R = model.relevantProducts.length;
  const W = model.weeks;
  const nB = model.pop.branches.length;
  return {
    tokens: new TokenPool(),
    head: new Int32Array(S * (W + 1)),
    tail: new Int32Array(S * (W + 1)),
    arm: Array.from({ length: S }, () => new Uint8Array(n)),
    tau: Array.from({ length: S }, () => new Int32Array(n)),
    flags: Array.from({ length: S }, () => new Uint8Array(n)),
    visits: Array.from({ length: S }, () => new Uint16Array(n)),
    organic: Array.from({ length: R * 3 }, () => new Int16Array(n)),
    campFirst: Array.from({ length: R }, () => new Int16Array(n)),
    campLast: Array.from({ length: R }, () => new Int16Array(n)),
    attritionWeek: new Int16Array(n),
    inflowDay: new Int32Array(n),
    inflowDay2: new Int32Array(n),
    retained: new Uint8Array(n),
    appActive: new Uint8Array(n),
    gained: new Uint8Array(n),
    tierUp: new Uint8Array(n),
    purchaseNewMoney: new Float64Array(n),
    internalShift: new Float64Array(n),
    value: new Float64Array(n),
    netNewMoney: new Float64Array(n),
    campaignNewMoney: new Float64Array(n),
    incremental: new Float64Array(n),
    retainedByCampaign: new Uint8Array(n),
    attritionAvoided: new Uint8Array(n),
    contacts: new Uint8Array(W * n),
    capUsed: model.scenario.channels.map(() => new Float64Array(nB)),
    spent: new Float64Array(S),
  };
}

/** Clear the state a replication writes (only what the next replication reads before writing). */
export function resetWorkspace(ws: Workspace, model: Model): void {
  ws.tokens.reset();
  ws.head.fill(-1);
  ws.tail.fill(-1);
  for (const a of ws.arm) a.fill(0);
  for (const a of ws.tau) a.fill(-1);
  for (const a of ws.flags) a.fill(0);
  for (const a of ws.visits) a.fill(0);
  for (const a of ws.campFirst) a.fill(NONE);
  for (const a of ws.campLast) a.fill(-1);
  ws.retained.fill(0);
  ws.campaignNewMoney.fill(0);
  ws.retainedByCampaign.fill(0);
  ws.attritionAvoided.fill(0);
  ws.purchaseNewMoney.fill(0);
  ws.internalShift.fill(0);
  ws.value.fill(0);
  ws.contacts.fill(0);
  ws.spent.fill(0);
  void model;
}
