// One replication: organic behaviour for everyone a strategy could touch, randomized assignment,
// triggers, then week by week every strategy's journeys in priority order (contact policy,
// budget, staff capacity, reach, response, referral, conversion), then per-customer outcomes
// aggregated into the replication record. Pure: output fixed by (model, replication, replications).
import { bandOf } from '../population/build';
import { createStream, keyedUniform, type UniformKey, uniformKey } from '../rng/streams';
import { normalQuantile } from '../stats/normal';
import {
  CHANNEL_FIELDS,
  GROUP_FIELDS,
  STEP_FIELDS,
  STRATEGY_CHANNEL_FIELDS,
  type StrategyScalar,
  WEEK_FIELDS,
} from './layout';
import { END, type Model } from './model';
import { drawRepTables, type RepTables } from './params';
import { pilotAnalysis } from './pilot-tests';
import {
  createWorkspace,
  NONE,
  productBit,
  resetWorkspace,
  TOKEN_CHECK,
  TOKEN_START,
  TOKEN_STEP,
  type Workspace,
} from './workspace';

/** Reference AUM (CNY) at which a product's ticket equals its median (a mass-tier customer). */
export const REFERENCE_AUM_CNY = 100_000;
const MAX_VISITS = 200;
const MAX_POLICY_POSTPONES = 3;
const RESPONSE_CAP = 0.95;
/** Recent-contact counts below this use a tabulated fatigue multiplier. */
const FATIGUE_TABLE = 32;

// Keyed-uniform slots of a customer's behaviour draws (shared by every strategy: common random numbers).
const SLOT_ATTRITION = 1;
const SLOT_ATTRITION_AVOIDED = 2;
const SLOT_INFLOW1 = 3;
const SLOT_INFLOW2 = 4;
const SLOT_APP_ACTIVE = 5;
const SLOT_APP_ACTIVATION = 6;
const SLOT_IDIO = 7;
const slotOrganic = (p: number, k: number) => 10 + 4 * p + k;
const slotMaturity = (k: number, outflow: boolean) => 1000 + 2 * k + (outflow ? 1 : 0);
const MAX_MATURITIES = 50;

export type Engine = {
  model: Model;
  ws: Workspace;
  lhsCache: Map<string, Int32Array>;
  branchMult: Float64Array;
  /** baseByTier[p * nTiers + t]: the tier-level typical propensity used at population build. */
  baseByTier: Float64Array;
  meanOutside: number;
  /** Churn multiplier from relationship temperature, exp(−0.5 × temperature): warm customers stay. */
  churnFactor: Float32Array;
  /** Products each customer holds at the start of the horizon. */
  heldAtStart: Uint8Array;
  /** Test hook, called at the end of each simulated week with the capacity used and available. */
  probe?: { weekEnd(week: number, capUsed: Float64Array[], capacity: Float64Array[]): void };
};

export function createEngine(model: Model): Engine {
  const s = model.scenario;
  const pop = model.pop;
  const nT = s.population.tiers.length;
  const baseByTier = new Float64Array(s.products.length * nT);
  s.products.forEach((p, pi) => {
    s.population.tiers.forEach((t, ti) => {
      baseByTier[pi * nT + ti] = Math.min(
        0.999,
        Math.max(1e-6, p.propensity.base * (p.propensity.byTier[t.id] ?? 1)),
      );
    });
  });
  let os = 0;
  for (let i = 0; i < pop.n; i++) os += pop.outsideShare[i];
  return {
    model,
    ws: createWorkspace(model),
    lhsCache: new Map(),
    branchMult: Float64Array.from(pop.branches.map((b) => Math.exp(b.effect))),
    baseByTier,
    meanOutside: os / pop.n,
    churnFactor: Float32Array.from(pop.temperature, (x) => Math.exp(-0.5 * x)),
    heldAtStart: heldAtStart(pop.holds, pop.n, s.products.length),
  };
}

function heldAtStart(holds: Uint8Array, n: number, nProducts: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let p = 0; p < nProducts; p++) for (let i = 0; i < n; i++) out[i] += holds[p * n + i];
  return out;
}

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

function firstWeekOfHazard(e: number, lambda: number, seasonCum: Float64Array, W: number): number {
  // Smallest t with lambda * seasonCum[t + 1] >= e (cumulative hazard crosses the exponential draw).
  if (lambda <= 0 || lambda * seasonCum[W] < e) return NONE;
  let lo = 0;
  let hi = W - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lambda * seasonCum[mid + 1] >= e) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function maturityPeriodDays(model: Model): number {
  const r = model.scenario.population.events.wmpMaturity.maturitiesPerYear;
  return r > 0 ? 365 / r : Number.POSITIVE_INFINITY;
}

/** Untreated behaviour of every relevant customer: purchases, churn, inflows, app use, maturity reinvestment. */
export function simulateOrganic(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  for (let r = 0; r < model.relevantProducts.length * 3; r++) ws.organic[r].fill(NONE);
  ws.attritionWeek.fill(NONE);
  ws.inflowDay.fill(-1);
  ws.inflowDay2.fill(-1);
  ws.appActive.fill(0);
  ws.appActiveWeek.fill(NONE);
  // Product by product, then the other events customer by customer: every draw is keyed by
  // (customer, slot), so the order does not change them.
  for (let r = 0; r < model.relevantProducts.length; r++) simulatePurchases(engine, tables, key, r);
  simulateEvents(engine, tables, key);
}

/** Organic purchase weeks of relevant product r (two events by a non-homogeneous hazard). */
function simulatePurchases(engine: Engine, tables: RepTables, key: UniformKey, r: number): void {
  const { model, ws } = engine;
  const pop = model.pop;
  const n = pop.n;
  const W = model.weeks;
  const nT = tables.scenario.population.tiers.length;
  const p = model.relevantProducts[r];
  const hz = tables.scenario.products[p].organicWeekly * tables.marketMult * tables.propensityScale[p];
  const first = ws.organic[r * 3];
  const second = ws.organic[r * 3 + 1];
  const { organicMask } = ws;
  const bit = productBit(r);
  const { tier, propensity } = pop;
  const baseByTier = engine.baseByTier;
  const seasonCum = model.seasonCum;
  const seasonTotal = seasonCum[W];
  const slot0 = slotOrganic(p, 0);
  const slot1 = slotOrganic(p, 1);
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const lambda = Math.min(0.5, (hz * propensity[p * n + i]) / baseByTier[p * nT + tier[i]]);
    const u1 = keyedUniform(key, i, slot0);
    // No purchase within the horizon when −ln u > λ·S; since e^−x ≥ 1 − x, u < 1 − λ·S settles it without a log.
    if (u1 < 1 - lambda * seasonTotal) continue;
    const e1 = -Math.log(u1);
    const w1 = firstWeekOfHazard(e1, lambda, seasonCum, W);
    first[i] = w1;
    if (w1 !== NONE) {
      organicMask[i] |= bit;
      second[i] = firstWeekOfHazard(e1 - Math.log(keyedUniform(key, i, slot1)), lambda, seasonCum, W);
    }
  }
}

