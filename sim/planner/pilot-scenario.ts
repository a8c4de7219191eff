// The pilot (or rollout stage) of a scenario: every strategy restricted to chosen branches, with
// the design's holdout, horizon, replications and budgets scaled to the branches' customers.
import type { Scenario, Strategy } from '../scenario/schema';
import type { BranchInfo } from './branch-selection';
import { PlannerInputError } from './errors';
import { type Holdout, type HoldoutLevel, MAX_WEEKS } from './pilot-types';

/** How to restrict a scenario to some branches. */
export type RestrictOptions = {
  /** One holdout for every strategy, or one per strategy. */
  holdout: Holdout | ((strategy: Strategy) => Holdout);
  weeks?: number;
  replications?: number;
  /** Multiplies every strategy's budget (e.g. the branches' share of customers). Default 1. */
  budgetScale?: number;
};

/**
 * A copy of `scenario` where every strategy targets only `branches` (a `branch` rule is added to
 * its rules, so existing rules still apply), with the given holdout, horizon (batch trigger weeks
 * are clamped inside it), replications and budget scale.
 */
export function restrictToBranches(
  scenario: Scenario,
  branches: readonly string[],
  opts: RestrictOptions,
): Scenario {
  if (branches.length === 0) {
    throw new PlannerInputError('branches', '[]', 'no-branches');
  }
  const s = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const weeks = opts.weeks ?? s.calendar.weeks;
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw new PlannerInputError('weeks', weeks, 'not-a-horizon', { max: MAX_WEEKS });
  }
  s.calendar.weeks = weeks;
  if (opts.replications !== undefined) s.monteCarlo.replications = opts.replications;
  const scale = opts.budgetScale ?? 1;
  for (const st of s.strategies) {
    st.target.rules.push({ attr: 'branch', op: 'in', values: [...branches] });
    const h = typeof opts.holdout === 'function' ? opts.holdout(st) : opts.holdout;
    st.holdout = { level: h.level, share: h.share };
    if (st.trigger.type === 'batch') st.trigger.week = Math.min(st.trigger.week, weeks - 1);
    st.budgetCny = Math.max(0, st.budgetCny * scale);
  }
  return s;
}

/** Share of all customers who belong to `names` (1 when the branch table is empty). */
export function customerShare(branches: readonly BranchInfo[], names: readonly string[]): number {
  const set = new Set(names);
  let total = 0;
  let inside = 0;
  for (const b of branches) {
    total += b.customers;
    if (set.has(b.name)) inside += b.customers;
  }
  return total > 0 ? inside / total : 1;
}

export type PilotDesign = {
  /** The 2k pilot and control branches (the engine re-randomizes which k are control each replication). */
  branches: readonly string[];
  weeks: number;
  replications: number;
  /** 'branch' (default): whole branches, half held out; 'customer': customers within the branches. */
  level?: HoldoutLevel;
  /** Customer-level holdout share (default 0.5); a branch design always holds out half the branches. */
  holdoutShare?: number;
  /** Scale budgets by the branches' share of customers (default true), so spend per customer is kept. */
  isBudgetScaled?: boolean;
};

/**
 * The pilot of a scenario: every strategy targets only the pilot's branches, holdout
 * `{ level: 'branch', share: 0.5 }` (or customer-level), `calendar.weeks = w` with batch triggers
 * clamped inside, `monteCarlo.replications = R`, and budgets scaled to the branches' customers.
 */
export function pilotScenario(
  scenario: Scenario,
  design: PilotDesign,
  branches: readonly BranchInfo[],
): Scenario {
  const level = design.level ?? 'branch';
  const share = level === 'branch' ? 0.5 : (design.holdoutShare ?? 0.5);
  return restrictToBranches(scenario, design.branches, {
    holdout: { level, share },
    weeks: design.weeks,
    replications: design.replications,
    budgetScale: design.isBudgetScaled === false ? 1 : customerShare(branches, design.branches),
  });
}
