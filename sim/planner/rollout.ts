// Rollout forecast: from the pilot to a chosen set of branches (pilot → sprint → all), run the
// scenario restricted to those branches with a customer-level holdout kept small but never zero,
// and report intervals on conversion, net new money, cost and ROI, and whether staff capacity holds.
// Pure: the simulation is injected as a runner.

import type { RunSummary, Stat, UpliftStat } from '../results';
import type { RunSettings } from '../run-settings';
import type { LocalText } from '../scenario/local-text';
import type { Scenario, Strategy } from '../scenario/schema';
import type { BranchInfo, BranchSelection } from './branch-selection';
import { PlannerInputError } from './errors';
import { customerShare, restrictToBranches } from './pilot-scenario';
import { MAX_WEEKS, type PilotRunner } from './pilot-types';

/** A rollout keeps at least this customer holdout: without a control group the uplift cannot be measured. */
export const MIN_ROLLOUT_HOLDOUT = 0.05;
/** Holdout of a strategy whose original holdout is branch-level (a rollout treats every branch). */
export const DEFAULT_ROLLOUT_HOLDOUT = 0.1;
/** Capacity used above this share of what the staff can do is flagged. */
export const CAPACITY_FLAG_SHARE = 0.9;

export type RolloutStage = {
  /** e.g. 'pilot', 'sprint', 'all'. */
  id: string;
  branches: string[];
};

/**
 * Default stages: `pilot` (the pilot's treatment branches), `sprint` (the pilot's 2k branches,
 * then the others by size, largest first, up to `sprintShare` of all branches, at least 2k) and
 * `all` (every branch). A stage no larger than the one before, or a sprint as large as `all`, is left out.
 */
export function defaultRolloutStages(
  selection: Pick<BranchSelection, 'pilot' | 'control'>,
  branches: readonly BranchInfo[],
  sprintShare = 0.5,
): RolloutStage[] {
  const chosen = [...selection.pilot, ...selection.control];
  const rest = branches
    .filter((b) => !chosen.includes(b.name))
    .sort((a, b) => b.customers - a.customers || a.name.localeCompare(b.name))
    .map((b) => b.name);
  const sprintSize = Math.max(chosen.length, Math.ceil(sprintShare * branches.length));
  const stages: RolloutStage[] = [];
  if (selection.pilot.length > 0) stages.push({ id: 'pilot', branches: [...selection.pilot] });
  if (sprintSize > selection.pilot.length && sprintSize < branches.length) {
    stages.push({ id: 'sprint', branches: [...chosen, ...rest].slice(0, sprintSize) });
  }
  if (branches.length > selection.pilot.length)
    stages.push({ id: 'all', branches: branches.map((b) => b.name) });
  return stages;
}

export type RolloutOptions = {
  replications: number;
  /** Horizon; default the scenario's. */
  weeks?: number;
  /** One customer holdout share for every strategy; default each strategy's own (customer level), else 0.1. */
  holdoutShare?: number;
  /** Scale budgets by the stage's share of customers (default true). */
  isBudgetScaled?: boolean;
};

/** The customer holdout a strategy keeps in a rollout: its own (or the override), at least 5%. */
export function rolloutHoldoutShare(strategy: Strategy, override?: number): number {
  const own = strategy.holdout.level === 'customer' ? strategy.holdout.share : DEFAULT_ROLLOUT_HOLDOUT;
  return Math.min(0.5, Math.max(MIN_ROLLOUT_HOLDOUT, override ?? own));
}

/** The scenario of one rollout stage: restricted to its branches, customer-level holdout, budgets scaled. */
export function rolloutScenario(
  scenario: Scenario,
  stage: RolloutStage,
  branches: readonly BranchInfo[],
  opts: RolloutOptions,
): Scenario {
  const known = new Set(branches.map((b) => b.name));
  const unknown = stage.branches.filter((b) => !known.has(b));
  if (unknown.length > 0) {
    throw new PlannerInputError(`stages[${stage.id}].branches`, unknown.join(', '), 'not-branches', {
      example: branches[0]?.name ?? 'B01',
    });
  }
  return restrictToBranches(scenario, stage.branches, {
    holdout: (st) => ({ level: 'customer', share: rolloutHoldoutShare(st, opts.holdoutShare) }),
    weeks: opts.weeks,
    replications: opts.replications,
    budgetScale: opts.isBudgetScaled === false ? 1 : customerShare(branches, stage.branches),
  });
}

export type StrategyForecast = {
  id: string;
  label: LocalText;
  holdoutShare: number;
  targetedTreatment: number;
  targetedControl: number;
  /** Conversion rate (share) of targeted customers, by arm. */
  conversionTreatment: Stat;
  conversionControl: Stat;
  /** Conversion uplift vs the holdout, percentage points. */
  upliftPp: UpliftStat;
  newMoneyUpliftPerCustomerCny: UpliftStat;
  /** Net new money uplift × treated customers, CNY. */
  newMoneyUpliftTotalCny: UpliftStat;
  costCny: Stat;
  roi: Stat & { pAbove1: number };
};

