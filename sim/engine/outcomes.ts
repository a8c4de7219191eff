// Phase 4: per-customer outcomes at the horizon — purchases settled against organic ones, money
// (new, internal shift, kept maturities), attrition avoided.
import { bandOf } from '../population/build';
import { entityMix, keyedUniform, mixedUniform, slotMixA, slotMixB, type UniformKey } from '../rng/streams';
import { normalQuantile } from '../stats/normal';
import { type Engine, MAX_MATURITIES, SLOT_IDIO, slotMaturity, slotOrganic } from './engine-state';
import { maturityPeriodDays } from './organic';
import type { RepTables } from './params';
import { INVESTMENT_FAMILIES, ticketCny } from './purchases';
import { NONE, productBit } from './workspace';

/**
 * A bound on |normalQuantile(u)| for every keyed uniform u (0.5 / 2^32 ≤ u ≤ 1 − 0.5 / 2^32 gives
 * |z| ≈ 6.36; outcomes.test.ts checks the bound).
 */
export const Z_BOUND = 7;

/**
 * After the horizon, in two passes over the relevant customers: organic purchases not pre-empted
 * by a campaign (settlePurchases), then outflows, net new money, value and tier (settleMoney).
 */
export function settleOutcomes(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { ws } = engine;
  // The start of the modelled increment (ws.incremental, for settleMoney) and the products gained,
  // for the customers without an organic purchase week or a campaign purchase: nothing to book.
  ws.incremental.set(ws.campaignNewMoney);
  ws.gained.fill(0);
  const m = listToSettle(engine);
  settleListed(engine, purchaseConstants(engine, tables, key), m);
  const mc = moneyConstants(engine, tables, key);
  // Customers with maturities apart from the rest, so that whether a customer has them is no coin
  // toss to the processor (each customer's money is settled on its own: the order does not matter).
  const [without, withMaturities] = byMaturity(engine.model);
  settleMoney(engine, mc, without);
  settleMoney(engine, mc, withMaturities);
}

/** Per model: the relevant customers without maturities and those with, each in list order. */
const byMaturities = new WeakMap<Int32Array, [Int32Array, Int32Array]>();

function byMaturity(model: Engine['model']): [Int32Array, Int32Array] {
  let lists = byMaturities.get(model.relevant);
  if (lists === undefined) {
    const phase = model.pop.maturityPhaseDay;
    const list = model.relevant;
    lists = [list.filter((i) => phase[i] < 0), list.filter((i) => phase[i] >= 0)];
    byMaturities.set(model.relevant, lists);
  }
  return lists;
}

/**
 * The relevant customers with an organic purchase week or a campaign purchase, in list order, in
 * ws.scratch (free until aggregate lists the targeted there); returns their count. Branch-free:
 * whether a customer has one is a coin toss to the processor.
 */
function listToSettle(engine: Engine): number {
  const { organicMask, campaignMask } = engine.ws;
  const list = engine.model.relevant;
  const todo = engine.ws.scratch;
  let m = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    todo[m] = i;
    // 1 for a mask byte above 0.
    m += -(organicMask[i] | campaignMask[i]) >>> 31;
  }
  return m;
}

/**
 * settlePurchases for the first m customers of ws.scratch (listToSettle). In functions of their
 * own: V8 compiles a long loop mid-run (on stack replacement), and code compiled so had no type
 * feedback for the calls after the loop, so it deopted there once a replication.
 */
function settleListed(engine: Engine, pc: PurchaseConstants, m: number): void {
  const { incremental } = engine.ws;
  const todo = engine.ws.scratch;
  for (let k = 0; k < m; k++) {
    const i = todo[k];
    incremental[i] = settlePurchases(engine, pc, i);
  }
}

/** Per-replication constants of the organic purchases of each relevant product. */
type PurchaseConstants = ReturnType<typeof purchaseConstants>;