/** Churn week, large inflows, app activity and reinvestment at maturity of every relevant customer. */
function simulateEvents(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const pop = model.pop;
  const s = tables.scenario;
  const W = model.weeks;
  const tierIds = s.population.tiers.map((t) => t.id);
  const org = s.population.organic;
  const attrByTier = Float64Array.from(
    tierIds.map((id) => org.attritionWeekly.base * (org.attritionWeekly.byTier[id] ?? 1)),
  );
  const inflowByTier = Float64Array.from(
    tierIds.map((id) => (s.population.events.largeInflow.perYearByTier[id] ?? 0) / 52),
  );
  const reinvestP = s.population.events.wmpMaturity.organicReinvestProbability;
  const monthlyActiveShare = s.population.app.monthlyActiveShare;
  const activationWeekly = org.appActivationWeekly;
  const period = maturityPeriodDays(model);
  const wmpRel = model.wmpProducts.map((p) => model.relevantIndex[p]).find((x) => x >= 0) ?? -1;
  const reinvested = wmpRel >= 0 ? ws.organic[wmpRel * 3 + 2] : undefined;
  const horizonDays = model.horizonDays;
  const { attritionWeek, inflowDay, inflowDay2, appActive, retained, organicMask } = ws;
  const { tier, isAppUser, maturityPhaseDay } = pop;
  const churnFactor = engine.churnFactor;
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const t = tier[i];
    const la = attrByTier[t] * churnFactor[i];
    if (la > 0) {
      const ua = keyedUniform(key, i, SLOT_ATTRITION);
      if (ua >= 1 - la * W) {
        const wa = Math.floor(-Math.log(ua) / la);
        if (wa < W) attritionWeek[i] = wa;
      }
    }
    const li = inflowByTier[t];
    const ui = li > 0 ? keyedUniform(key, i, SLOT_INFLOW1) : 0;
    if (li > 0 && ui >= 1 - li * W) {
      const d1 = Math.floor((7 * -Math.log(ui)) / li);
      if (d1 < horizonDays) {
        inflowDay[i] = d1;
        const d2 = d1 + Math.floor((7 * -Math.log(keyedUniform(key, i, SLOT_INFLOW2))) / li);
        if (d2 < horizonDays) inflowDay2[i] = d2;
      }
    }
    if (isAppUser[i] && keyedUniform(key, i, SLOT_APP_ACTIVE) < monthlyActiveShare) {
      appActive[i] = 1;
      ws.appActiveWeek[i] = 0;
    } else if (activationWeekly > 0) {
      const wa = Math.floor(-Math.log(keyedUniform(key, i, SLOT_APP_ACTIVATION)) / activationWeekly);
      if (wa < W) {
        appActive[i] = 1;
        ws.appActiveWeek[i] = wa;
      }
    }
    const phase = maturityPhaseDay[i];
    if (phase >= 0) {
      for (
        let m = 0, d = phase;
        d < horizonDays && m < MAX_MATURITIES;
        m++, d = Math.floor(phase + m * period)
      ) {
        if (keyedUniform(key, i, slotMaturity(m, false)) < reinvestP) {
          retained[i] |= m < 8 ? 1 << m : 0;
          if (reinvested !== undefined && reinvested[i] === NONE) {
            reinvested[i] = Math.floor(d / 7);
            organicMask[i] |= productBit(wmpRel);
          }
        }
      }
    }
  }
}

/** Queue journey step `step` of strategy s for customer i on `day` (dropped past the horizon). */
function pushToken(
  ws: Workspace,
  s: number,
  W: number,
  i: number,
  step: number,
  day: number,
  leadDay: number,
  queued: number,
): void {
  const week = Math.floor(day / 7);
  if (week >= W) return;
  const t = ws.tokens;
  const id = t.alloc();
  t.cust[id] = i;
  t.step[id] = step;
  t.day[id] = day;
  t.leadDay[id] = leadDay;
  t.queued[id] = queued;
  t.next[id] = -1;
  const b = s * (W + 1) + week;
  if (ws.tail[b] < 0) ws.head[b] = id;
  else t.next[ws.tail[b]] = id;
  ws.tail[b] = id;
}

/** Randomize each strategy's eligible customers into treatment and control, then schedule triggers. */
export function assignAndTrigger(engine: Engine, tables: RepTables, rep: number): void {
  for (let si = 0; si < tables.scenario.strategies.length; si++) assignStrategy(engine, tables, rep, si);
}

