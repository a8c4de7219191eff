// The high-intent windows of the calendar (payroll days, wealth-product maturities, large
// inflows) that raise a contact's chance of response, tabulated once per replication.
import { keyedUniform, type UniformKey } from '../rng/streams';
import { TRAIT_MATURITY, TRAIT_PAYROLL } from './contact-profile';
import type { Engine } from './engine-state';
import { maturityPeriodDays } from './organic';
import type { RepTables } from './params';
import { NONE, weekOfDay } from './workspace';

export type EventWindows = {
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

export function eventWindows(engine: Engine, tables: RepTables): EventWindows {
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

/**
 * Response multiplier from the high-intent windows open for customer i on `day` (the largest
 * applies); `traits`: the customer's ContactProfile byte (payroll, maturity phase).
 */
export function eventMultiplier(e: EventWindows, traits: number, i: number, day: number): number {
  let m = traits & TRAIT_PAYROLL ? e.payroll[day] : 1;
  if (traits & TRAIT_MATURITY) {
    const phase = e.maturityPhase[i];
    if (day >= phase && e.isInMaturityWindow[day - phase] === 1 && e.maturityMult > m) m = e.maturityMult;
  }
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

/**
 * Index of the maturity whose window holds `day`, or -1; `phase`: the customer's first maturity
 * day (−1: none), `period` and `windowDays` from maturityPeriodDays and the scenario.
 */
export function maturityWindowAt(phase: number, day: number, period: number, windowDays: number): number {
  if (phase < 0 || day < phase) return -1;
  const m = Math.floor((day - phase) / period);
  const since = day - Math.floor(phase + m * period);
  return since <= windowDays ? m : -1;
}

/** "did A but not B within N days": A happened on `eventDay`; did B happen by week `t`? */
export function sequenceSatisfied(
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
  const from = weekOfDay(eventDay);
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
