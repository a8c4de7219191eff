// Everything about a run that does not change between replications: the population, who is
// eligible for each strategy, the calendar, the journey graphs as index tables, the record layout.
import { buildPopulation, type Population } from '../population/build';
import { createStream } from '../rng/streams';
import type { Rule, Scenario, Strategy } from '../scenario/schema';
import { REACH_KINDS } from '../scenario/schema';
import { normalQuantile } from '../stats/normal';
import { type RecordLayout, recordLayout } from './layout';

export const END = -1;

export type StepTable = {
  channel: Int32Array;
  waitDays: Int32Array;
  onNoContact: Int32Array;
  onNotInterested: Int32Array;
  /** -1 when the step closes (no referral). */
  onInterested: Int32Array;
  onNotConverted: Int32Array;
  start: number;
};

export type Model = {
  scenario: Scenario;
  seed: string;
  pop: Population;
  layout: RecordLayout;
  weeks: number;
  horizonDays: number;
  /** Calendar multiplier (seasonality) per week. */
  season: Float64Array;
  /** Cumulative seasonality: seasonCum[t] = sum of season[0..t-1]. */
  seasonCum: Float64Array;
  weekStartIso: string[];
  /** Days (from the start) that are payroll days. */
  payrollDays: number[];
  /** Strategy indices in processing order (priority, then list order). */
  order: number[];
  eligible: Int32Array[];
  steps: StepTable[];
  offerProduct: Int32Array;
  /** Per strategy: 1 when whole branches are randomized (the pilot analysis is on branch means). */
  isBranchHoldout: Uint8Array;
  /** Strategy ids in scenario order (read per replication as one array, not through the scenario's varied shapes). */
  strategyIds: string[];
  /** Products offered by some strategy (the only ones whose organic purchases are simulated). */
  relevantProducts: number[];
  /** relevantIndex[product] = position in relevantProducts, or -1. */
  relevantIndex: Int32Array;
  /** Customers eligible for at least one strategy. */
  relevant: Int32Array;
  channelReachKind: Int32Array;
  /** Weekly attempt capacity per channel and branch (Infinity when uncapped); global caps use branch 0. */
  capacity: Float64Array[];
  capacityIsGlobal: boolean[];
  wmpProducts: number[];
};

function isoDay(start: Date, days: number): Date {
  return new Date(start.getTime() + days * 86_400_000);
}

/**
 * Compile a targeting rule into a test on customer index i (lookups prepared once). `offer` is the
 * index of the strategy's offered product (a `propensity` rule reads that product's propensity).
 * Thresholds are in the attribute's own unit: `aum_cny` in CNY, `temperature` in logit units,
 * `propensity` a probability in (0, 1).
 */
export function compileRule(rule: Rule, s: Scenario, pop: Population, offer: number): (i: number) => boolean {
  const p = s.population;
  const isNot = rule.op === 'not_in';
  const mask = (ids: string[]) =>
    Uint8Array.from(ids.map((id) => ((rule.values?.includes(id) ?? false) !== isNot ? 1 : 0)));
  const threshold = rule.value ?? 0;
  const atLeast = rule.op === 'gte';
  const cmp = (x: number) => (atLeast ? x >= threshold : x <= threshold);
  switch (rule.attr) {
    case 'tier': {
      const m = mask(p.tiers.map((t) => t.id));
      return (i) => m[pop.tier[i]] === 1;
    }
    case 'wealth_level': {
      const m = mask(p.wealthLevels.map((t) => t.id));
      return (i) => m[pop.wealthLevel[i]] === 1;
    }
    case 'life_stage': {
      const m = mask(p.lifeStages.map((t) => t.id));
      return (i) => m[pop.lifeStage[i]] === 1;
    }
    case 'occupation': {
      const m = mask(p.occupations.map((t) => t.id));
      return (i) => m[pop.occupation[i]] === 1;
    }
    case 'region': {
      const m = mask(pop.branches.map((b) => b.region));
      return (i) => m[pop.branch[i]] === 1;
    }
    case 'branch': {
      const m = mask(pop.branches.map((b) => b.name));
      return (i) => m[pop.branch[i]] === 1;
    }
    case 'aum_cny':
      return (i) => cmp(pop.aum[i]);
    case 'is_app_user':
      return (i) => pop.isAppUser[i] === (rule.value ?? 1);
    case 'is_payroll':
      return (i) => pop.isPayroll[i] === (rule.value ?? 1);
    case 'holds':
    case 'not_holds': {
      const products = (rule.values ?? [])
        .map((id) => s.products.findIndex((q) => q.id === id))
        .filter((k) => k >= 0);
      // `not_in` negates like it does for the other list rules: holds none of / holds one of.
      const want = (rule.attr === 'holds') !== (rule.op === 'not_in');
      return (i) => products.some((k) => pop.holds[k * pop.n + i] === 1) === want;
    }
    case 'temperature':
      return (i) => cmp(pop.temperature[i]);
    case 'propensity':
      return (i) => cmp(pop.propensity[offer * pop.n + i]);
  }
}

/** Customers (ascending indices) for whom every target rule of a strategy holds, before any topK cut. */
export function ruleEligible(s: Scenario, st: Strategy, pop: Population): Int32Array {
  const offer = s.products.findIndex((p) => p.id === st.offer.product);
  const tests = st.target.rules.map((r) => compileRule(r, s, pop, offer));
  const out: number[] = [];
  for (let i = 0; i < pop.n; i++) {
    let ok = true;
    for (let k = 0; k < tests.length && ok; k++) ok = tests[k](i);
    if (ok) out.push(i);
  }
  return Int32Array.from(out);
}

/**
 * Eligible customers of a strategy (ascending indices): all rules hold; then, with `topK`, the top
 * round(share × count) by a noisy propensity-model score drawn from the population stream of `seed`.
 */