/** Strategy si's randomized arms and its triggers (in strategy order: TriggerList.close). */
function assignStrategy(engine: Engine, tables: RepTables, rep: number, si: number): void {
  const { model, ws } = engine;
  const st = tables.scenario.strategies[si];
  const pop = model.pop;
  const period = maturityPeriodDays(model);
  const akey = uniformKey(model.seed, 'assign', rep, st.id);
  const arm = ws.arm[si];
  const elig = model.eligible[si];
  if (st.holdout.level === 'branch') {
    // Randomize the branches that hold eligible customers; round(share × count) go to control.
    const has = new Uint8Array(pop.branches.length);
    for (let k = 0; k < elig.length; k++) has[pop.branch[elig[k]]] = 1;
    const branches = Array.from({ length: pop.branches.length }, (_, b) => b).filter((b) => has[b]);
    const nB = branches.length;
    const held = Math.min(nB - 1, Math.max(1, Math.round(st.holdout.share * nB)));
    // A sequential stream, not keyed uniforms of the branch index: those were measurably correlated
    // with the behaviour draws of the same replication (a zero-effect branch-level test rejected in
    // 6.8% instead of 5%; docs/model.md), so assignment must not share that hash family.
    const stream = createStream(model.seed, 'assign-branches', rep, st.id);
    const draw = Float64Array.from(branches, () => stream.next());
    const order = branches
      .map((b, k) => ({ b, u: draw[k] }))
      .sort((x, y) => x.u - y.u || x.b - y.b)
      .map((x) => x.b);
    const isControl = new Uint8Array(pop.branches.length);
    for (let k = 0; k < held; k++) isControl[order[k]] = 1;
    for (let k = 0; k < elig.length; k++) arm[elig[k]] = isControl[pop.branch[elig[k]]] ? 2 : 1;
  } else {
    const share = st.holdout.share;
    for (let k = 0; k < elig.length; k++) arm[elig[k]] = keyedUniform(akey, elig[k], 0) < share ? 2 : 1;
  }
  const tau = ws.tau[si];
  const triggers = ws.triggers;
  const trig = st.trigger;
  if (trig.type === 'batch') {
    const day = 7 * trig.week;
    for (let k = 0; k < elig.length; k++) {
      const i = elig[k];
      tau[i] = day;
      if (arm[i] === 1) triggers.add(i, day, -1);
    }
    triggers.close(si);
    return;
  }
  const ev = trig.type === 'event' ? trig.event : trig.did;
  const isSequence = trig.type === 'sequence';
  const withinDays = trig.type === 'sequence' ? trig.withinDays : 0;
  const delayDays = trig.type === 'event' ? trig.delayDays : 0;
  const horizonDays = model.horizonDays;
  const payrollDays = Int32Array.from(model.payrollDays);
  const { isPayroll, maturityPhaseDay } = pop;
  const { inflowDay, inflowDay2 } = ws;
  if (ev === 'payroll' && !isSequence && isOnePerWeek(payrollDays, delayDays, horizonDays)) {
    // Every payroll customer has the same trigger days, at most one a week: scheduling payday by
    // payday gives each week's bucket the same customers in the same order as customer by
    // customer, and already in week order (TriggerList.close then only copies).
    for (let e = 0; e < payrollDays.length; e++) {
      const day = payrollDays[e] + delayDays;
      if (day >= horizonDays) continue;
      for (let k = 0; k < elig.length; k++) {
        const i = elig[k];
        if (!isPayroll[i]) continue;
        if (tau[i] < 0 || day < tau[i]) tau[i] = day;
        if (arm[i] === 1) triggers.add(i, day, -1);
      }
    }
    triggers.close(si);
    return;
  }
  const days = new Int32Array(MAX_MATURITIES + payrollDays.length + 2);
  for (let k = 0; k < elig.length; k++) {
    const i = elig[k];
    // This customer's occurrences of the event within the horizon.
    let nd = 0;
    if (ev === 'payroll') {
      if (isPayroll[i]) for (let e = 0; e < payrollDays.length; e++) days[nd++] = payrollDays[e];
    } else if (ev === 'wmp_maturity') {
      const phase = maturityPhaseDay[i];
      if (phase >= 0) {
        for (
          let m = 0, d = phase;
          d < horizonDays && m < MAX_MATURITIES;
          m++, d = Math.floor(phase + m * period)
        )
          days[nd++] = d;
      }
    } else {
      if (inflowDay[i] >= 0) days[nd++] = inflowDay[i];
      if (inflowDay2[i] >= 0) days[nd++] = inflowDay2[i];
    }
    for (let e = 0; e < nd; e++) {
      if (isSequence) {
        triggers.add(i, days[e] + withinDays, days[e]);
        continue;
      }
      const day = days[e] + delayDays;
      if (day >= horizonDays) continue;
      if (tau[i] < 0 || day < tau[i]) tau[i] = day;
      if (arm[i] === 1) triggers.add(i, day, -1);
    }
  }
  triggers.close(si);
}

/** Whether the days (ascending) shifted by `delay` fall in distinct weeks, ignoring those past the horizon. */
function isOnePerWeek(days: Int32Array, delay: number, horizonDays: number): boolean {
  let lastWeek = -1;
  for (let e = 0; e < days.length; e++) {
    const day = days[e] + delay;
    if (day >= horizonDays) continue;
    const week = Math.floor(day / 7);
    if (week <= lastWeek) return false;
    lastWeek = week;
  }
  return true;
}

type EventWindows = {
  /** Payroll window multiplier by day (1 outside a window). */
  payroll: Float64Array;
  /** The largest value eventMultiplier can return (≥ 1). */
  maxMultiplier: number;
  maturityPhase: Int32Array;
  /** By days since the first maturity (0 ≤ x < horizon): 1 when x falls inside a window of high intent after a maturity. */
  isInMaturityWindow: Uint8Array;
  maturityMult: number;
  inflow1: Int16Array;
  inflow2: Int16Array;
  inflowWindowDays: number;
  inflowMult: number;
};

function eventWindows(engine: Engine, tables: RepTables): EventWindows {
  const { model, ws } = engine;
  const ev = tables.scenario.population.events;
  const payroll = new Float64Array(model.horizonDays).fill(1);
  for (const d of model.payrollDays) {
    for (let k = d; k <= d + ev.payroll.windowDays && k < model.horizonDays; k++)
      payroll[k] = Math.max(payroll[k], ev.payroll.responseMultiplier);
  }
  // Tabulated once: the float remainder (x % 182.5) is slow in the per-contact loop.
  const period = maturityPeriodDays(model);
  const isInMaturityWindow = new Uint8Array(model.horizonDays);
  for (let x = 0; x < model.horizonDays; x++)
    isInMaturityWindow[x] = x % period <= ev.wmpMaturity.windowDays ? 1 : 0;
  let maxMultiplier = Math.max(1, ev.wmpMaturity.responseMultiplier, ev.largeInflow.responseMultiplier);
  for (let d = 0; d < payroll.length; d++) maxMultiplier = Math.max(maxMultiplier, payroll[d]);
  return {
    payroll,
    maxMultiplier,
    maturityPhase: model.pop.maturityPhaseDay,
    isInMaturityWindow,
    maturityMult: ev.wmpMaturity.responseMultiplier,
    inflow1: ws.inflowDay,
    inflow2: ws.inflowDay2,
    inflowWindowDays: ev.largeInflow.windowDays,
    inflowMult: ev.largeInflow.responseMultiplier,
  };
}

/** Response multiplier from the high-intent windows open for customer i on `day` (the largest applies). */
function eventMultiplier(e: EventWindows, pop: Model['pop'], i: number, day: number): number {
  let m = pop.isPayroll[i] ? e.payroll[day] : 1;
  const phase = e.maturityPhase[i];
  if (phase >= 0 && day >= phase && e.isInMaturityWindow[day - phase] === 1 && e.maturityMult > m)
    m = e.maturityMult;
  const d1 = e.inflow1[i];
  const d2 = e.inflow2[i];
  if (
    ((d1 >= 0 && day >= d1 && day - d1 <= e.inflowWindowDays) ||
      (d2 >= 0 && day >= d2 && day - d2 <= e.inflowWindowDays)) &&
    e.inflowMult > m
  ) {
    m = e.inflowMult;
  }
  return m;
}

/** Index of the maturity whose window holds `day`, or -1. */
function maturityWindowAt(engine: Engine, tables: RepTables, i: number, day: number): number {
  const phase = engine.model.pop.maturityPhaseDay[i];
  if (phase < 0 || day < phase) return -1;
  const period = maturityPeriodDays(engine.model);
  const m = Math.floor((day - phase) / period);
  const since = day - Math.floor(phase + m * period);
  return since <= tables.scenario.population.events.wmpMaturity.windowDays ? m : -1;
}