export type CapacityCheck = {
  channelId: string;
  label: LocalText;
  staff: 'wealth_manager' | 'remote_agent' | 'none';
  /** Attempts per replication over the horizon. */
  attempts: Stat;
  /** Attempts the stage's staff (or the bank-wide cap) allow over the horizon. */
  availableAttempts: number;
  /** Mean attempts / available. */
  usedShare: number;
  /** 95th percentile of attempts / available. */
  usedShareP95: number;
  /** Leads dropped because the queue was too long (mean per replication). */
  leadsDropped: number;
  /** usedShare above {@link CAPACITY_FLAG_SHARE}. */
  isOverloaded: boolean;
};

export type RolloutForecast = {
  stageId: string;
  branches: string[];
  customers: number;
  weeks: number;
  replications: number;
  strategies: StrategyForecast[];
  capacity: CapacityCheck[];
  hasCapacityFlag: boolean;
};

const scaled = <T extends Stat>(s: T, k: number): T => ({
  ...s,
  mean: s.mean * k,
  median: s.median * k,
  p05: s.p05 * k,
  p95: s.p95 * k,
  sd: s.sd * k,
});

/**
 * A stage's forecast from its run: per strategy, 90% intervals (p05–p95 over replications) of
 * conversion, uplift vs the holdout, net new money, cost and ROI; per capacity-bound channel,
 * attempts against what the stage's staff can do (headcount of its branches × attempts per
 * person-week × weeks; a bank-wide cap × weeks), flagged above 90%. The engine's own
 * capacityUsedShare divides by every branch's staff, which understates use in a partial rollout.
 */
export function rolloutForecast(
  scenario: Scenario,
  summary: RunSummary,
  stage: RolloutStage,
  branches: readonly BranchInfo[],
): RolloutForecast {
  const inStage = branches.filter((b) => stage.branches.includes(b.name));
  const weeks = scenario.calendar.weeks;
  const strategies = summary.strategies.map(
    (st): StrategyForecast => ({
      id: st.id,
      label: st.label,
      holdoutShare: st.holdoutShare,
      targetedTreatment: st.funnelTreatment.targeted,
      targetedControl: st.funnelControl.targeted,
      conversionTreatment: st.conversionRate.treatment,
      conversionControl: st.conversionRate.control,
      upliftPp: scaled(st.conversionRate.uplift, 100),
      newMoneyUpliftPerCustomerCny: st.newMoneyPerCustomerCny.uplift,
      newMoneyUpliftTotalCny: st.newMoneyUpliftTotalCny,
      costCny: st.cost.totalCny,
      roi: st.roi,
    }),
  );
  const capacity: CapacityCheck[] = [];
  scenario.channels.forEach((c, ci) => {
    if (!c.capacity) return;
    const use = summary.channels[ci];
    const perWeek =
      c.capacity.staff === 'none'
        ? c.capacity.attemptsPerWeek
        : inStage.reduce(
            (a, b) => a + (c.capacity!.staff === 'wealth_manager' ? b.wealthManagers : b.remoteAgents),
            0,
          ) * (c.capacity as { attemptsPerStaffPerWeek: number }).attemptsPerStaffPerWeek;
    const available = perWeek * weeks;
    const usedShare = available > 0 ? use.attempts.mean / available : Number.NaN;
    capacity.push({
      channelId: c.id,
      label: c.label ?? c.id,
      staff: c.capacity.staff,
      attempts: use.attempts,
      availableAttempts: available,
      usedShare,
      usedShareP95: available > 0 ? use.attempts.p95 / available : Number.NaN,
      leadsDropped: use.leadsDropped.mean,
      isOverloaded: usedShare > CAPACITY_FLAG_SHARE,
    });
  });
  return {
    stageId: stage.id,
    branches: [...stage.branches],
    customers: inStage.reduce((a, b) => a + b.customers, 0),
    weeks,
    replications: summary.replicationsDone,
    strategies,
    capacity,
    hasCapacityFlag: capacity.some((c) => c.isOverloaded),
  };
}

/** Runs each stage's scenario in turn with `run` and forecasts it. */
export async function forecastRollout(
  scenario: Scenario,
  branches: readonly BranchInfo[],
  stages: readonly RolloutStage[],
  opts: RolloutOptions & { seed: string },
  run: PilotRunner,
): Promise<RolloutForecast[]> {
  const weeks = opts.weeks ?? scenario.calendar.weeks;
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS)) {
    throw new PlannerInputError('weeks', weeks, 'not-a-horizon', { max: MAX_WEEKS });
  }
  if (!(Number.isInteger(opts.replications) && opts.replications >= 2)) {
    throw new PlannerInputError('replications', opts.replications, 'too-few-replications-interval');
  }
  const out: RolloutForecast[] = [];
  for (const [index, stage] of stages.entries()) {
    const s = rolloutScenario(scenario, stage, branches, { ...opts, weeks });
    const settings: RunSettings = { seed: opts.seed, replications: opts.replications };
    const { summary } = await run(s, settings, { index, count: stages.length });
    out.push(rolloutForecast(s, summary, stage, branches));
  }
  return out;
}