export function eligibleFor(s: Scenario, st: Strategy, pop: Population, seed: string): Int32Array {
  const matched = ruleEligible(s, st, pop);
  if (!st.target.topK) return matched;
  const offer = s.products.findIndex((p) => p.id === st.offer.product);
  const out = Array.from(matched);
  // A propensity model is good, not perfect: score = true log-odds + noise (SD 0.5).
  const rng = createStream(seed, 'population', 0, `score:${st.id}`);
  const score = new Map<number, number>();
  for (const i of out) {
    const q = pop.propensity[offer * pop.n + i];
    score.set(i, Math.log(q / (1 - q)) + 0.5 * normalQuantile(rng.next()));
  }
  const keep = Math.round(out.length * st.target.topK.share);
  const top = [...out].sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, keep);
  return Int32Array.from(top.sort((a, b) => a - b));
}

function stepTable(s: Scenario, st: Strategy): StepTable {
  const ids = st.journey.steps.map((x) => x.id);
  const ref = (t: string | undefined, dflt: number) =>
    t === undefined ? dflt : t === 'end' ? END : ids.indexOf(t);
  const steps = st.journey.steps;
  return {
    channel: Int32Array.from(steps.map((x) => s.channels.findIndex((c) => c.id === x.channel))),
    waitDays: Int32Array.from(steps.map((x) => x.waitDays)),
    onNoContact: Int32Array.from(steps.map((x) => ref(x.onNoContact, END))),
    onNotInterested: Int32Array.from(steps.map((x) => ref(x.onNotInterested, END))),
    onInterested: Int32Array.from(steps.map((x) => ref(x.onInterested, -2))),
    onNotConverted: Int32Array.from(steps.map((x) => ref(x.onNotConverted, END))),
    start: ids.indexOf(st.journey.start),
  };
}

/** Build the static part of a run (deterministic in scenario and seed). */
export function prepareModel(scenario: Scenario, seed: string): Model {
  const pop = buildPopulation(scenario, seed);
  const weeks = scenario.calendar.weeks;
  const start = new Date(`${scenario.calendar.startDate}T00:00:00Z`);
  const seasonByMonth = new Map(scenario.calendar.seasonality.map((x) => [x.month, x.multiplier]));
  const season = new Float64Array(weeks);
  const seasonCum = new Float64Array(weeks + 1);
  const weekStartIso: string[] = [];
  for (let w = 0; w < weeks; w++) {
    // The month of the week's middle day sets its multiplier.
    season[w] = seasonByMonth.get(isoDay(start, 7 * w + 3).getUTCMonth() + 1) ?? 1;
    seasonCum[w + 1] = seasonCum[w] + season[w];
    weekStartIso.push(
      isoDay(start, 7 * w)
        .toISOString()
        .slice(0, 10),
    );
  }
  const horizonDays = 7 * weeks;
  const payrollDays: number[] = [];
  for (let d = 0; d < horizonDays; d++) {
    if (isoDay(start, d).getUTCDate() === scenario.population.events.payroll.dayOfMonth) payrollDays.push(d);
  }
  const order = scenario.strategies
    .map((st, i) => ({ i, pr: st.priority ?? 1000 + i }))
    .sort((a, b) => a.pr - b.pr || a.i - b.i)
    .map((x) => x.i);
  const eligible = scenario.strategies.map((st) => eligibleFor(scenario, st, pop, seed));
  const offerProduct = Int32Array.from(
    scenario.strategies.map((st) => scenario.products.findIndex((p) => p.id === st.offer.product)),
  );
  const relevantProducts = [...new Set(offerProduct)].sort((a, b) => a - b);
  const wmpProducts = scenario.products.flatMap((p, i) => (p.family === 'wmp' ? [i] : []));
  const relevantIndex = new Int32Array(scenario.products.length).fill(-1);
  relevantProducts.forEach((p, k) => {
    relevantIndex[p] = k;
  });
  const mark = new Uint8Array(pop.n);
  for (const list of eligible) for (const i of list) mark[i] = 1;
  const relevant: number[] = [];
  for (let i = 0; i < pop.n; i++) if (mark[i]) relevant.push(i);
  const nB = pop.branches.length;
  const capacityIsGlobal: boolean[] = [];
  const capacity = scenario.channels.map((c) => {
    const cap = new Float64Array(nB).fill(Number.POSITIVE_INFINITY);
    capacityIsGlobal.push(c.capacity?.staff === 'none');
    if (!c.capacity) return cap;
    if (c.capacity.staff === 'none') cap[0] = c.capacity.attemptsPerWeek;
    else {
      const perStaff = c.capacity.attemptsPerStaffPerWeek;
      const wm = c.capacity.staff === 'wealth_manager';
      pop.branches.forEach((b, k) => {
        cap[k] = (wm ? b.wealthManagers : b.remoteAgents) * perStaff;
      });
    }
    return cap;
  });
  return {
    scenario,
    seed,
    pop,
    layout: recordLayout(scenario),
    weeks,
    horizonDays,
    season,
    seasonCum,
    weekStartIso,
    payrollDays,
    order,
    eligible,
    steps: scenario.strategies.map((st) => stepTable(scenario, st)),
    offerProduct,
    isBranchHoldout: Uint8Array.from(scenario.strategies, (st) => (st.holdout.level === 'branch' ? 1 : 0)),
    strategyIds: scenario.strategies.map((st) => st.id),
    relevantProducts,
    relevantIndex,
    relevant: Int32Array.from(relevant),
    channelReachKind: Int32Array.from(scenario.channels.map((c) => REACH_KINDS.indexOf(c.reachVia))),
    capacity,
    capacityIsGlobal,
    wmpProducts,
  };
}
