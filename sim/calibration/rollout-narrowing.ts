// What the pilot bought: the planner's rollout forecast run twice on the same seed, with the
// scenario's priors and with the calibrated ones (the posterior), and how much each band narrowed.

import type { BranchInfo } from '../planner/branch-selection';
import type { PilotRunner } from '../planner/pilot-types';
import { forecastRollout, type RolloutForecast, type RolloutStage } from '../planner/rollout';
import type { RunSummary, Stat } from '../results';
import type { LocalText } from '../scenario/local-text';
import type { Scenario } from '../scenario/schema';
import { CalibrationError } from './errors';

export type BandChange = {
  before: { mean: number; p05: number; p95: number };
  after: { mean: number; p05: number; p95: number };
  /** Width of the after band (p95 − p05) ÷ width of the before band. */
  widthRatio: number;
};

export type StrategyNarrowing = {
  id: string;
  label: LocalText;
  /** Conversion uplift vs the holdout, percentage points. */
  upliftPp: BandChange;
  /** Net new money uplift × treated customers, CNY. */
  newMoneyTotalCny: BandChange;
  roi: BandChange;
  /**
   * The same from each customer's own counterfactual (the engine's modelled effect): free of the
   * stage's randomized-comparison noise, so it shows what the priors contribute to the band.
   */
  modelled: { upliftPp: BandChange; newMoneyTotalCny: BandChange; roi: BandChange };
};

export type RolloutComparison = {
  stage: RolloutStage;
  before: RolloutForecast;
  after: RolloutForecast;
  strategies: StrategyNarrowing[];
};

const band = (s: Stat) => ({ mean: s.mean, p05: s.p05, p95: s.p95 });

function change(a: Stat, b: Stat): BandChange {
  const wa = a.p95 - a.p05;
  return { before: band(a), after: band(b), widthRatio: wa > 0 ? (b.p95 - b.p05) / wa : Number.NaN };
}

/** Per strategy, the before and after bands of one stage and their width ratio. */
export function rolloutNarrowing(
  before: RolloutForecast,
  after: RolloutForecast,
  summaries: { before: RunSummary; after: RunSummary },
): StrategyNarrowing[] {
  return before.strategies.map((b, i) => {
    const a = after.strategies[i];
    const mb = summaries.before.strategies[i].modelled;
    const ma = summaries.after.strategies[i].modelled;
    return {
      modelled: {
        upliftPp: change(mb.conversionUpliftPp, ma.conversionUpliftPp),
        newMoneyTotalCny: change(mb.newMoneyTotalCny, ma.newMoneyTotalCny),
        roi: change(mb.roi, ma.roi),
      },
      id: b.id,
      label: b.label,
      upliftPp: change(b.upliftPp, a.upliftPp),
      newMoneyTotalCny: change(b.newMoneyUpliftTotalCny, a.newMoneyUpliftTotalCny),
      roi: change(b.roi, a.roi),
    };
  });
}

/** The scenario without its priors, as text: a calibrated scenario differs from its original only there. */
function withoutPriors(s: Scenario): string {
  const { uncertainty: _u, compare: _c, meta: _m, ...rest } = s;
  return JSON.stringify(rest);
}

/**
 * The full rollout (every branch; the planner's rolloutScenario: customer holdout, budgets scaled)
 * forecast with the original scenario's priors and with the calibrated scenario's, on the same
 * seed and replications (common random numbers), and the narrowing of each band. The calibrated
 * scenario must be the original with other priors (as `calibrate --out` writes it).
 */
export async function compareRollouts(
  original: Scenario,
  calibrated: Scenario,
  branches: readonly BranchInfo[],
  opts: { replications: number; seed: string; weeks?: number },
  run: PilotRunner,
): Promise<RolloutComparison> {
  if (withoutPriors(original) !== withoutPriors(calibrated))
    throw new CalibrationError('calibrated-mismatch');
  const stage: RolloutStage = { id: 'all', branches: branches.map((b) => b.name) };
  const summaries: RunSummary[] = [];
  const forecast = async (s: Scenario, index: number) => {
    const [f] = await forecastRollout(s, branches, [stage], opts, async (stageScenario, settings) => {
      const r = await run(stageScenario, settings, { index, count: 2 });
      summaries[index] = r.summary;
      return r;
    });
    return f;
  };
  const before = await forecast(original, 0);
  const after = await forecast(calibrated, 1);
  const strategies = rolloutNarrowing(before, after, { before: summaries[0], after: summaries[1] });
  return { stage, before, after, strategies };
}
