// Phase 4: per-customer outcomes at the horizon — purchases settled against organic ones, money
// (new, internal shift, kept maturities), attrition avoided.
import { bandOf } from '../population/build';
import { keyedUniform, type UniformKey } from '../rng/streams';
import { normalQuantile } from '../stats/normal';
import { type Engine, MAX_MATURITIES, SLOT_IDIO, slotMaturity, slotOrganic } from './engine-state';
import { maturityPeriodDays } from './organic';
import type { RepTables } from './params';
import { bookPurchase, purchaseAmount } from './purchases';
import { NONE, productBit } from './workspace';

/**
 * A bound on |normalQuantile(u)| for every keyed uniform u (0.5 / 2^32 ≤ u ≤ 1 − 0.5 / 2^32 gives
 * |z| ≈ 6.36; outcomes.test.ts checks the bound).
 */
export const Z_BOUND = 7;

/** After the horizon: organic purchases not pre-empted by a campaign, outflows, net new money, value. */
export function settleOutcomes(engine: Engine, tables: RepTables, key: UniformKey): void {
  settlePurchases(engine, tables, key);
  settleMoney(engine, tables, key);
}

/**
 * Each customer's organic purchases (booked unless a campaign purchase pre-empted them) and the
 * products gained; starts the modelled incremental new money from the campaign purchases.
 */
export function settlePurchases(engine: Engine, tables: RepTables, key: UniformKey): void {
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
export function settleMoney(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const s = tables.scenario;
  const pop = model.pop;
  const W = model.weeks;
  const ev = s.population.events;
  const period = maturityPeriodDays(model);
  const margin = s.economics.newMoneyMarginRate * s.economics.valueYears;
  const org = s.population.organic;
  const tierMins = s.population.tiers.map((t) => t.minAumCny);
  // bandOf(x) > t exactly when x reaches every minimum up to tier t + 1: the end AUM that moves a
  // tier-t customer up (Infinity for the top tier).
  const upAt = Float64Array.from(tierMins, (_, t) => {
    let up = t + 1 < tierMins.length ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let k = 1; k <= t + 1 && k < tierMins.length; k++) up = Math.max(up, tierMins[k]);
    return up;
  });
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
    // The idiosyncratic draw z satisfies |z| ≤ Z_BOUND, and rounding is monotone: when even the
    // extreme z leaves the tier decided, the draw (a hash and a quantile) cannot change it.
    const up = upAt[tier[i]];
    if (aum >= 0 && idioSd >= 0 && aum * (growth + idioSd * Z_BOUND) + flow < up) tierUp[i] = 0;
    else if (aum >= 0 && idioSd >= 0 && aum * (growth - idioSd * Z_BOUND) + flow >= up) tierUp[i] = 1;
    else {
      const aumEnd = aum * (growth + idioSd * normalQuantile(keyedUniform(key, i, SLOT_IDIO))) + flow;
      tierUp[i] = bandOf(aumEnd, tierMins) > tier[i] ? 1 : 0;
    }
  }
}
