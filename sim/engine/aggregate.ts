// A replication's per-customer outcomes summed into its record, by strategy, arm, group and week,
// then the pilot's own analysis of each strategy. A strategy's sums are taken in a few short passes
// over its targeted customers (listed first, in customer order), each reading only the arrays it
// sums: one long loop over every array ran several times slower (too many values live at once).
// Each sum still adds its customers in customer order, so the record does not depend on the passes.
import { uniformKey } from '../rng/streams';
import { WARM_UP_CALLS } from '../stats/heavy-route';
import type { Engine } from './engine-state';
import { GROUP, GROUP_FIELDS, WEEK, WEEK_FIELDS } from './layout';
import type { RepTables } from './params';
import { pilotAnalysis } from './pilot-tests';
import { FLAG_CONVERTED, FLAG_REACHED, FLAG_RESPONDED, NONE, productBit, weekOfDay } from './workspace';

/** Sum per-customer outcomes into the record, by strategy, arm, group and week; pilot tests. */
export function aggregate(engine: Engine, tables: RepTables, rec: Float64Array, rep: number): void {
  for (let si = 0; si < tables.scenario.strategies.length; si++) aggregateStrategy(engine, rec, si, rep);
}

/**
 * One strategy's sums over its eligible customers (see aggregate). The targeted customers are
 * listed in ws.scratch, and ws.pilot holds their arm (isTreated), conversion (y2), net new money
 * (y), AUM (x) and (branch-level designs only) branch as the passes fill them in.
 */
