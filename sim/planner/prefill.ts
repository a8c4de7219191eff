// The analytic planner's inputs read from the open scenario, so the formula starts from the bank
// the simulation runs on instead of generic defaults.
import type { PopulationSummary, RunSummary } from '../results';
import type { Scenario } from '../scenario/schema';
import { sizeCv } from '../stats/icc';

export type PlannerPrefill = {
  strategyId: string;
  /** Branches in the bank: a design needs 2k of them. */
  branchCount: number;
  /** Customers of the strategy's segment per branch (its eligible customers), mean over branches. */
  customersPerBranch: number;
  /** CV (sample SD / mean) of branch sizes over the bank's branches. */
  cv: number;
  /** The scenario's horizon in weeks; the rates below are over this horizon. */
  weeks: number;
  /** Eligible customers per branch and week when the horizon's customers enter evenly. */
  accrualPerBranchWeek: number;
  /** Control and campaign conversion over the horizon, from a run of this scenario; null without one. */
  rates: { pControl: number; pTreat: number } | null;
  /**
   * ICC on the conversion scale implied by the branch effect: a normal effect with SD s on the
   * log-odds moves a branch's rate p by about p(1 − p)·u (delta method), so between-branch variance
   * ≈ (p(1 − p)·s)² and ICC = that / p(1 − p) = p(1 − p)·s² (Eldridge, Ukoumunne & Carlin 2009,
   * Int Stat Rev 77:378, on the ICC of a binary outcome from a logistic-normal model). The engine
   * applies the effect to campaign responses only, so this is an upper guide; the simulated pilot
   * measures the ICC itself.
   */
  icc: number;
};

/** Conversion rate used for the ICC when no run gives one. */
const FALLBACK_RATE = 0.05;

export function plannerPrefill(
  scenario: Scenario,
  population: Pick<PopulationSummary, 'branches' | 'segments'>,
  strategyIndex: number,
  run?: RunSummary,
): PlannerPrefill {
  const strategy = scenario.strategies[Math.min(strategyIndex, scenario.strategies.length - 1)];
  const branchCount = population.branches.length;
  const segment = population.segments?.find((s) => s.strategyId === strategy.id);
  const eligible = segment ? (segment.afterTopK ?? segment.matched).customers : 0;
  const customersPerBranch = branchCount > 0 ? eligible / branchCount : 0;
  const weeks = scenario.calendar.weeks;
  const ran = run?.strategies.find((s) => s.id === strategy.id);
  const rates = ran
    ? { pControl: ran.conversionRate.control.mean, pTreat: ran.conversionRate.treatment.mean }
    : null;
  const p = rates?.pControl ?? FALLBACK_RATE;
  const s = scenario.population.branches.effectSd;
  return {
    strategyId: strategy.id,
    branchCount,
    customersPerBranch,
    cv: sizeCv(population.branches.map((b) => b.customers)),
    weeks,
    accrualPerBranchWeek: customersPerBranch / weeks,
    rates,
    icc: p * (1 - p) * s * s,
  };
}
