// Checks that need more than one field: references between sections, shares that must sum
// to one, journeys that can end, holdouts that leave two arms, budgets that allow contact.
import type { IssueCode, IssueMessage, MessageParams, RefKind } from './issue-codes';
import { issueAt, type ScenarioIssue, unknownRef } from './issues';
import { getParam } from './param-path';
import type { Scenario, Strategy } from './schema';

const SHARE_TOLERANCE = 1e-6;

/** The id of branch k (0-based) as rules and results name it: B01, B02, … */
export function branchName(k: number): string {
  return `B${String(k + 1).padStart(2, '0')}`;
}

/** Numbers a replication may draw from a prior (everything read per replication, nothing built once per run). */
const VARIABLE_PARAM =
  /^(channels\[[^\]]+\]\.(reachRate|responseEffect|closeRate|costPerAttemptCny|staffMinutesPerAttempt|fatigue\.perRecentContact|leadHalfLifeDays|capacity\.(attemptsPerStaffPerWeek|attemptsPerWeek))|products\[[^\]]+\]\.(ticket\.(medianCny|sdLog|aumElasticity|maxShareOfAum)|newMoneyShare|revenueRate|valuePerConversionCny|propensity\.base|organicWeekly)|incentives\[[^\]]+\]\.(costPerRedemptionCny|responseMultiplier)|strategies\[[^\]]+\]\.(offer\.fit|scriptQuality)|population\.organic\.[A-Za-z.]+|population\.events\.(payroll|wmpMaturity|largeInflow)\.(responseMultiplier|organicReinvestProbability|outflowProbability|maturingShareOfAum|amountShareOfAum)|population\.app\.(monthlyActiveShare|loginsPerActiveMonth)|calendar\.market\.[A-Za-z]+|economics\.[A-Za-z]+)$/;

/** Whether a replication may draw this parameter from a prior (the paths calibration can fit). */
export function isVariableParam(path: string): boolean {
  return VARIABLE_PARAM.test(path);
}

/** Probability-valued leaves, so a prior on one can be checked against [0, 1]. */
const PROBABILITY_LEAVES = new Set([
  'base',
  'reachRate',
  'closeRate',
  'newMoneyShare',
  'organicWeekly',
  'holdShare',
  'perRecentContact',
  'outflowProbability',
  'maturingShareOfAum',
  'monthlyActiveShare',
  'attritionAumLoss',
  'appActivationWeekly',
  'share',
]);

/** Whether a parameter path names a probability (its values belong in [0, 1]). */
export function isProbabilityParam(path: string): boolean {
  return PROBABILITY_LEAVES.has(path.split('.').pop() ?? '');
}

/** What each list-valued rule attribute refers to. */
const RULE_REF: Record<string, RefKind> = {
  tier: 'tier',
  wealth_level: 'wealth_level',
  life_stage: 'life_stage',
  occupation: 'occupation',
  region: 'region',
  branch: 'branch',
  holds: 'product',
  not_holds: 'product',
};