function purchaseAmount(
  engine: Engine,
  p: number,
  i: number,
  u: number,
  tables: RepTables,
): { amount: number; newMoney: number } {
  const prod = tables.scenario.products[p];
  if (prod.family === 'app_activation') return { amount: 0, newMoney: 0 };
  const pop = engine.model.pop;
  const aum = pop.aum[i];
  const os = pop.outsideShare[i];
  const ticket = prod.ticket;
  let amount =
    ticket.medianCny *
    (Math.max(aum, 1000) / REFERENCE_AUM_CNY) ** ticket.aumElasticity *
    Math.exp(ticket.sdLog * normalQuantile(u));
  const wealth = aum + (aum * os) / (1 - os);
  amount = Math.min(amount, ticket.maxShareOfAum * wealth);
  const frac = Math.min(1, (prod.newMoneyShare * os) / engine.meanOutside);
  return { amount, newMoney: amount * frac };
}

const INVESTMENT_FAMILIES = new Set(['wmp', 'fund', 'large_cd', 'insurance']);

/** Record a purchase's money: new money, internal shift, revenue, and maturity retention. */
function bookPurchase(
  engine: Engine,
  tables: RepTables,
  p: number,
  i: number,
  u: number,
  day: number,
  isCampaign: boolean,
): void {
  const { ws } = engine;
  const prod = tables.scenario.products[p];
  const years = tables.scenario.economics.valueYears;
  ws.value[i] += prod.valuePerConversionCny * years;
  if (isCampaign) ws.incrementalValue[i] += prod.valuePerConversionCny * years;
  if (prod.family === 'app_activation') {
    ws.appActive[i] = 1;
    ws.appActiveWeek[i] = Math.min(ws.appActiveWeek[i], Math.floor(day / 7));
    return;
  }
  const { amount, newMoney } = purchaseAmount(engine, p, i, u, tables);
  ws.purchaseNewMoney[i] += newMoney;
  ws.internalShift[i] += amount - newMoney;
  ws.value[i] += amount * prod.revenueRate * years;
  if (isCampaign) {
    ws.campaignNewMoney[i] += newMoney;
    ws.incrementalValue[i] += amount * prod.revenueRate * years;
  }
  if (INVESTMENT_FAMILIES.has(prod.family)) {
    const m = maturityWindowAt(engine, tables, i, day);
    if (m >= 0 && m < 8) {
      if (isCampaign && !(ws.retained[i] & (1 << m))) ws.retainedByCampaign[i] |= 1 << m;
      ws.retained[i] |= 1 << m;
    }
  }
}

/** Move a customer along a journey edge (or end the journey). */
function followEdge(
  ws: Workspace,
  si: number,
  W: number,
  steps: Model['steps'][number],
  flags: Uint8Array,
  visits: Uint16Array,
  i: number,
  target: number,
  day: number,
  asLeadDay: number,
): void {
  if (target === END || visits[i] >= MAX_VISITS) flags[i] &= ~8;
  else pushToken(ws, si, W, i, target, day + steps.waitDays[target], asLeadDay, 0);
}

/**
 * Everything the weekly loop reads, gathered once per replication so that the per-bucket loop
 * below starts from a handful of property reads instead of re-deriving them from the scenario.
 */
type WeekRun = {
  engine: Engine;
  tables: RepTables;
  rec: Float64Array;
  bkey: UniformKey;
  ckeys: UniformKey[];
  skeys: UniformKey[];
  events: EventWindows;
  /** Reach kinds that are a known yes/no per customer (opt-in, consent, link), not a chance per attempt. */
  isStaticReach: boolean[];
  /** (1 − fatigue)^k per channel for k < FATIGUE_TABLE, from the same expression (Math.pow is slow per contact). */
  fatigueMult: Float64Array;
  /** Sequence-trigger strategies get TOKEN_CHECK entries, all others TOKEN_START. */
  triggerKind: Int32Array;
};

/** The weekly loop: each strategy's journeys, in priority order, week by week. */
export function runWeeks(
  engine: Engine,
  tables: RepTables,
  rec: Float64Array,
  rep: number,
  bkey: UniformKey,
): void {
  const { model, ws } = engine;
  const s = tables.scenario;
  const W = model.weeks;
  const CH = CHANNEL_FIELDS.length;
  const chBase = model.layout.channelBase;
  const { capacity, chFatigue } = tables;
  const capUsed = ws.capUsed;
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
    isStaticReach: s.channels.map(
      (c) => c.reachVia === 'app' || c.reachVia === 'sms' || c.reachVia === 'wecom',
    ),
    fatigueMult,
    triggerKind: Int32Array.from(s.strategies, (st) =>
      st.trigger.type === 'sequence' ? TOKEN_CHECK : TOKEN_START,
    ),
  };
  // Per-channel capacity made available over the horizon (reported as capacity used share).
  for (let c = 0; c < nC; c++) {
    const cap = capacity[c];
    let total = 0;
    if (model.capacityIsGlobal[c]) total = cap[0];
    else for (let b = 0; b < cap.length; b++) total += cap[b];
    rec[chBase + c * CH + 1] = Number.isFinite(total) ? total * W : Number.NaN;
  }
  const order = model.order;
  for (let t = 0; t < W; t++) {
    for (let c = 0; c < nC; c++) capUsed[c].fill(0);
    for (let k = 0; k < order.length; k++) runBucket(run, order[k], t);
    engine.probe?.weekEnd(t, capUsed, capacity);
  }
}

/**
 * Strategy si's queue for week t: its scheduled triggers, then the journey steps queued for the
 * week (including those this loop appends). Each entry passes the contact policy, budget and
 * staff capacity, then reach, response, referral or close.
 */