function purchaseConstants(engine: Engine, tables: RepTables, key: UniformKey) {
  const { model } = engine;
  const s = tables.scenario;
  const rel = Int32Array.from(model.relevantProducts);
  const prods = model.relevantProducts.map((p) => s.products[p]);
  const years = s.economics.valueYears;
  // Slot mixes of the amount uniforms slotOrganic(p, 2) and slotOrganic(p, 3).
  const slotB = new Int32Array(rel.length * 2);
  const slotA = new Int32Array(rel.length * 2);
  for (let r = 0; r < rel.length; r++) {
    for (let e = 0; e < 2; e++) {
      slotB[r * 2 + e] = slotMixB(key, slotOrganic(rel[r], 2 + e));
      slotA[r * 2 + e] = slotMixA(key, slotOrganic(rel[r], 2 + e));
    }
  }
  return {
    key,
    rel,
    nRel: rel.length,
    valueYears: years,
    maturingShare: s.population.events.wmpMaturity.maturingShareOfAum,
    windowDays: s.population.events.wmpMaturity.windowDays,
    period: maturityPeriodDays(model),
    slotB,
    slotA,
    isApp: Uint8Array.from(prods, (p) => (p.family === 'app_activation' ? 1 : 0)),
    isInvestment: Uint8Array.from(prods, (p) => (INVESTMENT_FAMILIES.has(p.family) ? 1 : 0)),
    median: Float64Array.from(prods, (p) => p.ticket.medianCny),
    elasticity: Float64Array.from(prods, (p) => p.ticket.aumElasticity),
    sdLog: Float64Array.from(prods, (p) => p.ticket.sdLog),
    maxShare: Float64Array.from(prods, (p) => p.ticket.maxShareOfAum),
    newMoneyShare: Float64Array.from(prods, (p) => p.newMoneyShare),
    revenueRate: Float64Array.from(prods, (p) => p.revenueRate),
    // bookPurchase's value (PurchaseTable.valueYears: valuePerConversionCny × years), and the
    // pre-empted purchase's value per conversion.
    conversionValue: Float64Array.from(prods, (p) => p.valuePerConversionCny * years),
    valuePerConversion: Float64Array.from(prods, (p) => p.valuePerConversionCny),
    wmpRel: model.wmpProducts.map((p) => model.relevantIndex[p]).find((x) => x >= 0) ?? -1,
    held: heldMaskOf(engine),
    /** Cursors into ws.organicEvents: the next purchase and the next reinvestment. */
    next: 0,
    nextReinvest: engine.ws.organicEvents.split,
    /** settleOrganicEvent's output: the new money of a pre-empted purchase. */
    newMoney: 0,
  };
}

/** purchaseAmount's ticket of customer i for relevant product r (not an app activation), before the cap. */
function ticketOf(pc: PurchaseConstants, r: number, aum: number, u: number): number {
  return ticketCny(pc.median[r], pc.elasticity[r], pc.sdLog[r], aum, u);
}

/**
 * Customer i's organic purchases (booked as bookPurchase would, unless a campaign purchase
 * pre-empted them) and the products gained; returns the start of the modelled incremental new
 * money (the campaign purchases' less the pre-empted organic ones'). Customers come in list order,
 * as ws.organicEvents does: pc.next and pc.nextReinvest walk it along.
 */
export function settlePurchases(engine: Engine, pc: PurchaseConstants, i: number): number {
  const { model, ws } = engine;
  const { campFirst, organicEvents } = ws;
  const { cust, code } = organicEvents;
  const campMask = ws.campaignMask[i];
  let incremental = ws.campaignNewMoney[i];
  const em = entityMix(pc.key, i);
  // In the week tables' order: products in turn, each one's purchases and then its reinvestment
  // (only the maturity product has one): purchases up to that product, the reinvestment, the rest.
  for (let pass = 0; pass < 3; pass++) {
    let at = pass === 1 ? pc.nextReinvest : pc.next;
    const end = pass === 1 ? organicEvents.size : organicEvents.split;
    for (; at < end && cust[at] === i; at++) {
      const r = code[at] >> 9;
      if (pass === 0 && r > pc.wmpRel) break;
      const e = (code[at] >> 7) & 3;
      const w = code[at] & 127;
      // campFirst is set only with the campaign bit (a shared top bit reads it).
      const campF = (campMask & productBit(r)) !== 0 ? campFirst[r][i] : NONE;
      settleOrganicEvent(engine, pc, i, r, e, w, campF, em);
      // The pre-empted purchase's new money, which the modelled counterfactual would have had.
      if (w >= campF && e < 2) incremental -= pc.newMoney;
    }
    if (pass === 1) pc.nextReinvest = at;
    else pc.next = at;
  }
  const boughtMask = ws.organicMask[i] | campMask;
  // A product counts with a campaign purchase, or organic purchases if they came before any
  // campaign purchase of it: below bit 7, a set bit of either mask says the tables hold one.
  let gained = BIT_COUNT[boughtMask & 127 & ~pc.held[i]];
  for (let r = 7; (boughtMask & 128) !== 0 && r < pc.nRel; r++) {
    if (model.pop.holds[pc.rel[r] * model.pop.n + i]) continue;
    const campF = campFirst[r][i];
    const { organic } = ws;
    if (
      campF !== NONE ||
      organic[r * 3][i] < campF ||
      organic[r * 3 + 1][i] < campF ||
      organic[r * 3 + 2][i] < campF
    )
      gained++;
  }
  ws.gained[i] = gained;
  return incremental;
}