/** Cross-field validation of a schema-valid scenario. Returns errors and warnings. */
export function crossCheck(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const err = (path: string, code: IssueCode, params: MessageParams = {}) =>
    issues.push(issueAt('error', path, code, params));
  const warn = (path: string, code: IssueCode, params: MessageParams = {}) =>
    issues.push(issueAt('warning', path, code, params));
  const errRef = (path: string, m: IssueMessage) => err(path, m.code, m.params);

  const uniqueIds = (list: ReadonlyArray<{ id: string }>, where: string) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) err(`${where}[${i}].id`, 'id.duplicate', { id: e.id });
      seen.add(e.id);
    });
  };
  const pop = s.population;
  uniqueIds(s.products, 'products');
  uniqueIds(s.incentives, 'incentives');
  uniqueIds(s.channels, 'channels');
  uniqueIds(s.strategies, 'strategies');
  uniqueIds(pop.tiers, 'population.tiers');
  uniqueIds(pop.wealthLevels, 'population.wealthLevels');
  uniqueIds(pop.lifeStages, 'population.lifeStages');
  uniqueIds(pop.occupations, 'population.occupations');

  const tierIds = pop.tiers.map((t) => t.id);
  const productIds = s.products.map((p) => p.id);
  const channelIds = s.channels.map((c) => c.id);
  const incentiveIds = s.incentives.map((c) => c.id);

  // Bands ascend from zero.
  for (const [name, bands] of [
    ['tiers', pop.tiers],
    ['wealthLevels', pop.wealthLevels],
  ] as const) {
    if (bands[0].minAumCny !== 0)
      err(`population.${name}[0].minAumCny`, 'band.first-not-zero', { value: bands[0].minAumCny });
    for (let i = 1; i < bands.length; i++) {
      if (!(bands[i].minAumCny > bands[i - 1].minAumCny)) {
        err(`population.${name}[${i}].minAumCny`, 'band.not-ascending', {
          value: bands[i].minAumCny,
          previous: bands[i - 1].minAumCny,
        });
      }
    }
  }
  // Shares sum to one.
  for (const [name, groups] of [
    ['lifeStages', pop.lifeStages],
    ['occupations', pop.occupations],
  ] as const) {
    const sum = groups.reduce((a, g) => a + g.share, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      err(`population.${name}`, 'shares.sum', { sum: Number(sum.toFixed(6)) });
    }
  }
  const b = pop.branches;
  if (b.sizeWeights && b.sizeWeights.length !== b.count) {
    err('population.branches.sizeWeights', 'branches.size-weights', {
      count: b.sizeWeights.length,
      expected: b.count,
    });
  }
  const conc = pop.aum.concentration;
  if (conc.holdsShare <= conc.topShare) {
    err('population.aum.concentration.holdsShare', 'aum.holds-share', {
      value: conc.holdsShare,
      topShare: conc.topShare,
    });
  }
  if (pop.aum.longTailShare + conc.topShare >= 1) {
    err('population.aum.longTailShare', 'aum.long-tail', {
      value: pop.aum.longTailShare,
      topShare: conc.topShare,
    });
  }

  const tierRecord = (rec: Record<string, unknown>, path: string) => {
    for (const k of Object.keys(rec)) {
      if (!tierIds.includes(k)) errRef(`${path}.${k}`, unknownRef(k, 'tier', tierIds));
    }
  };
  tierRecord(pop.app.userShareByTier, 'population.app.userShareByTier');
  for (const [k, r] of Object.entries(pop.reachability))
    tierRecord(r.byTier, `population.reachability.${k}.byTier`);
  tierRecord(pop.organic.attritionWeekly.byTier, 'population.organic.attritionWeekly.byTier');
  tierRecord(pop.events.largeInflow.perYearByTier, 'population.events.largeInflow.perYearByTier');
  s.products.forEach((p, i) => {
    tierRecord(p.propensity.byTier, `products[${i}].propensity.byTier`);
  });
  s.products.forEach((p, i) => {
    if (p.family === 'app_activation' && p.ticket.medianCny > 0) {
      warn(`products[${i}].ticket.medianCny`, 'product.activation-ticket');
    }
  });

  s.channels.forEach((c, i) => {
    if (c.capacity && c.capacity.staff !== 'none') {
      const per10k = c.capacity.staff === 'wealth_manager' ? b.wealthManagersPer10k : b.remoteAgentsPer10k;
      if (per10k === 0)
        warn(`channels[${i}].capacity.staff`, 'channel.no-staff', { staff: c.capacity.staff });
    }
  });

  if (s.contactPolicy.maxContactsPerWeek > s.contactPolicy.maxContactsPer4Weeks) {
    err('contactPolicy.maxContactsPerWeek', 'contact.week-above-4-weeks', {
      value: s.contactPolicy.maxContactsPerWeek,
      max: s.contactPolicy.maxContactsPer4Weeks,
    });
  }

  const ruleValues: Record<string, readonly string[]> = {
    tier: tierIds,
    wealth_level: pop.wealthLevels.map((w) => w.id),
    life_stage: pop.lifeStages.map((g) => g.id),
    occupation: pop.occupations.map((g) => g.id),
    region: b.regions,
    branch: Array.from({ length: b.count }, (_, k) => branchName(k)),
    holds: productIds,
    not_holds: productIds,
  };
  s.strategies.forEach((st, si) => {
    checkStrategy(st, `strategies[${si}]`);
  });

  function checkStrategy(st: Strategy, at: string) {
    st.target.rules.forEach((r, ri) => {
      const rp = `${at}.target.rules[${ri}]`;
      const known = ruleValues[r.attr];
      if (known) {
        if (!r.values || r.values.length === 0) err(`${rp}.values`, 'rule.values-missing', { attr: r.attr });
        if (r.op && r.op !== 'in' && r.op !== 'not_in')
          err(`${rp}.op`, 'rule.op-list', { op: JSON.stringify(r.op), attr: r.attr });
        r.values?.forEach((v, vi) => {
          if (!known.includes(v)) errRef(`${rp}.values[${vi}]`, unknownRef(v, RULE_REF[r.attr], known));
        });
      } else if (r.attr === 'is_app_user' || r.attr === 'is_payroll') {
        if (r.value !== 0 && r.value !== 1) err(`${rp}.value`, 'rule.flag-value', { found: r.value ?? null });
      } else {
        if (r.op !== 'gte' && r.op !== 'lte')
          err(`${rp}.op`, 'rule.op-number', { op: JSON.stringify(r.op ?? null), attr: r.attr });
        if (r.value === undefined) err(`${rp}.value`, 'rule.value-missing', { attr: r.attr });
      }
    });
    if (!productIds.includes(st.offer.product))
      errRef(`${at}.offer.product`, unknownRef(st.offer.product, 'product', productIds));
    if (st.incentive !== undefined && !incentiveIds.includes(st.incentive)) {
      errRef(`${at}.incentive`, unknownRef(st.incentive, 'incentive', incentiveIds));
    }
    if (st.trigger.type === 'batch' && st.trigger.week >= s.calendar.weeks) {
      err(`${at}.trigger.week`, 'trigger.week', { week: st.trigger.week, last: s.calendar.weeks - 1 });
    }
    const h = st.holdout;
    if (h.share <= 0 || h.share >= 1) {
      err(`${at}.holdout.share`, 'holdout.share', { share: h.share });
    } else if (h.level === 'branch') {
      const held = Math.round(h.share * b.count);
      if (held < 1 || held > b.count - 1) {
        err(`${at}.holdout.share`, 'holdout.branches', { share: h.share, count: b.count, held });
      }
    }
    checkJourney(st, at);
  }

  function checkJourney(st: Strategy, at: string) {
    const steps = st.journey.steps;
    const stepIds = steps.map((x) => x.id);
    uniqueIds(steps, `${at}.journey.steps`);
    if (!stepIds.includes(st.journey.start))
      errRef(`${at}.journey.start`, unknownRef(st.journey.start, 'step', stepIds));
    let paidStep: MessageParams | undefined;
    steps.forEach((step, i) => {
      const sp = `${at}.journey.steps[${i}]`;
      const ch = s.channels.find((c) => c.id === step.channel);
      if (!ch) errRef(`${sp}.channel`, unknownRef(step.channel, 'channel', channelIds));
      else if (ch.costPerAttemptCny > 0 && paidStep === undefined)
        paidStep = { step: step.id, channel: ch.id, costCny: ch.costPerAttemptCny };
      for (const edge of ['onNoContact', 'onNotInterested', 'onInterested', 'onNotConverted'] as const) {
        const t = step[edge];
        if (t !== undefined && t !== 'end' && !stepIds.includes(t))
          errRef(`${sp}.${edge}`, unknownRef(t, 'step', [...stepIds, 'end']));
      }
    });
    if (paidStep && st.budgetCny === 0) warn(`${at}.budgetCny`, 'budget.zero-paid', paidStep);
    // A saved canvas position for a step that is not in the journey is ignored; say so.
    for (const key of Object.keys(st.journey.layout ?? {})) {
      if (!stepIds.includes(key))
        warn(`${at}.journey.layout.${key}`, 'journey.layout-unknown-step', { step: key, known: stepIds });
    }
    // Reachability from start, cycles that cannot end.
    const index = new Map(stepIds.map((x, i) => [x, i]));
    const next = (i: number): number[] => {
      const st2 = steps[i];
      return [st2.onNoContact, st2.onNotInterested, st2.onInterested, st2.onNotConverted]
        .filter((t): t is string => t !== undefined && t !== 'end' && index.has(t))
        .map((t) => index.get(t)!);
    };
    const start = index.get(st.journey.start);
    if (start === undefined) return;
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length) {
      for (const n of next(stack.pop()!)) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    steps.forEach((step, i) => {
      if (!seen.has(i))
        warn(`${at}.journey.steps[${i}]`, 'journey.unreachable', { step: step.id, start: st.journey.start });
    });
    for (const scc of stronglyConnected(steps.length, next)) {
      const inCycle = scc.length > 1 || next(scc[0]).includes(scc[0]);
      if (!inCycle || !scc.some((i) => seen.has(i))) continue;
      const cycle = [...scc].sort((a, b) => a - b).map((i) => steps[i].id);
      const members = new Set(scc);
      const canLeave = scc.some((i) => {
        const st2 = steps[i];
        const edges = [st2.onNoContact, st2.onNotInterested, st2.onInterested, st2.onNotConverted];
        // A closing step (no referral edge) can convert, which ends the journey.
        if (st2.onInterested === undefined) return true;
        return edges.some((t) => t !== undefined && (t === 'end' || !members.has(index.get(t)!)));
      });
      const waits = scc.reduce((a, i) => a + steps[i].waitDays, 0);
      if (!canLeave) err(`${at}.journey`, 'journey.cycle-no-exit', { cycle });
      else if (waits === 0) err(`${at}.journey`, 'journey.cycle-no-wait', { cycle });
    }
  }

  // Priors name real numbers and stay inside their field's range.
  s.uncertainty.forEach((u, i) => {
    const at = `uncertainty[${i}]`;
    const current = getParam(s, u.param);
    if (typeof current !== 'number') {
      err(`${at}.param`, 'prior.bad-param', { param: u.param, reason: current });
      return;
    }
    if (!VARIABLE_PARAM.test(u.param)) {
      err(`${at}.param`, 'prior.fixed-param', { param: u.param });
      return;
    }
    const p = u.prior;
    if (p.type === 'uniform' && !(p.min < p.max))
      err(`${at}.prior`, 'prior.uniform', { min: p.min, max: p.max });
    if (p.type === 'triangular' && !(p.min <= p.mode && p.mode <= p.max && p.min < p.max)) {
      err(`${at}.prior`, 'prior.triangular', { min: p.min, mode: p.mode, max: p.max });
    }
    const leaf = u.param.split('.').pop() ?? '';
    if (PROBABILITY_LEAVES.has(leaf)) {
      const unbounded = p.type === 'normal' || p.type === 'lognormal';
      const outside = (p.type === 'uniform' || p.type === 'triangular') && (p.min < 0 || p.max > 1);
      if (unbounded || outside) warn(`${at}.prior`, 'prior.probability', { type: p.type });
    } else if (
      current >= 0 &&
      (p.type === 'normal' || ((p.type === 'uniform' || p.type === 'triangular') && p.min < 0))
    ) {
      warn(`${at}.prior`, 'prior.negative');
    }
  });

  // The ledger names real numbers, each once, with low below high.
  const inLedger = new Set<string>();
  (s.ledger ?? []).forEach((e, i) => {
    const at = `ledger[${i}]`;
    const current = getParam(s, e.param);
    if (typeof current !== 'number')
      err(`${at}.param`, 'ledger.bad-param', { param: e.param, reason: current });
    else if (inLedger.has(e.param)) err(`${at}.param`, 'ledger.duplicate', { param: e.param });
    inLedger.add(e.param);
    if (e.low !== undefined && e.high !== undefined && !(e.low < e.high))
      err(`${at}.high`, 'ledger.range', { low: e.low, high: e.high });
  });
  return issues;
}

/** Tarjan's strongly connected components over nodes 0..n-1. */
function stronglyConnected(n: number, next: (i: number) => number[]): number[][] {
  let counter = 0;
  const idx = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  const visit = (v: number) => {
    idx[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of next(v)) {
      if (idx[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], idx[w]);
    }
    if (low[v] === idx[v]) {
      const comp: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        comp.push(w);
      } while (w !== v);
      out.push(comp);
    }
  };
  for (let v = 0; v < n; v++) if (idx[v] < 0) visit(v);
  return out;
}