function runBucket(run: WeekRun, si: number, t: number): void {
  const { engine, tables, rec, events, isStaticReach, fatigueMult } = run;
  const { model, ws } = engine;
  const pop = model.pop;
  const n = pop.n;
  const W = model.weeks;
  const L = model.layout;
  const tok = ws.tokens;
  const triggers = ws.triggers;
  const contacts = ws.contacts; // week-major: contacts[week * n + i]
  const s = tables.scenario;
  const maxWeek = s.contactPolicy.maxContactsPerWeek;
  const max4 = s.contactPolicy.maxContactsPer4Weeks;
  const nSF = STEP_FIELDS.length;
  const CH = CHANNEL_FIELDS.length;
  const SCF = STRATEGY_CHANNEL_FIELDS.length;
  const chBase = L.channelBase;
  const {
    chCost,
    chStaffMinutes,
    chReachRate,
    chResponse,
    chClose,
    chFatigue,
    chFatigueWeeks,
    chHalfLifeDays,
    chMaxQueue,
    capacity,
  } = tables;
  const capUsed = ws.capUsed;
  const capIsGlobal = model.capacityIsGlobal;
  const reachKind = model.channelReachKind;
  const reach = pop.reach;
  const propensity = pop.propensity;
  const branchOf = pop.branch;
  const branchMult = engine.branchMult;
  const attritionWeek = ws.attritionWeek;
  const suppressedAt = L.suppressedByPolicy;
  const steps = model.steps[si];
  const stepChannel = steps.channel;
  const lay = L.strategies[si];
  const sc = lay.scalar;
  const oCostContacts = sc.costContacts;
  const oCostStaff = sc.costStaff;
  const oStaffMinutes = sc.staffMinutes;
  const oReferralsFollowed = sc.referralsFollowed;
  const oReferrals = sc.referrals;
  const flags = ws.flags[si];
  const visits = ws.visits[si];
  const ckey = run.ckeys[si];
  const offer = model.offerProduct[si];
  const offerRel = model.relevantIndex[offer];
  const offerBase = offer * n;
  const seasonT = model.season[t] * tables.marketMult;
  const stMult = tables.stMultiplier[si] * tables.propensityScale[offer] * seasonT;
  const budget = s.strategies[si].budgetCny;
  const incentive = tables.stIncentiveCost[si];
  const stepsBase = lay.steps;
  const chanBase = lay.channels;
  const weekBase = lay.weeks + t * WEEK_FIELDS.length;
  const b = si * (W + 1) + t;
  const triggerKind = run.triggerKind[si];
  // Budget spent by this strategy so far (written back at the end of the bucket).
  let spent = ws.spent[si];
  // The bucket's triggers [q, qEnd) first, then its linked tokens from head[b] (id = -1: not yet).
  const qEnd = triggers.start[b + 1];
  for (let q = triggers.start[b], id = -1; ; ) {
    let i: number;
    let day: number;
    let kind: number;
    let stepIdx: number;
    let leadDay: number;
    let queued: number;
    let eventDay = -1;
    if (q < qEnd) {
      i = triggers.cust[q];
      day = triggers.day[q];
      eventDay = triggers.eventDay[q];
      q++;
      kind = triggerKind;
      stepIdx = steps.start;
      leadDay = -1;
      queued = 0;
    } else {
      id = id < 0 ? ws.head[b] : tok.next[id];
      if (id < 0) break;
      i = tok.cust[id];
      day = tok.day[id];
      kind = TOKEN_STEP;
      stepIdx = tok.step[id];
      leadDay = tok.leadDay[id];
      queued = tok.queued[id];
    }
    if (kind === TOKEN_CHECK) {
      if (sequenceSatisfied(engine, tables, si, i, eventDay, t, offerRel, run.skeys[si])) continue;
      if (ws.tau[si][i] < 0 || day < ws.tau[si][i]) ws.tau[si][i] = day;
      if (ws.arm[si][i] !== 1) continue;
    }
    if (kind !== TOKEN_STEP) {
      if (flags[i] & 12) continue; // already in this journey, or converted by it
      flags[i] |= 8;
      const d = day + steps.waitDays[stepIdx];
      if (d >= 7 * (t + 1)) {
        pushToken(ws, si, W, i, stepIdx, d, -1, 0);
        continue;
      }
    }
    // A contact attempt at step stepIdx on channel c.
    const c = stepChannel[stepIdx];
    const so = stepsBase + stepIdx * nSF;
    if (attritionWeek[i] <= t) {
      rec[so + 6]++;
      flags[i] &= ~8;
      continue;
    }
    // The platform knows who has no push opt-in, no SMS consent or no WeCom link: nothing is sent.
    const reachP = reach[reachKind[c]][i];
    if (reachP === 0 && isStaticReach[c]) {
      rec[so + 1]++;
      followEdge(ws, si, W, steps, flags, visits, i, steps.onNoContact[stepIdx], day, -1);
      continue;
    }
    // Contact policy across strategies (reached contacts this week and in the last four).
    let last4 = 0;
    for (let w = t > 3 ? t - 3 : 0; w <= t; w++) last4 += contacts[w * n + i];
    if (contacts[t * n + i] >= maxWeek || last4 >= max4) {
      rec[so + 7]++;
      rec[suppressedAt]++;
      if (queued >= MAX_POLICY_POSTPONES) {
        rec[so + 6]++;
        flags[i] &= ~8;
      } else pushToken(ws, si, W, i, stepIdx, day + 7, leadDay, queued + 1);
      continue;
    }
    const cost = chCost[c];
    // A contact is made only if the budget still covers it and the incentive it may lead to.
    if (spent + cost + incentive > budget) {
      rec[so + 6]++;
      flags[i] &= ~8;
      continue;
    }
    const capB = capIsGlobal[c] ? 0 : branchOf[i];
    const used = capUsed[c];
    if (used[capB] >= capacity[c][capB]) {
      if (queued >= chMaxQueue[c]) {
        rec[chBase + c * CH + 4]++;
        rec[so + 6]++;
        flags[i] &= ~8;
      } else {
        if (queued === 0) rec[chBase + c * CH + 2]++;
        pushToken(ws, si, W, i, stepIdx, day + 7, leadDay, queued + 1);
      }
      continue;
    }
    if (leadDay >= 0 && queued > 0) rec[chBase + c * CH + 3]++;
    // The attempt is made: it costs money, staff time and capacity.
    used[capB]++;
    spent += cost;
    const visit = visits[i]++;
    const staffMin = chStaffMinutes[c];
    rec[oCostContacts] += cost;
    if (staffMin > 0) {
      rec[oCostStaff] += cost;
      rec[oStaffMinutes] += staffMin;
    }
    rec[chBase + c * CH]++;
    rec[chBase + c * CH + 5] += staffMin;
    rec[chanBase + c * SCF]++;
    rec[chanBase + c * SCF + 4] += cost;
    rec[so]++;
    rec[weekBase + 2]++;
    rec[weekBase + 3] += cost;
    if (leadDay >= 0) rec[oReferralsFollowed]++;
    if (keyedUniform(ckey, i, visit * 4) >= chReachRate[c] * reachP) {
      rec[so + 1]++;
      followEdge(ws, si, W, steps, flags, visits, i, steps.onNoContact[stepIdx], day, -1);
      continue;
    }
    flags[i] |= 1;
    rec[chanBase + c * SCF + 1]++;
    const uResponse = keyedUniform(ckey, i, visit * 4 + 1);
    let respP: number;
    if (leadDay >= 0) {
      respP = 0.5 ** ((day - leadDay) / chHalfLifeDays[c]);
    } else {
      // The response chance is this product times the event multiplier (at most events.maxMultiplier)
      // and fatigue (at most 1), capped: floating-point products are monotone, so a uniform at or
      // above the bound fails the exact test below too, and most contacts skip computing it.
      const before = propensity[offerBase + i] * stMult * chResponse[c] * branchMult[branchOf[i]];
      if (uResponse >= before * events.maxMultiplier) {
        contacts[t * n + i]++;
        rec[so + 2]++;
        followEdge(ws, si, W, steps, flags, visits, i, steps.onNotInterested[stepIdx], day, -1);
        continue;
      }
      let recent = 0;
      const from = t - chFatigueWeeks[c] + 1;
      for (let w = Math.max(from, 0); w <= t; w++) recent += contacts[w * n + i];
      respP = before * eventMultiplier(events, pop, i, day);
      if (recent > 0)
        respP *=
          recent < FATIGUE_TABLE ? fatigueMult[c * FATIGUE_TABLE + recent] : (1 - chFatigue[c]) ** recent;
      if (respP > RESPONSE_CAP) respP = RESPONSE_CAP;
    }
    contacts[t * n + i]++;
    if (uResponse >= respP) {
      rec[so + 2]++;
      followEdge(ws, si, W, steps, flags, visits, i, steps.onNotInterested[stepIdx], day, -1);
      continue;
    }
    flags[i] |= 2;
    rec[chanBase + c * SCF + 2]++;
    const referral = steps.onInterested[stepIdx];
    if (referral >= 0) {
      rec[so + 3]++;
      rec[oReferrals]++;
      followEdge(ws, si, W, steps, flags, visits, i, referral, day, day);
      continue;
    }
    if (keyedUniform(ckey, i, visit * 4 + 2) >= chClose[c]) {
      rec[so + 5]++;
      followEdge(ws, si, W, steps, flags, visits, i, steps.onNotConverted[stepIdx], day, -1);
      continue;
    }
    // Converted by the campaign.
    rec[so + 4]++;
    rec[chanBase + c * SCF + 3]++;
    spent += incentive;
    convert(run, si, offer, offerRel, i, t, day, keyedUniform(ckey, i, visit * 4 + 3));
  }
  ws.spent[si] = spent;
}

