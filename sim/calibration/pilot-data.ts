// One simulated pilot as the bank would have observed it (pilot-data), and the pilot scenario an
// observed file implies (what calibrate simulates). The bank is the scenario's own population
// (built from its seed); a pilot's randomness is one replication of a long run on that seed, so
// observed data and calibration share the branches and differ only in what a pilot draws.
import { type BranchInfo, selectBranches } from '../planner/branch-selection';
import { pilotScenario } from '../planner/pilot-scenario';
import { hash32 } from '../rng/streams';
import type { RunSettings } from '../run-settings';
import type { Scenario } from '../scenario/schema';
import { CalibrationError } from './errors';
import type { CheckedPilot } from './observed-check';
import { ALL_BRANCHES, OBSERVED_COLUMNS, type ObservedPilot, type ObservedRow } from './observed-format';
import { recordBranches, recordTotals } from './summaries';

/** Replications of the long run on the scenario's seed that pilots are drawn from. */
export const PILOT_RUN_REPLICATIONS = 1_000_000;
/** Calibration simulates replications below this; pilot-data draws its replication at or above it. */
export const PILOT_DATA_FIRST = 500_000;

/** The run settings every pilot of `scenario` is a replication of (its seed, so its population). */
export function pilotRunSettings(scenario: Scenario): RunSettings {
  return { seed: String(scenario.monteCarlo.seed), replications: PILOT_RUN_REPLICATIONS };
}

/** The replication a pilot-data seed stands for (never one the calibration simulates). */
export function pilotDataReplication(seed: string): number {
  return PILOT_DATA_FIRST + (hash32(`pilot-data|${seed}`) % (PILOT_RUN_REPLICATIONS - PILOT_DATA_FIRST));
}

/** Plain sampling: a replication's draws then depend on its index alone (Latin hypercube strata would tie them to the run). */
function plain(s: Scenario): Scenario {
  return { ...s, monteCarlo: { ...s.monteCarlo, sampling: 'plain', replications: PILOT_RUN_REPLICATIONS } };
}

export type PilotDataDesign = {
  strategy: string;
  branchesPerArm: number;
  weeks: number;
  /** Draws the branches (stratified selection) and the replication. */
  seed: string;
};

/** The pilot scenario of pilot-data: 2K branches chosen (stratified, seeded), half held out by branch. */
export function pilotDataScenario(
  scenario: Scenario,
  design: PilotDataDesign,
  branches: readonly BranchInfo[],
): Scenario {
  if (!scenario.strategies.some((s) => s.id === design.strategy))
    throw new CalibrationError('unknown-strategy', {
      value: design.strategy,
      known: scenario.strategies.map((s) => s.id).join(', '),
    });
  const sel = selectBranches({
    branches,
    perArm: design.branchesPerArm,
    method: 'stratified',
    seed: design.seed,
  });
  return plain(
    pilotScenario(
      scenario,
      { branches: [...sel.pilot, ...sel.control], weeks: design.weeks, replications: PILOT_RUN_REPLICATIONS },
      branches,
    ),
  );
}

/** The pilot scenario an observed file implies: its branches, weeks and design (branch or customer holdout). */
export function observedPilotScenario(
  scenario: Scenario,
  pilot: CheckedPilot,
  branches: readonly BranchInfo[],
): Scenario {
  const names = [...new Set([...pilot.treatmentBranches, ...pilot.controlBranches])];
  const holdoutShare =
    pilot.level === 'customer'
      ? pilot.control.targeted / Math.max(1, pilot.control.targeted + pilot.treatment.targeted)
      : 0.5;
  return plain(
    pilotScenario(
      scenario,
      {
        branches: names,
        weeks: pilot.weeks,
        replications: PILOT_RUN_REPLICATIONS,
        level: pilot.level,
        holdoutShare,
      },
      branches,
    ),
  );
}

/**
 * What one simulated pilot observed, as an observed-pilot document: per branch and arm the
 * targeted customers, buyers and net new money (kept per branch by the engine), and per arm a `*`
 * row with the figures the engine keeps per arm only (reached, responded, Σ new money², products
 * gained, app-active customers) beside the same targeted, buyers and new money totals.
 */
export function observedFromRecord(
  pilot: Scenario,
  strategy: string,
  record: Float64Array,
  offset: number,
): ObservedPilot {
  const si = pilot.strategies.findIndex((s) => s.id === strategy);
  const at = { line: 0 };
  const rows: ObservedRow[] = recordBranches(pilot, record, offset, si).map((b) => ({
    ...b,
    week: null,
    reached: null,
    responded: null,
    netNewMoneySq: null,
    productsGained: null,
    activeAppUsers: null,
    at,
  }));
  const totals = recordTotals(pilot, record, offset, si);
  for (const arm of ['treatment', 'control'] as const)
    rows.push({ ...totals[arm], branch: ALL_BRANCHES, arm, week: null, at });
  return { strategy, startDate: pilot.calendar.startDate, weeks: pilot.calendar.weeks, rows };
}

/** Arm words as the CSV writes them, per header language. */
const ARM_TEXT = {
  en: { treatment: 'treatment', control: 'control' },
  'zh-CN': { treatment: '试点组', control: '对照组' },
} as const;

/** An observed pilot as CSV rows (header in English or Chinese; money rounded to fen). */
export function observedRows(p: ObservedPilot, lang: 'en' | 'zh-CN'): Array<Array<string | number | null>> {
  const cols = OBSERVED_COLUMNS.filter((c) => c.key !== 'week' || p.rows.some((r) => r.week !== null));
  const header = cols.map((c) => (lang === 'en' ? c.en : c.zh));
  const cell = (r: ObservedRow, key: string): string | number | null => {
    if (key === 'strategy') return p.strategy;
    if (key === 'startDate') return p.startDate;
    if (key === 'weeks') return p.weeks;
    if (key === 'arm') return ARM_TEXT[lang][r.arm];
    const v = (r as unknown as Record<string, string | number | null>)[key];
    if (typeof v === 'number' && (key === 'netNewMoneyCny' || key === 'netNewMoneySq'))
      return Math.round(v * 100) / 100;
    return v;
  };
  return [header, ...p.rows.map((r) => cols.map((c) => cell(r, c.key)))];
}
