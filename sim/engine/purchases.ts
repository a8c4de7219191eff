// A purchase's money (ticket size, new money, internal shift, revenue) and the maturity it
// retains, for campaign conversions (journeys.ts) and organic purchases (outcomes.ts) alike.
import { normalQuantile } from '../stats/normal';
import { type Engine, REFERENCE_AUM_CNY } from './engine-state';
import { maturityWindowAt } from './events';
import type { RepTables } from './params';

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
  let amount =
    ticket.medianCny *
    (Math.max(aum, 1000) / REFERENCE_AUM_CNY) ** ticket.aumElasticity *
    Math.exp(ticket.sdLog * normalQuantile(u));
  const wealth = aum + (aum * os) / (1 - os);
  amount = Math.min(amount, ticket.maxShareOfAum * wealth);
  const frac = Math.min(1, (prod.newMoneyShare * os) / engine.meanOutside);
  return { amount, newMoney: amount * frac };
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
