// Second-order Monte Carlo: each replication draws the uncertain parameters from their priors
// (plain sampling, or Latin hypercube across the run's replications) and the market factor, then
// flattens the behaviour parameters into numeric tables the replication loop reads.
import { createStream, permutation } from '../rng/streams';
import { getParam, type Prior, type Scenario, setParam } from '../scenario';
import { parseParamPath } from '../scenario/param-path';
import { betaInv } from '../stats/dist';
import { normalQuantile } from '../stats/normal';
import type { Model } from './model';

export type RepTables = {
  /** The scenario with this replication's parameter draws applied. */
  scenario: Scenario;
  draws: number[];
  marketMult: number;
  /** AUM market return over the whole horizon (share of AUM). */
  marketReturn: number;
  chReachRate: Float64Array;
  chResponse: Float64Array;
  chClose: Float64Array;
  chCost: Float64Array;
  chStaffMinutes: Float64Array;
  chFatigue: Float64Array;
  chFatigueWeeks: Int32Array;
  chHalfLifeDays: Float64Array;
  chMaxQueue: Int32Array;
  /** capacity[c][branch] attempts per week (global caps in branch 0). */
  capacity: Float64Array[];
  /** Response multiplier of each strategy from offer fit × incentive × script. */
  stMultiplier: Float64Array;
  stIncentiveCost: Float64Array;
  /** Scale of each product's propensity relative to the population build (priors on propensity.base). */
  propensityScale: Float64Array;
};

/** Inverse CDF of a prior at u in (0, 1). */
export function priorQuantile(prior: Prior, u: number): number {
  switch (prior.type) {
    case 'beta':
      return betaInv(u, prior.a, prior.b);
    case 'normal':
      return prior.mean + prior.sd * normalQuantile(u);
    case 'lognormal':
      return Math.exp(prior.mu + prior.sigma * normalQuantile(u));
    case 'uniform':
      return prior.min + u * (prior.max - prior.min);
    case 'triangular': {
      const { min, mode, max } = prior;
      const f = (mode - min) / (max - min);
      return u < f
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
  }
}

/**
 * A copy of `base` in which the objects and lists on each path are copies and everything else is
 * shared: setting a path's number in it leaves `base` as it was (a deep copy of the whole scenario
 * cost most of a replication's tables). A path that does not resolve is copied as far as it does.
 */
export function copyAlong(base: Scenario, paths: readonly string[]): Scenario {
  const root = { ...base } as Record<string, unknown>;
  const copies = new Set<unknown>([root]);
  for (const path of paths) {
    let cur: unknown = root;
    for (const seg of parseParamPath(path) ?? []) {
      if (!cur || typeof cur !== 'object') break;
      let key: string | number;
      if ('key' in seg) {
        if (Array.isArray(cur)) break;
        key = seg.key;
      } else {
        if (!Array.isArray(cur)) break;
        const byId = cur.findIndex(
          (e) => e && typeof e === 'object' && (e as { id?: unknown }).id === seg.select,
        );
        key = byId >= 0 ? byId : /^\d+$/.test(seg.select) ? Number(seg.select) : -1;
      }
      const holder = cur as Record<string | number, unknown>;
      let next = holder[key];
      if (next && typeof next === 'object' && !copies.has(next)) {
        next = Array.isArray(next) ? next.slice() : { ...next };
        copies.add(next);
        holder[key] = next;
      }
      cur = next;
    }
  }
  return root as Scenario;
}

const PROBABILITY_LEAF =
  /(base|Rate|Share|Probability|perRecentContact|organicWeekly|closeRate|reachRate|share)$/;

/** Draw replication `rep`'s parameters (out of `replications` for Latin hypercube strata). */
export function drawRepTables(
  model: Model,
  rep: number,
  replications: number,
  lhsCache: Map<string, Int32Array>,
): RepTables {
  const base = model.scenario;
  const priors = base.uncertainty;
  const stream = createStream(model.seed, 'params', rep);
  const draws: number[] = [];
  let scenario = base;
  if (priors.length > 0) {
    scenario = copyAlong(
      base,
      priors.map((u) => u.param),
    );
    priors.forEach((u, j) => {
      let q = stream.next();
      if (base.monteCarlo.sampling === 'lhs') {
        const key = `${replications}|${j}`;
        let perm = lhsCache.get(key);
        if (!perm) {
          perm = permutation(replications, createStream(model.seed, 'lhs', 0, u.param));
          lhsCache.set(key, perm);
        }
        q = (perm[rep] + q) / replications;
      }
      let v = priorQuantile(u.prior, q);
      const leaf = u.param.split('.').pop() ?? '';
      const current = getParam(base, u.param);
      if (PROBABILITY_LEAF.test(leaf)) v = Math.min(1, Math.max(0, v));
      else if (typeof current === 'number' && current >= 0) v = Math.max(0, v);
      setParam(scenario, u.param, v);
      draws.push(v);
    });
  }
  const m = createStream(model.seed, 'market', rep);
  const cal = scenario.calendar.market;
  const z1 = normalQuantile(m.next());
  const z2 = normalQuantile(m.next());
  const W = model.weeks;
  const ch = scenario.channels;
  const nB = model.pop.branches.length;
  const capacity = ch.map((c) => {
    const cap = new Float64Array(nB).fill(Number.POSITIVE_INFINITY);
    if (c.capacity?.staff === 'none') cap[0] = c.capacity.attemptsPerWeek;
    else if (c.capacity) {
      const wm = c.capacity.staff === 'wealth_manager';
      const per = c.capacity.attemptsPerStaffPerWeek;
      model.pop.branches.forEach((b, k) => {
        cap[k] = (wm ? b.wealthManagers : b.remoteAgents) * per;
      });
    }
    return cap;
  });
  return {
    scenario,
    draws,
    marketMult: Math.exp(cal.sdLog * z1 - (cal.sdLog * cal.sdLog) / 2),
    marketReturn: W * cal.aumReturnWeeklyMean + Math.sqrt(W) * cal.aumReturnWeeklySd * z2,
    chReachRate: Float64Array.from(ch.map((c) => c.reachRate)),
    chResponse: Float64Array.from(ch.map((c) => c.responseEffect)),
    chClose: Float64Array.from(ch.map((c) => c.closeRate)),
    chCost: Float64Array.from(ch.map((c) => c.costPerAttemptCny)),
    chStaffMinutes: Float64Array.from(ch.map((c) => c.staffMinutesPerAttempt)),
    chFatigue: Float64Array.from(ch.map((c) => c.fatigue.perRecentContact)),
    chFatigueWeeks: Int32Array.from(ch.map((c) => c.fatigue.windowWeeks)),
    chHalfLifeDays: Float64Array.from(ch.map((c) => c.leadHalfLifeDays ?? Number.POSITIVE_INFINITY)),
    chMaxQueue: Int32Array.from(ch.map((c) => c.capacity?.maxQueueWeeks ?? 0)),
    capacity,
    stMultiplier: Float64Array.from(
      scenario.strategies.map((st) => {
        const inc = scenario.incentives.find((x) => x.id === st.incentive);
        return st.offer.fit * st.scriptQuality * (inc?.responseMultiplier ?? 1);
      }),
    ),
    stIncentiveCost: Float64Array.from(
      scenario.strategies.map(
        (st) => scenario.incentives.find((x) => x.id === st.incentive)?.costPerRedemptionCny ?? 0,
      ),
    ),
    propensityScale: Float64Array.from(
      scenario.products.map((p, i) => {
        const b0 = base.products[i].propensity.base;
        return b0 > 0 ? p.propensity.base / b0 : 1;
      }),
    ),
  };
}
