// The weekly loop: week by week, each strategy's queue in priority order — scheduled triggers,
// then journey steps — through the contact policy, budget, staff capacity, reach, response,
// referral and close; a conversion books its purchase (convert, in purchases.ts).
import { keyedUniform, type UniformKey } from '../rng/streams';
import { pushToken } from './assignment';
import { type Engine, FATIGUE_TABLE, MAX_POLICY_POSTPONES, MAX_VISITS, RESPONSE_CAP } from './engine-state';
import { eventMultiplier, sequenceSatisfied } from './events';
import {
  CHANNEL,
  CHANNEL_FIELDS,
  STEP,
  STEP_FIELDS,
  STRATEGY_CHANNEL,
  STRATEGY_CHANNEL_FIELDS,
  WEEK,
  WEEK_FIELDS,
} from './layout';
import { END, type Model } from './model';
import type { RepTables } from './params';
import { convert } from './purchases';
import { createWeekRun, type WeekRun } from './week-run';
import {
  FLAG_CONVERTED,
  FLAG_IN_JOURNEY,
  FLAG_REACHED,
  FLAG_RESPONDED,
  TOKEN_CHECK,
  TOKEN_FIELDS,
  TOKEN_STEP,
  WINDOW_COUNTS,
  type Workspace,
} from './workspace';

/** Move a customer along a journey edge (or end the journey). */
export function followEdge(
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
  if (target === END || visits[i] >= MAX_VISITS) flags[i] &= ~FLAG_IN_JOURNEY;
  else pushToken(ws, si, W, i, target, day + steps.waitDays[target], asLeadDay, 0);
}

/** The weekly loop: each strategy's journeys, in priority order, week by week. */
export function runWeeks(
  engine: Engine,
  tables: RepTables,
  rec: Float64Array,
  rep: number,
  bkey: UniformKey,
): void {
  const run = createWeekRun(engine, tables, rec, rep, bkey);
  for (let t = 0; t < engine.model.weeks; t++) runWeek(run, t);
}

/** Week t: every strategy's bucket in priority order, from a fresh week of staff capacity. */
export function runWeek(run: WeekRun, t: number): void {
  const { engine, tables } = run;
  const order = engine.model.order;
  engine.ws.capUsedAll.fill(0);
  for (let k = 0; k < order.length; k++) runBucket(run, order[k], t);
  engine.probe?.weekEnd(t, engine.ws.capUsed, tables.capacity);
}

/**
 * Strategy si's queue for week t: its scheduled triggers, then the journey steps queued for the
 * week (including those this loop appends). Each entry passes the contact policy, budget and
 * staff capacity, then reach, response, referral or close.
 */