/** Set bits of each byte. */
const BIT_COUNT = Uint8Array.from({ length: 256 }, (_, x) => {
  let c = 0;
  for (let y = x; y !== 0; y >>= 1) c += y & 1;
  return c;
});

/** Per model: productBit(r) set when customer i holds relevant product r < 7 at the start. */
const heldMasks = new WeakMap<Int32Array, Uint8Array>();

function heldMaskOf(engine: Engine): Uint8Array {
  const { model } = engine;
  let held = heldMasks.get(model.relevant);
  if (held === undefined) {
    const { holds, n } = model.pop;
    held = new Uint8Array(n);
    for (let r = 0; r < Math.min(7, model.relevantProducts.length); r++) {
      const row = model.relevantProducts[r] * n;
      for (let i = 0; i < n; i++) if (holds[row + i]) held[i] |= productBit(r);
    }
    heldMasks.set(model.relevant, held);
  }
  return held;
}

/**
 * Organic event e (0, 1: purchases; 2: reinvestment at maturity) of relevant product r in week w:
 * booked as bookPurchase would, or, pre-empted by the campaign's first purchase campF, taken off
 * the modelled increment (its new money left in pc.newMoney for the caller).
 */
function settleOrganicEvent(
  engine: Engine,
  pc: PurchaseConstants,
  i: number,
  r: number,
  e: number,
  w: number,
  campF: number,
  em: number,
): void {
  const { ws } = engine;
  const pop = engine.model.pop;
  const { valueYears, maturingShare } = pc;
  const aum = pop.aum[i];
  const rr = pc.revenueRate[r];
  if (w >= campF) {
    // The campaign pulled this purchase forward: it does not happen again (nor its new money
    // and revenue, which the modelled counterfactual would have had).
    if (e < 2) {
      let amount = 0;
      pc.newMoney = 0;
      if (pc.isApp[r] === 0) {
        const os = pop.outsideShare[i];
        const u = mixedUniform(em, pc.slotB[r * 2 + e], pc.slotA[r * 2 + e]);
        amount = Math.min(ticketOf(pc, r, aum, u), pc.maxShare[r] * (aum + (aum * os) / (1 - os)));
        pc.newMoney = amount * Math.min(1, (pc.newMoneyShare[r] * os) / engine.meanOutside);
      }
      ws.incrementalValue[i] -= (pc.valuePerConversion[r] + amount * rr) * valueYears;
    } else ws.incrementalValue[i] -= maturingShare * aum * rr * valueYears;
    return;
  }
  if (e === 2) {
    // Organic reinvestment at maturity: matured money stays; revenue on the amount.
    const amount = maturingShare * aum;
    ws.internalShift[i] += amount;
    ws.value[i] += amount * rr * valueYears;
    return;
  }
  // bookPurchase(engine, purchases, rel[r], i, u, 7 * w, false), with this replication's constants.
  ws.value[i] += pc.conversionValue[r];
  if (pc.isApp[r] === 1) {
    ws.appActive[i] = 1;
    ws.appActiveWeek[i] = Math.min(ws.appActiveWeek[i], w);
    return;
  }
  const os = pop.outsideShare[i];
  const u = mixedUniform(em, pc.slotB[r * 2 + e], pc.slotA[r * 2 + e]);
  const amount = Math.min(ticketOf(pc, r, aum, u), pc.maxShare[r] * (aum + (aum * os) / (1 - os)));
  const newMoney = amount * Math.min(1, (pc.newMoneyShare[r] * os) / engine.meanOutside);
  ws.purchaseNewMoney[i] += newMoney;
  ws.internalShift[i] += amount - newMoney;
  ws.value[i] += amount * rr * valueYears;
  if (pc.isInvestment[r] === 1) {
    // maturityWindowAt(engine, tables, i, 7 * w).
    const day = 7 * w;
    const phase = pop.maturityPhaseDay[i];
    if (phase >= 0 && day >= phase) {
      const m = Math.floor((day - phase) / pc.period);
      if (day - Math.floor(phase + m * pc.period) <= pc.windowDays && m < 8) ws.retained[i] |= 1 << m;
    }
  }
}

/** Per-replication constants of the money at the horizon. */
type MoneyConstants = ReturnType<typeof moneyConstants>;