/** Book a campaign conversion of customer i in week t (the purchase, and the churn it prevents). */
function convert(
  run: WeekRun,
  si: number,
  offer: number,
  offerRel: number,
  i: number,
  t: number,
  day: number,
  uAmount: number,
): void {
  const { engine, tables, rec } = run;
  const { model, ws } = engine;
  const sc = model.layout.strategies[si].scalar;
  const incentive = tables.stIncentiveCost[si];
  const flags = ws.flags[si];
  flags[i] = (flags[i] | 4) & ~8;
  rec[sc.costIncentives] += incentive;
  rec[model.layout.strategies[si].weeks + t * WEEK_FIELDS.length + 3] += incentive;
  if (offerRel >= 0) {
    if (ws.campFirst[offerRel][i] === NONE) ws.campFirst[offerRel][i] = t;
    ws.campLast[offerRel][i] = t;
    ws.campaignMask[i] |= productBit(offerRel);
  }
  bookPurchase(engine, tables, offer, i, uAmount, day, true);
  const aw = ws.attritionWeek[i];
  if (
    aw !== NONE &&
    aw > t &&
    keyedUniform(run.bkey, i, SLOT_ATTRITION_AVOIDED) <
      tables.scenario.population.organic.attritionReductionAfterConversion
  ) {
    ws.attritionWeek[i] = NONE;
    ws.attritionAvoided[i] = 1;
  }
}

/** "did A but not B within N days": A happened on `eventDay`; did B happen by week `t`? */
function sequenceSatisfied(
  engine: Engine,
  tables: RepTables,
  si: number,
  i: number,
  eventDay: number,
  t: number,
  offerRel: number,
  key: UniformKey,
): boolean {
  const { ws } = engine;
  const trig = tables.scenario.strategies[si].trigger;
  if (trig.type !== 'sequence') return false;
  const from = Math.floor(eventDay / 7);
  if (trig.notDid === 'purchase') {
    if (offerRel < 0) return false;
    for (let k = 0; k < 3; k++) {
      const w = ws.organic[offerRel * 3 + k][i];
      if (w !== NONE && w >= from && w <= t) return true;
    }
    return ws.campLast[offerRel][i] >= from;
  }
  if (!ws.appActive[i]) return false;
  const logins = tables.scenario.population.app.loginsPerActiveMonth;
  return keyedUniform(key, i, eventDay) < 1 - Math.exp((-logins * trig.withinDays) / 30);
}

/** After the horizon: organic purchases not pre-empted by a campaign, outflows, net new money, value. */
export function settleOutcomes(engine: Engine, tables: RepTables, key: UniformKey): void {
  settlePurchases(engine, tables, key);
  settleMoney(engine, tables, key);
}

/**
 * Each customer's organic purchases (booked unless a campaign purchase pre-empted them) and the
 * products gained; starts the modelled incremental new money from the campaign purchases.
 */
function settlePurchases(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const s = tables.scenario;
  const pop = model.pop;
  const n = pop.n;
  const rel = Int32Array.from(model.relevantProducts);
  const nRel = rel.length;
  const valueYears = s.economics.valueYears;
  const maturingShare = s.population.events.wmpMaturity.maturingShareOfAum;
  const { organic, campFirst, organicMask, campaignMask, campaignNewMoney, internalShift, value } = ws;
  const { aum, holds } = pop;
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const orgMask = organicMask[i];
    // Products without an organic purchase week have only NONE below: nothing to book.
    const boughtMask = orgMask | campaignMask[i];
    let incremental = campaignNewMoney[i];
    for (let r = 0; orgMask !== 0 && r < nRel; r++) {
      if ((orgMask & productBit(r)) === 0) continue;
      const campF = campFirst[r][i];
      for (let e = 0; e < 3; e++) {
        const w = organic[r * 3 + e][i];
        if (w === NONE) continue;
        if (w >= campF) {
          // The campaign pulled this purchase forward: it does not happen again (nor its new money
          // and revenue, which the modelled counterfactual would have had).
          const prod = s.products[rel[r]];
          if (e < 2) {
            const pre = purchaseAmount(
              engine,
              rel[r],
              i,
              keyedUniform(key, i, slotOrganic(rel[r], 2 + e)),
              tables,
            );
            incremental -= pre.newMoney;
            ws.incrementalValue[i] -=
              (prod.valuePerConversionCny + pre.amount * prod.revenueRate) * valueYears;
          } else ws.incrementalValue[i] -= maturingShare * aum[i] * prod.revenueRate * valueYears;
          continue;
        }
        if (e === 2) {
          // Organic reinvestment at maturity: matured money stays; revenue on the amount.
          const amount = maturingShare * aum[i];
          internalShift[i] += amount;
          value[i] += amount * s.products[rel[r]].revenueRate * valueYears;
        } else
          bookPurchase(
            engine,
            tables,
            rel[r],
            i,
            keyedUniform(key, i, slotOrganic(rel[r], 2 + e)),
            7 * w,
            false,
          );
      }
    }
    ws.incremental[i] = incremental;
    let gained = 0;
    // A product counts only with a campaign purchase or an organic week (else all weeks are NONE).
    for (let r = 0; boughtMask !== 0 && r < nRel; r++) {
      if ((boughtMask & productBit(r)) === 0 || holds[rel[r] * n + i]) continue;
      const campF = campFirst[r][i];
      // Organic purchases count only if they came before any campaign purchase of the product.
      if (
        campF !== NONE ||
        organic[r * 3][i] < campF ||
        organic[r * 3 + 1][i] < campF ||
        organic[r * 3 + 2][i] < campF
      )
        gained++;
    }
    ws.gained[i] = gained;
  }
}