export function aggregateStrategy(engine: Engine, rec: Float64Array, si: number, rep: number): void {
  const { model, ws } = engine;
  const L = model.layout;
  const sc = L.strategies[si].scalar;
  const pilot = ws.pilot;
  if (!warmedUp) warmUp(engine, rec, si);
  const elig = model.eligible[si];
  const np = listTargeted(engine, rec, si, elig.length);
  pilot.n = np;
  // The pilot's AUM covariate: this model's copy when every eligible customer is targeted (as
  // with a trigger at the start), else gathered.
  if (np === elig.length) pilot.x.set(eligibleAum(model, si));
  else gatherAum(engine, np);
  firstPurchases(engine, rec, si, np);
  sumMoney(engine, rec, si, np);
  sumCounts(engine, rec, si, np);
  sumGroups(engine, rec, si, np);
  sumTreated(engine, rec, si, listActive(engine, rec, si, np));
  // The pilot's own analysis of this replication: net new money (y) and conversion (y2).
  // The holdout level is not a number, so no prior changes it: the model reads it from the base scenario.
  const nB = model.isBranchHoldout[si] === 1 ? L.nBranches : 0;
  if (nB > 0) listBranches(engine, np);
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

let warmedUp = false;

/**
 * The long passes, run once per process on no customers before their first real run, so that
 * every property read after their loop has type feedback when V8 compiles the loop mid-run (on
 * stack replacement): compiled without it, that code deopted at the first read after the loop
 * on every call (~8 deopts a replication). V8 collects feedback only after a function has run a
 * while (lazy feedback allocation), hence a few calls. The real passes then overwrite what these
 * write.
 */
function warmUp(engine: Engine, rec: Float64Array, si: number): void {
  warmedUp = true;
  for (let k = 0; k < WARM_UP_CALLS; k++) {
    listTargeted(engine, rec, si, 0);
    gatherAum(engine, 0);
    firstPurchases(engine, rec, si, 0);
    sumMoney(engine, rec, si, 0);
    sumCounts(engine, rec, si, 0);
    sumGroups(engine, rec, si, 0);
    sumTreated(engine, rec, si, listActive(engine, rec, si, 0));
  }
}

/**
 * List strategy si's targeted customers among its first n eligible in ws.scratch and their arm in
 * ws.pilot; count the eligible.
 */
function listTargeted(engine: Engine, rec: Float64Array, si: number, n: number): number {
  const { model, ws } = engine;
  const sc = model.layout.strategies[si].scalar;
  const elig = model.eligible[si];
  const arm = ws.arm[si];
  const tau = ws.tau[si];
  const list = ws.scratch;
  const isTreated = ws.pilot.isTreated;
  let eligibleT = 0;
  let np = 0;
  for (let k = 0; k < n; k++) {
    const i = elig[k];
    const isT = arm[i] === 1 ? 1 : 0;
    eligibleT += isT;
    if (tau[i] < 0) continue;
    list[np] = i;
    isTreated[np] = isT;
    np++;
  }
  rec[sc.eligibleT] = eligibleT;
  rec[sc.eligibleC] = n - eligibleT;
  return np;
}

/** Per model: each strategy's eligible customers' AUM, in list order. */
const eligibleAums = new WeakMap<Int32Array, Float64Array>();

function eligibleAum(model: Engine['model'], si: number): Float64Array {
  const elig = model.eligible[si];
  let x = eligibleAums.get(elig);
  if (x === undefined) {
    const { aum } = model.pop;
    x = Float64Array.from(elig, (i) => aum[i]);
    eligibleAums.set(elig, x);
  }
  return x;
}

/** The pilot's AUM covariate (x) of the np customers listed in ws.scratch. */
function gatherAum(engine: Engine, np: number): void {
  const { aum } = engine.model.pop;
  const list = engine.ws.scratch;
  const x = engine.ws.pilot.x;
  for (let k = 0; k < np; k++) x[k] = aum[list[k]];
}

/** The pilot's branch of the np customers listed in ws.scratch (branch-level designs). */
function listBranches(engine: Engine, np: number): void {
  const { branch } = engine.model.pop;
  const list = engine.ws.scratch;
  const pilotBranch = engine.ws.pilot.branch;
  for (let k = 0; k < np; k++) pilotBranch[k] = branch[list[k]];
}

/**
 * First purchase week of the offer at or after the trigger week, by any route, or NONE; `org` the
 * customer's organic purchase weeks of the offer, and `cf`, `cl` their first and last campaign
 * purchase weeks (NONE, −1 without one).
 */
function firstPurchase(tw: number, cf: number, cl: number, w0: number, w1: number, w2: number): number {
  let first = NONE;
  if (cl >= tw) first = cf >= tw ? cf : cl;
  // Organic purchases pre-empted by a campaign purchase (on or after its week) did not happen.
  if (w0 >= tw && w0 < cf && w0 < first) first = w0;
  if (w1 >= tw && w1 < cf && w1 < first) first = w1;
  if (w2 >= tw && w2 < cf && w2 < first) first = w2;
  return first;
}

/** Whether each targeted customer bought (ws.pilot.y2), and first purchases by week and arm. */
function firstPurchases(engine: Engine, rec: Float64Array, si: number, np: number): void {
  const { model, ws } = engine;
  const WF = WEEK_FIELDS.length;
  const weeks = model.layout.strategies[si].weeks;
  const tau = ws.tau[si];
  const r = model.relevantIndex[model.offerProduct[si]];
  const campFirst = ws.campFirst[r];
  const campLast = ws.campLast[r];
  const org0 = ws.organic[r * 3];
  const org1 = ws.organic[r * 3 + 1];
  const org2 = ws.organic[r * 3 + 2];
  const { organicMask, campaignMask } = ws;
  const bit = productBit(r);
  const list = ws.scratch;
  const { isTreated, y2 } = ws.pilot;
  for (let k = 0; k < np; k++) {
    const i = list[k];
    // (Without the product's bit in a mask its weeks are NONE, and its last campaign week −1.)
    const hasCampaign = (campaignMask[i] & bit) !== 0;
    const hasOrganic = (organicMask[i] & bit) !== 0;
    if (!hasCampaign && !hasOrganic) {
      y2[k] = 0;
      continue;
    }
    const first = firstPurchase(
      weekOfDay(tau[i]),
      hasCampaign ? campFirst[i] : NONE,
      hasCampaign ? campLast[i] : -1,
      hasOrganic ? org0[i] : NONE,
      hasOrganic ? org1[i] : NONE,
      hasOrganic ? org2[i] : NONE,
    );
    const buyer = first !== NONE ? 1 : 0;
    y2[k] = buyer;
    // Week fields come in treatment/control pairs: + 1 − isTreated picks the arm.
    if (buyer) rec[weeks + first * WF + WEEK.buyersT + 1 - isTreated[k]]++;
  }
}

/**
 * Money sums by arm, in customer order, and the pilot's y (net new money). The
 * treatment arm adds v·1 and the control arm v − v·1 = 0 (and the other way round), so each arm's
 * sum adds exactly its own values in order (adding a zero changes no sum) without a branch.
 */
function sumMoney(engine: Engine, rec: Float64Array, si: number, np: number): void {
  const { model, ws } = engine;
  const sc = model.layout.strategies[si].scalar;
  const { netNewMoney, purchaseNewMoney, internalShift, value } = ws;
  const list = ws.scratch;
  const { isTreated, y } = ws.pilot;
  let nmT = 0;
  let nmC = 0;
  let nmSqT = 0;
  let nmSqC = 0;
  let purchaseT = 0;
  let purchaseC = 0;
  let shiftT = 0;
  let shiftC = 0;
  let valueT = 0;
  let valueC = 0;
  for (let k = 0; k < np; k++) {
    const i = list[k];
    const isT = isTreated[k];
    const nm = netNewMoney[i];
    y[k] = nm;
    const nmt = nm * isT;
    nmT += nmt;
    nmC += nm - nmt;
    const sq = nm * nm;
    const sqt = sq * isT;
    nmSqT += sqt;
    nmSqC += sq - sqt;
    const pnm = purchaseNewMoney[i];
    const pnmt = pnm * isT;
    purchaseT += pnmt;
    purchaseC += pnm - pnmt;
    const shift = internalShift[i];
    const shiftt = shift * isT;
    shiftT += shiftt;
    shiftC += shift - shiftt;
    const v = value[i];
    const vt = v * isT;
    valueT += vt;
    valueC += v - vt;
  }
  rec[sc.netNewMoneyT] = nmT;
  rec[sc.netNewMoneyC] = nmC;
  rec[sc.netNewMoneySqT] = nmSqT;
  rec[sc.netNewMoneySqC] = nmSqC;
  rec[sc.purchaseNewMoneyT] = purchaseT;
  rec[sc.purchaseNewMoneyC] = purchaseC;
  rec[sc.internalShiftT] = shiftT;
  rec[sc.internalShiftC] = shiftC;
  rec[sc.valueT] = valueT;
  rec[sc.valueC] = valueC;
}

/** Whole-number sums over both arms (…All) and the treatment arm (…T): the control arm's is the difference (exact). */
function sumCounts(engine: Engine, rec: Float64Array, si: number, np: number): void {
  const { model, ws } = engine;
  const sc = model.layout.strategies[si].scalar;
  const W = model.weeks;
  const { appActive, tierUp, gained, attritionWeek, appActiveWeek } = ws;
  const { heldAtStart } = engine;
  const list = ws.scratch;
  const { isTreated, y2 } = ws.pilot;
  let targetedT = 0;
  let buyersAll = 0;
  let buyersT = 0;
  let gainedAll = 0;
  let gainedT = 0;
  let mauAll = 0;
  let mauT = 0;
  let tierUpAll = 0;
  let tierUpT = 0;
  let attritedAll = 0;
  let attritedT = 0;
  let heldAll = 0;
  let heldT = 0;
  let activeWeeksAll = 0;
  let activeWeeksT = 0;
  for (let k = 0; k < np; k++) {
    const i = list[k];
    const isT = isTreated[k];
    // All ones for the treated, else 0: `x & mask` is x·isT without the overflow checks of a product.
    const mask = -isT;
    const buyer = y2[k];
    const g = gained[i];
    const active = appActive[i];
    const up = tierUp[i];
    // Branch-free (whether a customer attrited or uses the app is a coin toss to the processor):
    // 1 when attritionWeek < W, and max(0, W − appActiveWeek).
    const attrited = (attritionWeek[i] - W) >>> 31;
    const held = heldAtStart[i] + g;
    // App logins per month over the horizon: an active user's mean rate for the weeks active; the
    // weeks active are summed here and scaled by the rate once, below.
    const weeks = W - appActiveWeek[i];
    const activeWeeks = weeks & ~(weeks >> 31);
    targetedT += isT;
    buyersAll += buyer;
    buyersT += buyer * isT;
    gainedAll += g;
    gainedT += g & mask;
    mauAll += active;
    mauT += active & mask;
    tierUpAll += up;
    tierUpT += up & mask;
    attritedAll += attrited;
    attritedT += attrited & mask;
    heldAll += held;
    heldT += held & mask;
    activeWeeksAll += activeWeeks;
    activeWeeksT += activeWeeks & mask;
  }
  const perActiveWeek = model.scenario.population.app.loginsPerActiveMonth / W;
  rec[sc.targetedT] = targetedT;
  rec[sc.targetedC] = np - targetedT;
  rec[sc.buyersT] = buyersT;
  rec[sc.buyersC] = buyersAll - buyersT;
  rec[sc.productsDeltaT] = gainedT;
  rec[sc.productsDeltaC] = gainedAll - gainedT;
  rec[sc.mauT] = mauT;
  rec[sc.mauC] = mauAll - mauT;
  rec[sc.tierUpT] = tierUpT;
  rec[sc.tierUpC] = tierUpAll - tierUpT;
  rec[sc.attritedT] = attritedT;
  rec[sc.attritedC] = attritedAll - attritedT;
  rec[sc.productsHeldT] = heldT;
  rec[sc.productsHeldC] = heldAll - heldT;
  rec[sc.loginsT] = activeWeeksT * perActiveWeek;
  rec[sc.loginsC] = (activeWeeksAll - activeWeeksT) * perActiveWeek;
}

/**
 * Targeted and buyers by group and arm, packed into one number: targeted + buyers · 2^26, whole
 * numbers below 2^53 for fewer than 2^26 customers (the schema allows 5 million), so one addition
 * counts both exactly. Group g's arms at 2g (treated) and 2g + 1; tiers, then cells, then branches.
 */
let groupCounts = new Float64Array(0);
const BUYER_UNIT = 2 ** 26;

/**
 * Targeted, buyers and net new money by tier, cell and branch and arm. The
 * counts are whole numbers, summed packed (groupCounts) and unpacked after the loop; net new money
 * is added customer by customer, in customer order. (The loop's offsets are read into locals
 * first: read from their objects inside it, they were read again for every customer.)
 */
function sumGroups(engine: Engine, rec: Float64Array, si: number, np: number): void {
  const { model, ws } = engine;
  const GF = GROUP_FIELDS.length;
  const L = model.layout;
  const lay = L.strategies[si];
  const { tier, cell, branch } = model.pop;
  const list = ws.scratch;
  const { isTreated, y, y2 } = ws.pilot;
  const nGroups = L.nTiers + L.nCells + L.nBranches;
  if (groupCounts.length < 2 * nGroups) groupCounts = new Float64Array(2 * nGroups);
  const counts = groupCounts;
  counts.fill(0, 0, 2 * nGroups);
  const cellAt = 2 * L.nTiers;
  const branchAt = 2 * (L.nTiers + L.nCells);
  const tierNm = lay.tiers + GROUP.netNewMoneyT;
  const cellNm = lay.cells + GROUP.netNewMoneyT;
  const branchNm = lay.branches + GROUP.netNewMoneyT;
  for (let k = 0; k < np; k++) {
    const i = list[k];
    const t = tier[i];
    const c = cell[i];
    const b = branch[i];
    const nm = y[k];
    const packed = 1 + y2[k] * BUYER_UNIT;
    // Group fields come in treatment/control pairs: + a picks the arm.
    const a = 1 - isTreated[k];
    counts[2 * t + a] += packed;
    counts[cellAt + 2 * c + a] += packed;
    counts[branchAt + 2 * b + a] += packed;
    rec[tierNm + t * GF + a] += nm;
    rec[cellNm + c * GF + a] += nm;
    rec[branchNm + b * GF + a] += nm;
  }
  for (let g = 0; g < nGroups; g++) {
    const at =
      g < L.nTiers
        ? lay.tiers + g * GF
        : g < L.nTiers + L.nCells
          ? lay.cells + (g - L.nTiers) * GF
          : lay.branches + (g - L.nTiers - L.nCells) * GF;
    for (let a = 0; a < 2; a++) {
      const v = counts[2 * g + a];
      const buyers = Math.floor(v / BUYER_UNIT);
      rec[at + a + GROUP.targetedT] += v - buyers * BUYER_UNIT;
      rec[at + a + GROUP.buyersT] += buyers;
    }
  }
}

/** Positions k in ws.scratch of the treated who responded or converted (listActive). */
let activeScratch = new Int32Array(0);

/**
 * The treated reached, and the positions of the treated who responded or converted in
 * activeScratch (in order); returns their count. Branch-free: the arm and the response are coin
 * tosses to the processor.
 */
function listActive(engine: Engine, rec: Float64Array, si: number, np: number): number {
  const { model, ws } = engine;
  const flags = ws.flags[si];
  const list = ws.scratch;
  const { isTreated } = ws.pilot;
  if (activeScratch.length < np) activeScratch = new Int32Array(list.length);
  const active = activeScratch;
  let reached = 0;
  let m = 0;
  for (let k = 0; k < np; k++) {
    // The flags of the treated; 0 for the control arm.
    const f = flags[list[k]] & -isTreated[k];
    reached += f & FLAG_REACHED;
    active[m] = k;
    // 1 when either flag is set.
    m += -(f & (FLAG_RESPONDED | FLAG_CONVERTED)) >>> 31;
  }
  rec[model.layout.strategies[si].scalar.reachedT] = reached;
  return m;
}

/**
 * The treatment arm's funnel (responded, converted), the modelled effect, and the naive view:
 * participants (reached and responded) against everyone else targeted; over the m treated
 * customers listActive listed.
 */
function sumTreated(engine: Engine, rec: Float64Array, si: number, m: number): void {
  const { model, ws } = engine;
  const sc = model.layout.strategies[si].scalar;
  const W = model.weeks;
  const allFlags = ws.flags;
  const flags = allFlags[si];
  const tau = ws.tau[si];
  const { appActive, tierUp, gained, attritionWeek, appActiveWeek, incremental, incrementalValue } = ws;
  const { heldAtStart } = engine;
  const r = model.relevantIndex[model.offerProduct[si]];
  const org0 = ws.organic[r * 3];
  const org1 = ws.organic[r * 3 + 1];
  const org2 = ws.organic[r * 3 + 2];
  const { organicMask } = ws;
  const bit = productBit(r);
  const list = ws.scratch;
  const { y, y2 } = ws.pilot;
  const active = activeScratch;
  let responded = 0;
  let convertedCampaign = 0;
  let modelledNewMoney = 0;
  let modelledBuyers = 0;
  let modelledValue = 0;
  let participantsBuyers = 0;
  let participantsNm = 0;
  let partHeld = 0;
  let partMau = 0;
  let partActiveWeeks = 0;
  let partTierUp = 0;
  let partAttrited = 0;
  for (let j = 0; j < m; j++) {
    const k = active[j];
    const i = list[k];
    const f = flags[i];
    if (f & FLAG_CONVERTED) {
      convertedCampaign++;
      // The modelled effect on this customer, shared among the strategies that converted them.
      let nConverted = 0;
      for (let q = 0; q < allFlags.length; q++) if (allFlags[q][i] & FLAG_CONVERTED) nConverted++;
      modelledNewMoney += incremental[i] / nConverted;
      modelledValue += incrementalValue[i] / nConverted;
      // An incremental buyer: would not have bought the offer on or after the trigger week untreated.
      const tw = weekOfDay(tau[i]);
      const hasOrganic = (organicMask[i] & bit) !== 0;
      const w0 = hasOrganic ? org0[i] : NONE;
      const w1 = hasOrganic ? org1[i] : NONE;
      const w2 = hasOrganic ? org2[i] : NONE;
      if (!((w0 !== NONE && w0 >= tw) || (w1 !== NONE && w1 >= tw) || (w2 !== NONE && w2 >= tw)))
        modelledBuyers++;
    }
    if (f & FLAG_RESPONDED) {
      responded++;
      participantsBuyers += y2[k];
      participantsNm += y[k];
      partHeld += heldAtStart[i] + gained[i];
      partMau += appActive[i];
      partActiveWeeks += appActiveWeek[i] < W ? W - appActiveWeek[i] : 0;
      partTierUp += tierUp[i];
      partAttrited += attritionWeek[i] < W ? 1 : 0;
    }
  }
  const perActiveWeek = model.scenario.population.app.loginsPerActiveMonth / W;
  rec[sc.respondedT] = responded;
  rec[sc.convertedCampaignT] = convertedCampaign;
  rec[sc.modelledNewMoneyT] = modelledNewMoney;
  rec[sc.modelledBuyersT] = modelledBuyers;
  rec[sc.modelledValueT] = modelledValue;
  // Participants are the treated who responded; everyone else targeted is a non-participant.
  rec[sc.participants] = responded;
  rec[sc.participantsBuyers] = participantsBuyers;
  rec[sc.participantsNewMoney] = participantsNm;
  rec[sc.participantsProductsHeld] = partHeld;
  rec[sc.participantsMau] = partMau;
  rec[sc.participantsLogins] = partActiveWeeks * perActiveWeek;
  rec[sc.participantsTierUp] = partTierUp;
  rec[sc.participantsAttrited] = partAttrited;
  rec[sc.nonParticipants] = rec[sc.targetedT] + rec[sc.targetedC] - responded;
  rec[sc.nonParticipantsBuyers] = rec[sc.buyersT] + rec[sc.buyersC] - participantsBuyers;
  rec[sc.nonParticipantsNewMoney] = rec[sc.netNewMoneyT] + rec[sc.netNewMoneyC] - participantsNm;
}