function moneyConstants(engine: Engine, tables: RepTables, key: UniformKey) {
  const { model } = engine;
  const s = tables.scenario;
  const W = model.weeks;
  const ev = s.population.events;
  const org = s.population.organic;
  const tierMins = s.population.tiers.map((t) => t.minAumCny);
  // bandOf(x) > t exactly when x reaches every minimum up to tier t + 1: the end AUM that moves a
  // tier-t customer up (Infinity for the top tier).
  const upAt = Float64Array.from(tierMins, (_, t) => {
    let up = t + 1 < tierMins.length ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let k = 1; k <= t + 1 && k < tierMins.length; k++) up = Math.max(up, tierMins[k]);
    return up;
  });
  const idioSd = org.aumIdioSdWeekly * Math.sqrt(W);
  const growth = 1 + org.aumDriftWeekly * W + tables.marketReturn;
  // Slot mixes of the maturities' outflow uniforms.
  const matB = new Int32Array(MAX_MATURITIES);
  const matA = new Int32Array(MAX_MATURITIES);
  for (let m = 0; m < MAX_MATURITIES; m++) {
    matB[m] = slotMixB(key, slotMaturity(m, true));
    matA[m] = slotMixA(key, slotMaturity(m, true));
  }
  return {
    key,
    W,
    period: maturityPeriodDays(model),
    margin: s.economics.newMoneyMarginRate * s.economics.valueYears,
    tierMins,
    upAt,
    growth,
    idioSd,
    // The idiosyncratic draw z satisfies |z| ≤ Z_BOUND, and rounding is monotone: when even the
    // extreme z leaves the tier decided, the draw (a hash and a quantile) cannot change it.
    growthHi: growth + idioSd * Z_BOUND,
    growthLo: growth - idioSd * Z_BOUND,
    matB,
    matA,
    maturingShare: ev.wmpMaturity.maturingShareOfAum,
    outflowP: ev.wmpMaturity.outflowProbability,
    inflowShare: ev.largeInflow.amountShareOfAum,
    attritionLoss: org.attritionAumLoss,
    horizonDays: model.horizonDays,
  };
}

/**
 * Each listed (relevant) customer's net new money (purchases, inflows, maturity run-off, churn), its value,
 * the rest of the modelled increment (from the start settlePurchases left in ws.incremental:
 * maturities kept, churn prevented) and the end-of-horizon tier. (One loop with every array and
 * constant in a local: read through their objects, V8 read them again for every customer.)
 */
function settleMoney(engine: Engine, mc: MoneyConstants, list: Int32Array): void {
  const { ws, model } = engine;
  const { aum: aumOf, maturityPhaseDay, tier } = model.pop;
  const { purchaseNewMoney, inflowDay, inflowDay2, retained: retainedOf, retainedByCampaign } = ws;
  const { attritionWeek, attritionAvoided, netNewMoney, incremental, value, incrementalValue, tierUp } = ws;
  const { key, W, period, margin, tierMins, upAt, growth, idioSd, growthHi, growthLo, matB, matA } = mc;
  const { maturingShare, outflowP, inflowShare, attritionLoss, horizonDays } = mc;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const aum = aumOf[i];
    let flow = purchaseNewMoney[i];
    let more = incremental[i];
    if (inflowDay[i] >= 0) flow += inflowShare * aum;
    if (inflowDay2[i] >= 0) flow += inflowShare * aum;
    const phase = maturityPhaseDay[i];
    if (phase >= 0) {
      const em = entityMix(key, i);
      const retained = retainedOf[i];
      const byCampaign = retainedByCampaign[i];
      for (
        let m = 0, d = phase;
        d < horizonDays && m < MAX_MATURITIES;
        m++, d = Math.floor(phase + m * period)
      ) {
        const kept = m < 8 && retained & (1 << m);
        const wouldLeave = mixedUniform(em, matB[m], matA[m]) < outflowP;
        if (!kept && wouldLeave) flow -= maturingShare * aum;
        if (wouldLeave && m < 8 && byCampaign & (1 << m)) more += maturingShare * aum;
      }
    }
    if (attritionWeek[i] < W) flow -= attritionLoss * aum;
    if (attritionAvoided[i]) more += attritionLoss * aum;
    netNewMoney[i] = flow;
    incremental[i] = more;
    value[i] += flow * margin;
    incrementalValue[i] += more * margin;
    const t = tier[i];
    const up = upAt[t];
    if (aum >= 0 && idioSd >= 0 && aum * growthHi + flow < up) tierUp[i] = 0;
    else if (aum >= 0 && idioSd >= 0 && aum * growthLo + flow >= up) tierUp[i] = 1;
    else {
      const aumEnd = aum * (growth + idioSd * normalQuantile(keyedUniform(key, i, SLOT_IDIO))) + flow;
      tierUp[i] = bandOf(aumEnd, tierMins) > t ? 1 : 0;
    }
  }
}
