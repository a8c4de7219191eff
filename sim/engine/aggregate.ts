import { uniformKey } from '../rng/streams';
import type { Engine } from './engine-state';
import { GROUP, GROUP_FIELDS, type StrategyScalar, WEEK, WEEK_FIELDS } from './layout';
import type { RepTables } from './params';
import { pilotAnalysis } from './pilot-tests';
import { FLAG_CONVERTED, FLAG_REACHED, FLAG_RESPONDED, NONE, productBit } from './workspace';

/** Per-arm sums of aggregateStrategy, one slot each; the record's fields are the name + T / C. */
const ARM_SLOTS = [
  'eligible',
  'targeted',
  'buyers',
  'netNewMoney',
  'netNewMoneySq',
  'purchaseNewMoney',
  'internalShift',
  'productsDelta',
  'mau',
  'tierUp',
  'attrited',
  'value',
  'productsHeld',
  'logins',
] as const;
type ArmSlot = (typeof ARM_SLOTS)[number];
/** The record's treatment and control fields of the per-arm sums, in the order of ARM_SLOTS. */
export const ARM_SUMS: ReadonlyArray<readonly [StrategyScalar, StrategyScalar]> = ARM_SLOTS.map(
  (f) => [`${f}T`, `${f}C`] as const satisfies readonly [`${ArmSlot}T`, `${ArmSlot}C`],
);
/** Slots per arm in aggregateStrategy's sums (slot k sums ARM_SLOTS[k]). */
export const ARM_FIELDS = ARM_SLOTS.length;
/** Slot of each per-arm sum by name. */
const ARM = Object.freeze(Object.fromEntries(ARM_SLOTS.map((f, k) => [f, k])) as Record<ArmSlot, number>);

/** Sum per-customer outcomes into the record, by strategy, arm, group and week; pilot tests. */
export function aggregate(engine: Engine, tables: RepTables, rec: Float64Array, rep: number): void {
  for (let si = 0; si < tables.scenario.strategies.length; si++) aggregateStrategy(engine, rec, si, rep);
}