/**
 * Each customer's net new money (purchases, inflows, maturity run-off, churn), its value, the
 * rest of the modelled increment (maturities kept, churn prevented) and the end-of-horizon tier.
 */
function settleMoney(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const s = tables.scenario;
  const pop = model.pop;
  const W = model.weeks;
  const ev = s.population.events;
  const period = maturityPeriodDays(model);
  const margin = s.economics.newMoneyMarginRate * s.economics.valueYears;
  const org = s.population.organic;
  const tierMins = s.population.tiers.map((t) => t.minAumCny);
  const growth = 1 + org.aumDriftWeekly * W + tables.marketReturn;
  const idioSd = org.aumIdioSdWeekly * Math.sqrt(W);
  const maturingShare = ev.wmpMaturity.maturingShareOfAum;
  const outflowP = ev.wmpMaturity.outflowProbability;
  const inflowShare = ev.largeInflow.amountShareOfAum;
  const attritionLoss = org.attritionAumLoss;
  const horizonDays = model.horizonDays;
  const { retained, retainedByCampaign, attritionWeek, attritionAvoided, incremental } = ws;
  const { purchaseNewMoney, value, netNewMoney, inflowDay, inflowDay2, tierUp } = ws;
  const { aum: aumOf, tier, maturityPhaseDay } = pop;
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    let flow = purchaseNewMoney[i];
    let more = incremental[i];
    const aum = aumOf[i];
    if (inflowDay[i] >= 0) flow += inflowShare * aum;
    if (inflowDay2[i] >= 0) flow += inflowShare * aum;
    const phase = maturityPhaseDay[i];
    if (phase >= 0) {
      for (
        let m = 0, d = phase;
        d < horizonDays && m < MAX_MATURITIES;
        m++, d = Math.floor(phase + m * period)
      ) {
        const kept = m < 8 && retained[i] & (1 << m);
        const wouldLeave = keyedUniform(key, i, slotMaturity(m, true)) < outflowP;
        if (!kept && wouldLeave) flow -= maturingShare * aum;
        if (wouldLeave && m < 8 && retainedByCampaign[i] & (1 << m)) more += maturingShare * aum;
      }
    }
    if (attritionWeek[i] < W) flow -= attritionLoss * aum;
    if (attritionAvoided[i]) more += attritionLoss * aum;
    netNewMoney[i] = flow;
    incremental[i] = more;
    value[i] += flow * margin;
    ws.incrementalValue[i] += more * margin;
    const aumEnd = aum * (growth + idioSd * normalQuantile(keyedUniform(key, i, SLOT_IDIO))) + flow;
    tierUp[i] = bandOf(aumEnd, tierMins) > tier[i] ? 1 : 0;
  }
}

/** The record's treatment and control fields of the per-arm sums, in the order of `sum` in aggregateStrategy. */
const ARM_SUMS: ReadonlyArray<readonly [StrategyScalar, StrategyScalar]> = [
  ['eligibleT', 'eligibleC'],
  ['targetedT', 'targetedC'],
  ['buyersT', 'buyersC'],
  ['netNewMoneyT', 'netNewMoneyC'],
  ['netNewMoneySqT', 'netNewMoneySqC'],
  ['purchaseNewMoneyT', 'purchaseNewMoneyC'],
  ['internalShiftT', 'internalShiftC'],
  ['productsDeltaT', 'productsDeltaC'],
  ['mauT', 'mauC'],
  ['tierUpT', 'tierUpC'],
  ['attritedT', 'attritedC'],
  ['valueT', 'valueC'],
  ['productsHeldT', 'productsHeldC'],
  ['loginsT', 'loginsC'],
];
/** Slots per arm in aggregateStrategy's sums, one per ARM_SUMS entry (slot k sums entry k). */
const ARM_FIELDS = 14;

/** Sum per-customer outcomes into the record, by strategy, arm, group and week; pilot tests. */
export function aggregate(engine: Engine, tables: RepTables, rec: Float64Array, rep: number): void {
  for (let si = 0; si < tables.scenario.strategies.length; si++) aggregateStrategy(engine, rec, si, rep);
}

