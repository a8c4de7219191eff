// A purchase's money (ticket size, new money, internal shift, revenue) and the maturity it
// retains, for campaign conversions (journeys.ts) and organic purchases (outcomes.ts) alike.
import { keyedUniform } from '../rng/streams';
import { normalQuantile } from '../stats/normal';
import { type Engine, REFERENCE_AUM_CNY, SLOT_ATTRITION_AVOIDED } from './engine-state';
import { maturityWindowAt } from './events';
import type { WeekRun } from './journeys';
import { WEEK, WEEK_FIELDS } from './layout';
import type { RepTables } from './params';
import { FLAG_CONVERTED, FLAG_IN_JOURNEY, NONE, productBit } from './workspace';

/** Ticket (CNY) of customer i's purchase of product p and its new-money part; u: the amount's uniform. */
export function purchaseAmount(
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
  let amount = ticketCny(ticket.medianCny, ticket.aumElasticity, ticket.sdLog, aum, u);
  const wealth = aum + (aum * os) / (1 - os);
  amount = Math.min(amount, ticket.maxShareOfAum * wealth);
  const frac = Math.min(1, (prod.newMoneyShare * os) / engine.meanOutside);
  return { amount, newMoney: amount * frac };
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