/** One strategy's sums over its eligible customers (see aggregate). */
export function aggregateStrategy(engine: Engine, rec: Float64Array, si: number, rep: number): void {
  const { model, ws } = engine;
  const pop = model.pop;
  const L = model.layout;
  const GF = GROUP_FIELDS.length;
  const WF = WEEK_FIELDS.length;
  const { netNewMoney, purchaseNewMoney, internalShift, appActive, value, tierUp, gained, attritionWeek } =
    ws;
  const W = model.weeks;
  // The holdout level is not a number, so no prior changes it: the model reads it from the base scenario.
  const isBranchHoldout = model.isBranchHoldout[si] === 1;
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
  // The naive view's participant sums, in locals (aggregation runs once per eligible customer).
  let partHeld = 0;
  let partMau = 0;
  let partActiveWeeks = 0;
  let partTierUp = 0;
  let partAttrited = 0;
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
    sum[a * ARM_FIELDS + ARM.eligible]++;
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
    sum[o + ARM.targeted]++;
    sum[o + ARM.buyers] += buyer;
    sum[o + ARM.netNewMoney] += nm;
    sum[o + ARM.netNewMoneySq] += nm * nm;
    sum[o + ARM.purchaseNewMoney] += purchaseNewMoney[i];
    sum[o + ARM.internalShift] += internalShift[i];
    sum[o + ARM.productsDelta] += gained[i];
    sum[o + ARM.mau] += appActive[i];
    sum[o + ARM.tierUp] += tierUp[i];
    const attrited = attritionWeek[i] < W ? 1 : 0;
    sum[o + ARM.attrited] += attrited;
    sum[o + ARM.value] += value[i];
    const held = heldAtStart[i] + gained[i];
    // App logins per month over the horizon: an active user's mean rate for the weeks active; the
    // weeks active are summed here (whole numbers) and scaled by the rate once, below.
    const activeWeeks = appActiveWeek[i] < W ? W - appActiveWeek[i] : 0;
    sum[o + ARM.productsHeld] += held;
    sum[o + ARM.logins] += activeWeeks;
    pilot.x[np] = aum[i];
    pilot.isTreated[np] = a === 0 ? 1 : 0;
    pilot.branch[np] = branch[i];
    pilot.y[np] = nm;
    pilot.y2[np] = buyer;
    np++;
    // Group and week fields come in treatment/control pairs: + a picks the arm.
    const gt = lay.tiers + tier[i] * GF + a;
    const gc = lay.cells + cell[i] * GF + a;
    const gb = lay.branches + branch[i] * GF + a;
    rec[gt + GROUP.targetedT]++;
    rec[gc + GROUP.targetedT]++;
    rec[gb + GROUP.targetedT]++;
    rec[gt + GROUP.buyersT] += buyer;
    rec[gc + GROUP.buyersT] += buyer;
    rec[gb + GROUP.buyersT] += buyer;
    rec[gt + GROUP.netNewMoneyT] += nm;
    rec[gc + GROUP.netNewMoneyT] += nm;
    rec[gb + GROUP.netNewMoneyT] += nm;
    if (buyer) rec[lay.weeks + first * WF + WEEK.buyersT + a]++;
    const f = flags[i];
    if (a === 0) {
      if (f & FLAG_REACHED) reached++;
      if (f & FLAG_RESPONDED) responded++;
      if (f & FLAG_CONVERTED) {
        convertedCampaign++;
        // The modelled effect on this customer, shared among the strategies that converted them.
        let k = 0;
        for (let q = 0; q < ws.flags.length; q++) if (ws.flags[q][i] & FLAG_CONVERTED) k++;
        modelledNewMoney += ws.incremental[i] / k;
        modelledValue += ws.incrementalValue[i] / k;
        // An incremental buyer: would not have bought the offer on or after the trigger week untreated.
        if (!((w0 !== NONE && w0 >= tw) || (w1 !== NONE && w1 >= tw) || (w2 !== NONE && w2 >= tw)))
          modelledBuyers++;
      }
    }
    // The naive view: participants (reached and responded) against everyone else targeted.
    if (a === 0 && f & FLAG_RESPONDED) {
      participants++;
      participantsBuyers += buyer;
      participantsNm += nm;
      partHeld += held;
      partMau += appActive[i];
      partActiveWeeks += activeWeeks;
      partTierUp += tierUp[i];
      partAttrited += attrited;
    }
  }
  const perActiveWeek = loginsPerActiveMonth / W;
  sum[ARM.logins] *= perActiveWeek;
  sum[ARM_FIELDS + ARM.logins] *= perActiveWeek;
  for (let k = 0; k < ARM_SUMS.length; k++) {
    rec[sc[ARM_SUMS[k][0]]] = sum[k];
    rec[sc[ARM_SUMS[k][1]]] = sum[ARM_FIELDS + k];
  }
  rec[sc.participantsProductsHeld] = partHeld;
  rec[sc.participantsMau] = partMau;
  rec[sc.participantsLogins] = partActiveWeeks * perActiveWeek;
  rec[sc.participantsTierUp] = partTierUp;
  rec[sc.participantsAttrited] = partAttrited;
  rec[sc.reachedT] = reached;
  rec[sc.respondedT] = responded;
  rec[sc.convertedCampaignT] = convertedCampaign;
  rec[sc.modelledNewMoneyT] = modelledNewMoney;
  rec[sc.modelledBuyersT] = modelledBuyers;
  rec[sc.modelledValueT] = modelledValue;
  rec[sc.participants] = participants;
  rec[sc.participantsBuyers] = participantsBuyers;
  rec[sc.participantsNewMoney] = participantsNm;
  rec[sc.nonParticipants] = sum[ARM.targeted] + sum[ARM_FIELDS + ARM.targeted] - participants;
  rec[sc.nonParticipantsBuyers] = sum[ARM.buyers] + sum[ARM_FIELDS + ARM.buyers] - participantsBuyers;
  rec[sc.nonParticipantsNewMoney] = sum[ARM.netNewMoney] + sum[ARM_FIELDS + ARM.netNewMoney] - participantsNm;
  // The pilot's own analysis of this replication: net new money (y) and conversion (y2).
  pilot.n = np;
  const nB = isBranchHoldout ? L.nBranches : 0;
  const pkey = uniformKey(model.seed, 'pilot', rep, model.strategyIds[si]);
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