export function runBucket(run: WeekRun, si: number, t: number): void {
  const { engine, tables, rec, events, fatigueMult } = run;
  const { traits, reachBit } = run.profile;
  const { model, ws } = engine;
  const pop = model.pop;
  const n = pop.n;
  const W = model.weeks;
  const L = model.layout;
  const tokens = ws.tokens;
  const triggers = ws.triggers;
  // Week-major: contacts[week * n + i], kept only for fatigue windows over four weeks (the packed
  // policy window holds the last four).
  const contacts = ws.contacts;
  const longFatigue = run.longFatigue;
  const policyWindow = ws.policyWindow;
  const attempts = ws.attempts;
  const s = tables.scenario;
  const maxWeek = s.contactPolicy.maxContactsPerWeek;
  const max4 = s.contactPolicy.maxContactsPer4Weeks;
  const nSF = STEP_FIELDS.length;
  const CH = CHANNEL_FIELDS.length;
  const SCF = STRATEGY_CHANNEL_FIELDS.length;
  const chBase = L.channelBase;
  const { chCost, chReachRate, chResponse, chClose, chFatigue, chFatigueWeeks, chHalfLifeDays, chMaxQueue } =
    tables;
  const capUsed = ws.capUsedAll;
  const capacityAll = run.capacityAll;
  const nB = model.pop.branches.length;
  const capIsGlobal = model.capacityIsGlobal;
  const isCapped = run.isCapped;
  const reachKind = model.channelReachKind;
  const reach = pop.reach;
  const propensity = pop.propensity;
  const branchOf = pop.branch;
  const branchMult = engine.branchMult;
  const attritionWeek = ws.attritionWeek;
  const suppressedAt = L.suppressedByPolicy;
  const steps = model.steps[si];
  const stepChannel = steps.channel;
  const { waitDays, onNoContact, onNotInterested, onInterested, onNotConverted } = steps;
  const lay = L.strategies[si];
  const sc = lay.scalar;
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
  const b = si * (W + 1) + t;
  const triggerKind = run.triggerKind[si];
  // Budget spent by this strategy so far, kept in its Float64Array slot: a double local carried
  // around the loop could be boxed (a heap number an attempt) in on-stack-replaced code.
  const spent = ws.spent;
  // The bucket's triggers [q, qEnd) first, then its queued steps from ints k of tokens.data[b]
  // (read per entry: a step queued for this week may grow the array).
  const q0 = triggers.start[b];
  const qEnd = triggers.start[b + 1];
  const weekEndDay = 7 * (t + 1);
  const isUnique = triggers.isUnique[si] === 1;
  entries: for (let q = q0, k = 0; ; ) {
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
      if (triggerKind === TOKEN_CHECK) eventDay = triggers.eventDay[q];
      q++;
      kind = triggerKind;
      stepIdx = steps.start;
      leadDay = -1;
      queued = 0;
    } else {
      if (k >= tokens.size[b]) break;
      const a = tokens.data[b];
      i = a[k];
      const stepQueued = a[k + 1];
      day = a[k + 2];
      leadDay = a[k + 3];
      k += TOKEN_FIELDS;
      kind = TOKEN_STEP;
      stepIdx = stepQueued >>> 4;
      queued = stepQueued & 15;
    }
    if (kind === TOKEN_CHECK) {
      if (sequenceSatisfied(engine, tables, si, i, eventDay, t, offerRel, run.skeys[si])) continue;
      if (ws.tau[si][i] < 0 || day < ws.tau[si][i]) ws.tau[si][i] = day;
      if (ws.arm[si][i] !== 1) continue;
    }
    if (kind !== TOKEN_STEP) {
      if (flags[i] & (FLAG_IN_JOURNEY | FLAG_CONVERTED)) continue; // already in this journey, or converted by it
      flags[i] |= FLAG_IN_JOURNEY;
      const d = day + waitDays[stepIdx];
      if (d >= weekEndDay) {
        pushToken(ws, si, W, i, stepIdx, d, -1, 0);
        continue;
      }
    }
    // A contact attempt at step stepIdx on channel c.
    let c = stepChannel[stepIdx];
    let so = stepsBase + stepIdx * nSF;
    if (attritionWeek[i] <= t) {
      rec[so + STEP.dropped]++;
      flags[i] &= ~FLAG_IN_JOURNEY;
      continue;
    }
    // The platform knows who has no push opt-in, no SMS consent or no WeCom link: nothing is sent.
    // The journey moves on along its no-contact edge; a next step due this week is taken at once
    // (engine v2: no queue entry that would only forward it, e.g. W1's payday pushes to customers
    // without push opt-in that go on to SMS), one due later is queued as before. Not while the
    // bucket's triggers may still hold this customer again: that trigger must find the journey
    // running (as when the step was queued), not ended.
    const trait = traits[i];
    let bit = reachBit[c];
    while (bit !== 0 && (trait & bit) === 0) {
      rec[so + STEP.noContact]++;
      const target = onNoContact[stepIdx];
      const d = day + (target === END ? 0 : waitDays[target]);
      if (
        target === END ||
        visits[i] >= MAX_VISITS ||
        d >= weekEndDay ||
        !(kind === TOKEN_STEP || isUnique)
      ) {
        followEdge(ws, si, W, steps, flags, visits, i, target, day, -1);
        continue entries;
      }
      // Same week, so the customer has not left (attrition was checked for week t above).
      stepIdx = target;
      day = d;
      leadDay = -1;
      queued = 0;
      c = stepChannel[stepIdx];
      so = stepsBase + stepIdx * nSF;
      bit = reachBit[c];
    }
    // A static reach kind that passed above is a yes; the others are a chance per attempt.
    const reachP = bit !== 0 ? 1 : reach[reachKind[c]][i];
    // Contact policy across strategies (reached contacts this week and in the last four).
    // One load: the customer's packed window, aligned to week t (see Workspace.policyWindow).
    const packed = policyWindow[i];
    const since = t - (packed >>> 24);
    const win = since > 3 ? 0 : (packed << (6 * since)) & WINDOW_COUNTS;
    const thisWeek = win & 63;
    const last4 = thisWeek + ((win >>> 6) & 63) + ((win >>> 12) & 63) + ((win >>> 18) & 63);
    if (thisWeek >= maxWeek || last4 >= max4) {
      rec[so + STEP.suppressed]++;
      rec[suppressedAt]++;
      if (queued >= MAX_POLICY_POSTPONES) {
        rec[so + STEP.dropped]++;
        flags[i] &= ~FLAG_IN_JOURNEY;
      } else pushToken(ws, si, W, i, stepIdx, day + 7, leadDay, queued + 1);
      continue;
    }
    const cost = chCost[c];
    // A contact is made only if the budget still covers it and the incentive it may lead to.
    if (spent[si] + cost + incentive > budget) {
      rec[so + STEP.dropped]++;
      flags[i] &= ~FLAG_IN_JOURNEY;
      continue;
    }
    // Staff capacity: only a capped channel counts its attempts (an uncapped one's count is never read).
    let capB = -1;
    if (isCapped[c] === 1) capB = c * nB + (capIsGlobal[c] ? 0 : branchOf[i]);
    if (capB >= 0 && capUsed[capB] >= capacityAll[capB]) {
      if (queued >= chMaxQueue[c]) {
        rec[chBase + c * CH + CHANNEL.dropped]++;
        rec[so + STEP.dropped]++;
        flags[i] &= ~FLAG_IN_JOURNEY;
      } else {
        if (queued === 0) rec[chBase + c * CH + CHANNEL.queued]++;
        pushToken(ws, si, W, i, stepIdx, day + 7, leadDay, queued + 1);
      }
      continue;
    }
    if (leadDay >= 0 && queued > 0) rec[chBase + c * CH + CHANNEL.decayed]++;
    // The attempt is made: it costs money, staff time and capacity.
    if (capB >= 0) capUsed[capB]++;
    spent[si] += cost;
    const visit = visits[i]++;
    // Attempts, their cost and staff time are booked per step when the bucket ends (bookAttempts).
    attempts[stepIdx]++;
    if (leadDay >= 0) rec[oReferralsFollowed]++;
    if (keyedUniform(ckey, i, visit * 4) >= chReachRate[c] * reachP) {
      rec[so + STEP.noContact]++;
      followEdge(ws, si, W, steps, flags, visits, i, onNoContact[stepIdx], day, -1);
      continue;
    }
    flags[i] |= FLAG_REACHED;
    rec[chanBase + c * SCF + STRATEGY_CHANNEL.reached]++;
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
        if (longFatigue) contacts[t * n + i]++;
        policyWindow[i] = (win + 1) | (t << 24);
        rec[so + STEP.notInterested]++;
        const next = onNotInterested[stepIdx];
        if (next === END) flags[i] &= ~FLAG_IN_JOURNEY;
        else followEdge(ws, si, W, steps, flags, visits, i, next, day, -1);
        continue;
      }
      let recent = 0;
      const fatigueWeeks = chFatigueWeeks[c];
      if (fatigueWeeks <= 4) for (let j = 0; j < fatigueWeeks; j++) recent += (win >>> (6 * j)) & 63;
      else for (let w = Math.max(t - fatigueWeeks + 1, 0); w <= t; w++) recent += contacts[w * n + i];
      respP = before * eventMultiplier(events, trait, i, day);
      if (recent > 0)
        respP *=
          recent < FATIGUE_TABLE ? fatigueMult[c * FATIGUE_TABLE + recent] : (1 - chFatigue[c]) ** recent;
      if (respP > RESPONSE_CAP) respP = RESPONSE_CAP;
    }
    if (longFatigue) contacts[t * n + i]++;
    policyWindow[i] = (win + 1) | (t << 24);
    if (uResponse >= respP) {
      rec[so + STEP.notInterested]++;
      followEdge(ws, si, W, steps, flags, visits, i, onNotInterested[stepIdx], day, -1);
      continue;
    }
    flags[i] |= FLAG_RESPONDED;
    rec[chanBase + c * SCF + STRATEGY_CHANNEL.responses]++;
    const referral = onInterested[stepIdx];
    if (referral >= 0) {
      rec[so + STEP.referred]++;
      rec[oReferrals]++;
      followEdge(ws, si, W, steps, flags, visits, i, referral, day, day);
      continue;
    }
    if (keyedUniform(ckey, i, visit * 4 + 2) >= chClose[c]) {
      rec[so + STEP.notConverted]++;
      followEdge(ws, si, W, steps, flags, visits, i, onNotConverted[stepIdx], day, -1);
      continue;
    }
    // Converted by the campaign.
    rec[so + STEP.converted]++;
    rec[chanBase + c * SCF + STRATEGY_CHANNEL.conversions]++;
    spent[si] += incentive;
    convert(run, si, offer, offerRel, i, t, day, keyedUniform(ckey, i, visit * 4 + 3));
  }
  bookAttempts(run, si, t);
}