/** One strategy's sums over its eligible customers (see aggregate). */
function aggregateStrategy(engine: Engine, rec: Float64Array, si: number, rep: number): void {
  const { model, ws } = engine;
  const pop = model.pop;
  const L = model.layout;
  const GF = GROUP_FIELDS.length;
  const WF = WEEK_FIELDS.length;
  const { netNewMoney, purchaseNewMoney, internalShift, appActive, value, tierUp, gained, attritionWeek } =
    ws;
  const W = model.weeks;
  // The holdout level is not a number, so no prior changes it: read it from the base scenario.
  const isBranchHoldout = model.scenario.strategies[si].holdout.level === 'branch';
  const { tier, cell, branch } = pop;
  const lay = L.strategies[si];
  const sc = lay.scalar;
  const arm = ws.arm[si];
  const tau = ws.tau[si];
  const flags = ws.flags[si];
  const r = model.relevantIndex[model.offerProduct[si]];
  const campFirst = ws.campFirst[r];
  const campLast = ws.campLast[r];
  const org0 = ws.organic[r * 3];
  const org1 = ws.organic[r * 3 + 1];
  const org2 = ws.organic[r * 3 + 2];
  const { organicMask, campaignMask } = ws;
  const bit = productBit(r);
  const elig = model.eligible[si];
  // Sums by arm: index 0 treatment, 1 control.
  const sum = new Float64Array(2 * ARM_FIELDS);
  const { heldAtStart } = engine;
  const loginsPerActiveMonth = model.scenario.population.app.loginsPerActiveMonth;
  const { appActiveWeek } = ws;
  const part = new Float64Array(5);
  let participants = 0;
  let participantsBuyers = 0;
  let participantsNm = 0;
  let reached = 0;
  let responded = 0;
  let convertedCampaign = 0;
  let modelledNewMoney = 0;
  let modelledBuyers = 0;
  let modelledValue = 0;
  const pilot = ws.pilot;
  const { aum } = pop;
  let np = 0;
  for (let k = 0; k < elig.length; k++) {
    const i = elig[k];
    const a = arm[i] === 1 ? 0 : 1;
    sum[a * ARM_FIELDS]++;
    if (tau[i] < 0) continue;
    const tw = Math.floor(tau[i] / 7);
    // First purchase of the offer at or after the trigger week, by any route.
    // (Without the product's bit in a mask its weeks are NONE, and its last campaign week −1.)
    const hasCampaign = (campaignMask[i] & bit) !== 0;
    const cf = hasCampaign ? campFirst[i] : NONE;
    const cl = hasCampaign ? campLast[i] : -1;
    let first = NONE;
    if (cl >= tw) first = cf >= tw ? cf : cl;
    // Organic purchases pre-empted by a campaign purchase (on or after its week) did not happen.
    let w0 = NONE;
    let w1 = NONE;
    let w2 = NONE;
    if ((organicMask[i] & bit) !== 0) {
      w0 = org0[i];
      w1 = org1[i];
      w2 = org2[i];
    }
    if (w0 >= tw && w0 < cf && w0 < first) first = w0;
    if (w1 >= tw && w1 < cf && w1 < first) first = w1;
    if (w2 >= tw && w2 < cf && w2 < first) first = w2;
    const buyer = first !== NONE ? 1 : 0;
    const nm = netNewMoney[i];
    const o = a * ARM_FIELDS;
    sum[o + 1]++;
    sum[o + 2] += buyer;
    sum[o + 3] += nm;
    sum[o + 4] += nm * nm;
    sum[o + 5] += purchaseNewMoney[i];
    sum[o + 6] += internalShift[i];
    sum[o + 7] += gained[i];
    sum[o + 8] += appActive[i];
    sum[o + 9] += tierUp[i];
    sum[o + 10] += attritionWeek[i] < W ? 1 : 0;
    sum[o + 11] += value[i];
    const held = heldAtStart[i] + gained[i];
    // App logins per month over the horizon: an active user's mean rate for the weeks active.
    const logins = appActiveWeek[i] < W ? (loginsPerActiveMonth * (W - appActiveWeek[i])) / W : 0;
    const attrited = attritionWeek[i] < W ? 1 : 0;
    sum[o + 12] += held;
    sum[o + 13] += logins;
    pilot.x[np] = aum[i];
    pilot.isTreated[np] = a === 0 ? 1 : 0;
    pilot.branch[np] = branch[i];
    pilot.y[np] = nm;
    pilot.y2[np] = buyer;
    np++;
    const gt = lay.tiers + tier[i] * GF + a;
    const gc = lay.cells + cell[i] * GF + a;
    const gb = lay.branches + branch[i] * GF + a;
    rec[gt]++;
    rec[gc]++;
    rec[gb]++;
    rec[gt + 2] += buyer;
    rec[gc + 2] += buyer;
    rec[gb + 2] += buyer;
    rec[gt + 4] += nm;
    rec[gc + 4] += nm;
    rec[gb + 4] += nm;
    if (buyer) rec[lay.weeks + first * WF + a]++;
    const f = flags[i];
    if (a === 0) {
      reached += f & 1;
      responded += (f >> 1) & 1;
      convertedCampaign += (f >> 2) & 1;
      if (f & 4) {
        // The modelled effect on this customer, shared among the strategies that converted them.
        let k = 0;
        for (let q = 0; q < ws.flags.length; q++) k += (ws.flags[q][i] >> 2) & 1;
        modelledNewMoney += ws.incremental[i] / k;
        modelledValue += ws.incrementalValue[i] / k;
        // An incremental buyer: would not have bought the offer on or after the trigger week untreated.
        if (!((w0 !== NONE && w0 >= tw) || (w1 !== NONE && w1 >= tw) || (w2 !== NONE && w2 >= tw)))
          modelledBuyers++;
      }
    }
    // The naive view: participants (reached and responded) against everyone else targeted.
    if (a === 0 && f & 2) {
      participants++;
      participantsBuyers += buyer;
      participantsNm += nm;
      part[0] += held;
      part[1] += appActive[i];
      part[2] += logins;
      part[3] += tierUp[i];
      part[4] += attrited;
    }
  }
  for (let k = 0; k < ARM_SUMS.length; k++) {
    rec[sc[ARM_SUMS[k][0]]] = sum[k];
    rec[sc[ARM_SUMS[k][1]]] = sum[ARM_FIELDS + k];
  }
  rec[sc.participantsProductsHeld] = part[0];
  rec[sc.participantsMau] = part[1];
  rec[sc.participantsLogins] = part[2];
  rec[sc.participantsTierUp] = part[3];
  rec[sc.participantsAttrited] = part[4];
  rec[sc.reachedT] = reached;
  rec[sc.respondedT] = responded;
  rec[sc.convertedCampaignT] = convertedCampaign;
  rec[sc.modelledNewMoneyT] = modelledNewMoney;
  rec[sc.modelledBuyersT] = modelledBuyers;
  rec[sc.modelledValueT] = modelledValue;
  rec[sc.participants] = participants;
  rec[sc.participantsBuyers] = participantsBuyers;
  rec[sc.participantsNewMoney] = participantsNm;
  rec[sc.nonParticipants] = sum[1] + sum[ARM_FIELDS + 1] - participants;
  rec[sc.nonParticipantsBuyers] = sum[2] + sum[ARM_FIELDS + 2] - participantsBuyers;
  rec[sc.nonParticipantsNewMoney] = sum[3] + sum[ARM_FIELDS + 3] - participantsNm;
  // The pilot's own analysis of this replication: net new money (y) and conversion (y2).
  pilot.n = np;
  const nB = isBranchHoldout ? L.nBranches : 0;
  const pkey = uniformKey(model.seed, 'pilot', rep, model.scenario.strategies[si].id);
  const [money, conv] = pilotAnalysis(pilot, nB, pkey.a);
  rec[sc.pAum] = money.p;
  rec[sc.pilotAumEstimate] = money.estimate;
  rec[sc.pilotAumLo] = money.lo90;
  rec[sc.pilotAumHi] = money.hi90;
  rec[sc.pConversion] = conv.p;
  rec[sc.pilotConversionEstimate] = conv.estimate;
  rec[sc.pilotConversionLo] = conv.lo90;
  rec[sc.pilotConversionHi] = conv.hi90;
}
