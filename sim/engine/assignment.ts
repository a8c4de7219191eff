import { createStream, keyedUniform, uniformKey } from '../rng/streams';
import { type Engine, MAX_MATURITIES } from './engine-state';
import { maturityPeriodDays } from './organic';
import type { RepTables } from './params';
import { TOKEN_FIELDS, type Workspace, weekOfDay } from './workspace';

/** Queue journey step `step` of strategy s for customer i on `day` (dropped past the horizon). */
export function pushToken(
  ws: Workspace,
  s: number,
  W: number,
  i: number,
  step: number,
  day: number,
  leadDay: number,
  queued: number,
): void {
  const week = weekOfDay(day);
  if (week >= W) return;
  const q = ws.tokens;
  const b = s * (W + 1) + week;
  const k = q.size[b];
  let a = q.data[b];
  if (k + TOKEN_FIELDS > a.length) a = q.grow(b, k + TOKEN_FIELDS);
  a[k] = i;
  a[k + 1] = (step << 4) | queued;
  a[k + 2] = day;
  a[k + 3] = leadDay;
  q.size[b] = k + TOKEN_FIELDS;
}

/** Randomize each strategy's eligible customers into treatment and control, then schedule triggers. */
export function assignAndTrigger(engine: Engine, tables: RepTables, rep: number): void {
  for (let si = 0; si < tables.scenario.strategies.length; si++) assignStrategy(engine, tables, rep, si);
}

/** Strategy si's randomized arms and its triggers (in strategy order: TriggerList.close). */
export function assignStrategy(engine: Engine, tables: RepTables, rep: number, si: number): void {
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
    const treated = ws.scratch;
    let nTreated = 0;
    for (let k = 0; k < elig.length; k++) {
      const i = elig[k];
      tau[i] = day;
      if (arm[i] === 1) treated[nTreated++] = i;
    }
    triggers.addAll(treated, nTreated, day);
    triggers.close(si, true);
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
    // customer, and already in week order (TriggerList.close then only copies). The first payday
    // in the horizon is everyone's first trigger; the treated ones are listed once and added per payday.
    const payroll = engine.payrollEligible[si];
    const treated = ws.scratch;
    let nTreated = 0;
    let first = -1;
    for (let e = 0; e < payrollDays.length && first < 0; e++)
      if (payrollDays[e] + delayDays < horizonDays) first = payrollDays[e] + delayDays;
    if (first >= 0) {
      for (let k = 0; k < payroll.length; k++) {
        const i = payroll[k];
        if (tau[i] < 0 || first < tau[i]) tau[i] = first;
        if (arm[i] === 1) treated[nTreated++] = i;
      }
    }
    for (let e = 0; e < payrollDays.length; e++) {
      const day = payrollDays[e] + delayDays;
      if (day < horizonDays) triggers.addAll(treated, nTreated, day);
    }
    triggers.close(si, true);
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
export function isOnePerWeek(days: Int32Array, delay: number, horizonDays: number): boolean {
  let lastWeek = -1;
  for (let e = 0; e < days.length; e++) {
    const day = days[e] + delay;
    if (day >= horizonDays) continue;
    const week = weekOfDay(day);
    if (week <= lastWeek) return false;
    lastWeek = week;
  }
  return true;
}
