// A purchase's money (ticket size, new money, internal shift, revenue) and the maturity it
// retains, for campaign conversions (journeys.ts) and organic purchases (outcomes.ts) alike.
import { keyedUniform } from '../rng/streams';
import { normalQuantile } from '../stats/normal';
import { type Engine, REFERENCE_AUM_CNY, SLOT_ATTRITION_AVOIDED } from './engine-state';
import { maturityWindowAt } from './events';
import { WEEK, WEEK_FIELDS } from './layout';
import { maturityPeriodDays } from './organic';
import type { RepTables } from './params';
import type { WeekRun } from './week-run';
import { FLAG_CONVERTED, FLAG_IN_JOURNEY, NONE, productBit, weekOfDay } from './workspace';

/**
 * This replication's product constants for campaign purchases, in typed arrays (built once a
 * replication by purchaseTable): reading them per conversion from the scenario's product objects,
 * which differ in shape, cost more than the purchase's arithmetic.
 */
export type PurchaseTable = {
  isApp: Uint8Array;
  isInvestment: Uint8Array;
  /** valuePerConversionCny × valueYears. */
  valueYears: Float64Array;
  revenueRate: Float64Array;
  valueYearsCount: number;
  median: Float64Array;
  elasticity: Float64Array;
  sdLog: Float64Array;
  maxShareOfAum: Float64Array;
  newMoneyShare: Float64Array;
  maturityPeriod: number;
  maturityWindowDays: number;
};

export function purchaseTable(engine: Engine, tables: RepTables): PurchaseTable {
  const s = tables.scenario;
  const prods = s.products;
  const years = s.economics.valueYears;
  const f64 = (f: (p: (typeof prods)[number]) => number) => Float64Array.from(prods, f);
  return {
    isApp: Uint8Array.from(prods, (p) => (p.family === 'app_activation' ? 1 : 0)),
    isInvestment: Uint8Array.from(prods, (p) => (INVESTMENT_FAMILIES.has(p.family) ? 1 : 0)),
    valueYears: f64((p) => p.valuePerConversionCny * years),
    revenueRate: f64((p) => p.revenueRate),
    valueYearsCount: years,
    median: f64((p) => p.ticket.medianCny),
    elasticity: f64((p) => p.ticket.aumElasticity),
    sdLog: f64((p) => p.ticket.sdLog),
    maxShareOfAum: f64((p) => p.ticket.maxShareOfAum),
    newMoneyShare: f64((p) => p.newMoneyShare),
    maturityPeriod: maturityPeriodDays(engine.model),
    maturityWindowDays: s.population.events.wmpMaturity.windowDays,
  };
}

/** Ticket (CNY) of customer i's purchase of product p (not an app activation), capped; u: the amount's uniform. */
export function purchaseAmount(engine: Engine, pt: PurchaseTable, p: number, i: number, u: number): number {
  const pop = engine.model.pop;
  const aum = pop.aum[i];
  const os = pop.outsideShare[i];
  const amount = ticketCny(pt.median[p], pt.elasticity[p], pt.sdLog[p], aum, u);
  const wealth = aum + (aum * os) / (1 - os);
  return Math.min(amount, pt.maxShareOfAum[p] * wealth);
}

/** A ticket before its cap: median × (max(aum, 1000) / reference)^elasticity × e^(sdLog·z), z the normal quantile of u. */
export function ticketCny(median: number, elasticity: number, sdLog: number, aum: number, u: number): number {
  return (
    median * (Math.max(aum, 1000) / REFERENCE_AUM_CNY) ** elasticity * Math.exp(sdLog * normalQuantile(u))
  );
}

export const INVESTMENT_FAMILIES = new Set(['wmp', 'fund', 'large_cd', 'insurance']);

/** Record a purchase's money: new money, internal shift, revenue, and maturity retention. */
export function bookPurchase(
  engine: Engine,
  pt: PurchaseTable,
  p: number,
  i: number,
  u: number,
  day: number,
  isCampaign: boolean,
): void {
  const { ws } = engine;
  const value = pt.valueYears[p];
  ws.value[i] += value;
  if (isCampaign) ws.incrementalValue[i] += value;
  if (pt.isApp[p] === 1) {
    ws.appActive[i] = 1;
    ws.appActiveWeek[i] = Math.min(ws.appActiveWeek[i], weekOfDay(day));
    return;
  }
  const amount = purchaseAmount(engine, pt, p, i, u);
  const frac = Math.min(1, (pt.newMoneyShare[p] * engine.model.pop.outsideShare[i]) / engine.meanOutside);
  const newMoney = amount * frac;
  const revenue = amount * pt.revenueRate[p] * pt.valueYearsCount;
  ws.purchaseNewMoney[i] += newMoney;
  ws.internalShift[i] += amount - newMoney;
  ws.value[i] += revenue;
  if (isCampaign) {
    ws.campaignNewMoney[i] += newMoney;
    ws.incrementalValue[i] += revenue;
  }
  if (pt.isInvestment[p] === 1) {
    const m = maturityWindowAt(
      engine.model.pop.maturityPhaseDay[i],
      day,
      pt.maturityPeriod,
      pt.maturityWindowDays,
    );
    if (m >= 0 && m < 8) {
      if (isCampaign && !(ws.retained[i] & (1 << m))) ws.retainedByCampaign[i] |= 1 << m;
      ws.retained[i] |= 1 << m;
    }
  }
}

/** Book a campaign conversion of customer i in week t (the purchase, and the churn it prevents). */
export function convert(
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
  flags[i] = (flags[i] | FLAG_CONVERTED) & ~FLAG_IN_JOURNEY;
  rec[sc.costIncentives] += incentive;
  rec[model.layout.strategies[si].weeks + t * WEEK_FIELDS.length + WEEK.cost] += incentive;
  if (offerRel >= 0) {
    if (ws.campFirst[offerRel][i] === NONE) ws.campFirst[offerRel][i] = t;
    ws.campLast[offerRel][i] = t;
    ws.campaignMask[i] |= productBit(offerRel);
  }
  bookPurchase(engine, run.purchases, offer, i, uAmount, day, true);
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