/**
 * Book the attempts strategy si made in week t, counted per step in ws.attempts, into the record:
 * steps entered, attempts, cost and staff time by channel, strategy and week (counts times the
 * channel's cost per attempt, instead of a dozen additions per attempt).
 */
export function bookAttempts(run: WeekRun, si: number, t: number): void {
  const { engine, tables, rec } = run;
  const { model, ws } = engine;
  const L = model.layout;
  const lay = L.strategies[si];
  const sc = lay.scalar;
  const { chCost, chStaffMinutes } = tables;
  const nSF = STEP_FIELDS.length;
  const CH = CHANNEL_FIELDS.length;
  const SCF = STRATEGY_CHANNEL_FIELDS.length;
  const weekBase = lay.weeks + t * WEEK_FIELDS.length;
  const stepChannel = model.steps[si].channel;
  const attempts = ws.attempts;
  for (let k = 0; k < stepChannel.length; k++) {
    const e = attempts[k];
    if (e === 0) continue;
    attempts[k] = 0;
    const c = stepChannel[k];
    const cost = e * chCost[c];
    const staffMinutes = e * chStaffMinutes[c];
    rec[lay.steps + k * nSF + STEP.entered] += e;
    rec[sc.costContacts] += cost;
    if (chStaffMinutes[c] > 0) {
      rec[sc.costStaff] += cost;
      rec[sc.staffMinutes] += staffMinutes;
    }
    rec[L.channelBase + c * CH + CHANNEL.attempts] += e;
    rec[L.channelBase + c * CH + CHANNEL.staffMinutes] += staffMinutes;
    rec[lay.channels + c * SCF + STRATEGY_CHANNEL.attempts] += e;
    rec[lay.channels + c * SCF + STRATEGY_CHANNEL.cost] += cost;
    rec[weekBase + WEEK.contacts] += e;
    rec[weekBase + WEEK.cost] += cost;
  }
}
