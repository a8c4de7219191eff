import { uniformKey } from '../rng/streams';
import type { Engine } from './engine-state';
import { GROUP_FIELDS, type StrategyScalar, WEEK_FIELDS } from './layout';
import type { RepTables } from './params';
import { pilotAnalysis } from './pilot-tests';
import { NONE, productBit } from './workspace';

/** The record's treatment and control fields of the per-arm sums, in the order of `sum` in aggregateStrategy. */
export const ARM_SUMS: ReadonlyArray<readonly [StrategyScalar, StrategyScalar]> = [
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
export const ARM_FIELDS = 14;

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
