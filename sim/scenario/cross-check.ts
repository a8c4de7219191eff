// Checks that need more than one field: references between sections, shares that must sum
// to one, journeys that can end, holdouts that leave two arms, budgets that allow contact.
import { type ScenarioIssue, unknownRefMessage } from './issues';
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

/** Cross-field validation of a schema-valid scenario. Returns errors and warnings. */
export function crossCheck(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const err = (path: string, message: string) => issues.push({ severity: 'error', path, message });
  const warn = (path: string, message: string) => issues.push({ severity: 'warning', path, message });

  const uniqueIds = (list: ReadonlyArray<{ id: string }>, where: string) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id))
        err(`${where}[${i}].id`, `${JSON.stringify(e.id)} is used twice; ids must be unique`);
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
      err(
        `population.${name}[0].minAumCny`,
        `${bands[0].minAumCny}; expected 0 (the first band starts at zero)`,
      );
    for (let i = 1; i < bands.length; i++) {
      if (!(bands[i].minAumCny > bands[i - 1].minAumCny)) {
        err(
          `population.${name}[${i}].minAumCny`,
          `${bands[i].minAumCny}; expected more than the band before (${bands[i - 1].minAumCny})`,
        );
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
      err(`population.${name}`, `shares sum to ${Number(sum.toFixed(6))}; expected 1`);
    }
  }
  const b = pop.branches;
  if (b.sizeWeights && b.sizeWeights.length !== b.count) {
    err(
      'population.branches.sizeWeights',
      `has ${b.sizeWeights.length} weights; expected ${b.count} (one per branch)`,
    );
  }
  const conc = pop.aum.concentration;
  if (conc.holdsShare <= conc.topShare) {
    err(
      'population.aum.concentration.holdsShare',
      `${conc.holdsShare}; expected more than topShare (${conc.topShare}), or AUM is not concentrated`,
    );
  }
  if (pop.aum.longTailShare + conc.topShare >= 1) {
    err(
      'population.aum.longTailShare',
      `${pop.aum.longTailShare}; with topShare ${conc.topShare} it leaves no room above the long tail`,
    );
  }

  const tierRecord = (rec: Record<string, unknown>, path: string) => {
    for (const k of Object.keys(rec)) {
      if (!tierIds.includes(k)) err(`${path}.${k}`, unknownRefMessage(k, 'a tier', tierIds));
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
      warn(
        `products[${i}].ticket.medianCny`,
        'an app-activation offer has no purchase amount; the ticket is ignored',
      );
    }
  });

  s.channels.forEach((c, i) => {
    if (c.capacity && c.capacity.staff !== 'none') {
      const per10k = c.capacity.staff === 'wealth_manager' ? b.wealthManagersPer10k : b.remoteAgentsPer10k;
      if (per10k === 0)
        warn(
          `channels[${i}].capacity.staff`,
          `uses ${c.capacity.staff} staff, but the headcount per 10k is 0 (one per branch is assumed)`,
        );
    }
  });

  if (s.contactPolicy.maxContactsPerWeek > s.contactPolicy.maxContactsPer4Weeks) {
    err(
      'contactPolicy.maxContactsPerWeek',
      `${s.contactPolicy.maxContactsPerWeek}; expected at most maxContactsPer4Weeks (${s.contactPolicy.maxContactsPer4Weeks})`,
    );
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
        if (!r.values || r.values.length === 0)
          err(`${rp}.values`, `missing; rule on ${r.attr} needs a list of values`);
        if (r.op && r.op !== 'in' && r.op !== 'not_in')
          err(`${rp}.op`, `${JSON.stringify(r.op)}; expected "in" or "not_in" for ${r.attr}`);
        r.values?.forEach((v, vi) => {
          if (!known.includes(v))
            err(`${rp}.values[${vi}]`, unknownRefMessage(v, `a ${r.attr.replace('_', ' ')}`, known));
        });
      } else if (r.attr === 'is_app_user' || r.attr === 'is_payroll') {
        if (r.value !== 0 && r.value !== 1)
          err(`${rp}.value`, `${r.value ?? 'missing'}; expected 1 (yes) or 0 (no)`);
      } else {
        if (r.op !== 'gte' && r.op !== 'lte')
          err(`${rp}.op`, `${JSON.stringify(r.op ?? null)}; expected "gte" or "lte" for ${r.attr}`);
        if (r.value === undefined) err(`${rp}.value`, `missing; rule on ${r.attr} needs a number`);
      }
    });
    if (!productIds.includes(st.offer.product))
      err(`${at}.offer.product`, unknownRefMessage(st.offer.product, 'a product', productIds));
    if (st.incentive !== undefined && !incentiveIds.includes(st.incentive)) {
      err(`${at}.incentive`, unknownRefMessage(st.incentive, 'an incentive', incentiveIds));
    }
    if (st.trigger.type === 'batch' && st.trigger.week >= s.calendar.weeks) {
      err(
        `${at}.trigger.week`,
        `${st.trigger.week}; expected a week before the horizon ends (0–${s.calendar.weeks - 1})`,
      );
    }
    const h = st.holdout;
    if (h.share <= 0 || h.share >= 1) {
      err(
        `${at}.holdout.share`,
        `${h.share}; expected more than 0 and less than 1 (a 0% or 100% holdout leaves no comparison)`,
      );
    } else if (h.level === 'branch') {
      const held = Math.round(h.share * b.count);
      if (held < 1 || held > b.count - 1) {
        err(
          `${at}.holdout.share`,
          `${h.share} of ${b.count} branches holds out ${held}; expected at least one branch in each arm`,
        );
      }
    }
    checkJourney(st, at);
  }

  function checkJourney(st: Strategy, at: string) {
    const steps = st.journey.steps;
    const stepIds = steps.map((x) => x.id);
    uniqueIds(steps, `${at}.journey.steps`);
    if (!stepIds.includes(st.journey.start))
      err(`${at}.journey.start`, unknownRefMessage(st.journey.start, 'a step', stepIds));
    let paidStep: string | undefined;
    steps.forEach((step, i) => {
      const sp = `${at}.journey.steps[${i}]`;
      const ch = s.channels.find((c) => c.id === step.channel);
      if (!ch) err(`${sp}.channel`, unknownRefMessage(step.channel, 'a channel', channelIds));
      else if (ch.costPerAttemptCny > 0 && paidStep === undefined)
        paidStep = `step "${step.id}" uses ${ch.id} at ${ch.costPerAttemptCny} CNY an attempt`;
      for (const edge of ['onNoContact', 'onNotInterested', 'onInterested', 'onNotConverted'] as const) {
        const t = step[edge];
        if (t !== undefined && t !== 'end' && !stepIds.includes(t))
          err(`${sp}.${edge}`, unknownRefMessage(t, 'a step', [...stepIds, 'end']));
      }
    });
    if (paidStep && st.budgetCny === 0)
      warn(`${at}.budgetCny`, `0, but ${paidStep}; no paid contact will be made`);
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
        warn(
          `${at}.journey.steps[${i}]`,
          `step ${JSON.stringify(step.id)} is never reached from start ${JSON.stringify(st.journey.start)}`,
        );
    });
    for (const scc of stronglyConnected(steps.length, next)) {
      const inCycle = scc.length > 1 || next(scc[0]).includes(scc[0]);
      if (!inCycle || !scc.some((i) => seen.has(i))) continue;
      const names = [...scc]
        .sort((a, b) => a - b)
        .map((i) => steps[i].id)
        .join(' → ');
      const members = new Set(scc);
      const canLeave = scc.some((i) => {
        const st2 = steps[i];
        const edges = [st2.onNoContact, st2.onNotInterested, st2.onInterested, st2.onNotConverted];
        // A closing step (no referral edge) can convert, which ends the journey.
        if (st2.onInterested === undefined) return true;
        return edges.some((t) => t !== undefined && (t === 'end' || !members.has(index.get(t)!)));
      });
      const waits = scc.reduce((a, i) => a + steps[i].waitDays, 0);
      if (!canLeave)
        err(`${at}.journey`, `the cycle ${names} has no way out (no step can convert or end); it cannot end`);
      else if (waits === 0)
        err(
          `${at}.journey`,
          `the cycle ${names} has no wait (waitDays all 0), so it would loop forever within one day`,
        );
    }
  }

  // Priors name real numbers and stay inside their field's range.
  s.uncertainty.forEach((u, i) => {
    const at = `uncertainty[${i}]`;
    const current = getParam(s, u.param);
    if (typeof current === 'string') {
      err(`${at}.param`, `${JSON.stringify(u.param)} ${current}`);
      return;
    }
    if (!VARIABLE_PARAM.test(u.param)) {
      err(
        `${at}.param`,
        `${JSON.stringify(u.param)} is fixed for a run (the population and journeys are built once); priors can vary channel, product, incentive, offer, event, organic, market and economics numbers (see docs/scenario-format.md)`,
      );
      return;
    }
    const p = u.prior;
    if (p.type === 'uniform' && !(p.min < p.max))
      err(`${at}.prior`, `min ${p.min} and max ${p.max}; expected min < max`);
    if (p.type === 'triangular' && !(p.min <= p.mode && p.mode <= p.max && p.min < p.max)) {
      err(
        `${at}.prior`,
        `min ${p.min}, mode ${p.mode}, max ${p.max}; expected min ≤ mode ≤ max and min < max`,
      );
    }
    const leaf = u.param.split('.').pop() ?? '';
    if (PROBABILITY_LEAVES.has(leaf)) {
      const unbounded = p.type === 'normal' || p.type === 'lognormal';
      const outside = (p.type === 'uniform' || p.type === 'triangular') && (p.min < 0 || p.max > 1);
      if (unbounded || outside)
        warn(
          `${at}.prior`,
          `a ${p.type} prior on a probability can leave [0, 1]; draws are clamped (a beta prior fits better)`,
        );
    } else if (
      current >= 0 &&
      (p.type === 'normal' || ((p.type === 'uniform' || p.type === 'triangular') && p.min < 0))
    ) {
      warn(`${at}.prior`, `can draw negative values for a non-negative field; draws are clamped at 0`);
    }
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
