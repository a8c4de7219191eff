// The shapes of a simulated pilot plan: design, per-point results, curves, notes and the report.
import type { RunSummary } from '../results';
import type { RunSettings } from '../run-settings';
import type { LocalText } from '../scenario/local-text';
import type { Scenario } from '../scenario/schema';
import type { IccEstimate } from '../stats/icc';
import type { BranchSelection, SelectionMethod, StratifyBy } from './branch-selection';
import type { PlannerInputError } from './errors';

/** The level and the power the simulated pilot is judged at (the engine tests at α = 0.05). */
export const PILOT_ALPHA = 0.05;
export const PILOT_TARGET_POWER = 0.8;
/** The longest calendar a scenario allows. */
export const MAX_WEEKS = 104;

export type HoldoutLevel = 'branch' | 'customer';
export type Holdout = { level: HoldoutLevel; share: number };

export type CurveCrossing = {
  /** Branches per arm (or weeks) where the curve reaches the target; null when it never does in the grid. */
  value: number | null;
  /** 'interpolated' between two grid points; 'at-most' when the first grid point already reaches it; 'beyond-grid' when no point does. */
  bound: 'interpolated' | 'at-most' | 'beyond-grid';
};

/** The analytic planner's answer for one outcome, or why it has none. */
export type AnalyticAnswer = {
  power: number | null;
  /** Conversion: percentage points; net new money: CNY per customer. */
  mde: number | null;
  designEffect: number | null;
  /** Why the formula has no answer: the planner's input error as data (messages/ words it). */
  error: AnalyticError | null;
};

/** A planner input error as plain data (it crosses the worker boundary with the report). */
export type AnalyticError = Pick<PlannerInputError, 'input' | 'value' | 'code' | 'params'>;

export const NOTE_CODES = [
  'agree',
  'small-k',
  'unequal-branches',
  'skewed-aum',
  'parameter-uncertainty',
  'rare-outcome',
  'noisy-icc',
  'unexplained',
] as const;

export type NoteCode = (typeof NOTE_CODES)[number];

/** A remark on simulated vs analytic power, as a code with numbers (the message catalogue words it). */
export type PilotNote = {
  outcome: 'conversion' | 'aum';
  code: NoteCode;
  /** Sign of simulated − analytic power when they disagree. */
  direction: 'lower' | 'higher' | 'same';
  params: Record<string, number>;
};

export type OutcomeResult = {
  /** Conversion: rate; net new money: CNY per customer. */
  control: number;
  treatment: number;
  /** Mean uplift (conversion in pp, net new money in CNY per customer). */
  uplift: number;
  /** SD over replications of the per-replication uplift: the simulated SE of the pilot's estimate. */
  upliftSd: number;
  /** Share of replications where the pilot's own test is significant at α = 0.05. */
  power: number;
  powerSe: number;
  /** MDE at 80% power ≈ (q₁₋α/₂ + q₀.₈) × upliftSd; same units as `uplift`. */
  mde: number;
  icc: IccEstimate;
  analytic: AnalyticAnswer;
};

export type PilotStrategyPoint = {
  id: string;
  label: LocalText;
  branchesPerArm: number;
  weeks: number;
  replications: number;
  targetedTreatment: number;
  targetedControl: number;
  /** Mean targeted customers per branch of the pilot (both arms). */
  customersPerBranch: number;
  conversion: OutcomeResult;
  aum: OutcomeResult & { customerSd: number };
  /** Share of replications whose arm sizes fail the SRM check (customer-level designs; null for branch designs). */
  srmFlagShare: number | null;
  notes: PilotNote[];
};

export type PointContext = {
  branchesPerArm: number;
  weeks: number;
  level: HoldoutLevel;
  holdoutShare: number;
  /** CV of the selected branches' sizes. */
  cv: number;
};

/** A run of a plan, read where it ran: the summary, and for a pilot point its per-strategy analysis. */
export type PilotRun = { summary: RunSummary; pilot: PilotStrategyPoint[] | null };

/**
 * Runs one scenario (all `settings.replications`) and reads it with `readPilotRun` where the
 * records are (a worker, a worker thread, or in-process), so they never cross to the caller.
 */
export type PilotRunner = (scenario: Scenario, settings: RunSettings, point: RunPoint) => Promise<PilotRun>;

/** Which of the runs of a plan this is (for progress); `pilot` asks for the pilot analysis of this point. */
export type RunPoint = { index: number; count: number; pilot?: PointContext };

export type PilotPlanOptions = {
  branchesPerArm: number;
  weeks: number;
  /** Replications per grid point. */
  replications: number;
  seed: string;
  method?: SelectionMethod;
  stratifyBy?: StratifyBy[];
  level?: HoldoutLevel;
  holdoutShare?: number;
  /** Default: pilotGrid(K, 2, ⌊branches/2⌋) and pilotGrid(W, 1, 104). */
  branchGrid?: number[];
  weekGrid?: number[];
};

export type CurvePoint = {
  branchesPerArm: number;
  weeks: number;
  customersPerArm: number;
  powerConversion: number;
  powerConversionSe: number;
  powerAum: number;
  powerAumSe: number;
  mdeConversionPp: number;
  mdeAumCny: number;
  analyticPowerConversion: number | null;
  analyticMdeConversionPp: number | null;
  analyticPowerAum: number | null;
  analyticMdeAumCny: number | null;
};

export type PilotStrategyPlan = {
  id: string;
  label: LocalText;
  /** Power vs branches per arm at the planned weeks. */
  byBranches: CurvePoint[];
  /** Power and MDE vs weeks at the planned branches per arm. */
  byWeeks: CurvePoint[];
  /** Everything at the planned design (K branches per arm, W weeks). */
  design: PilotStrategyPoint;
  /** Branches per arm for 80% power, interpolated on the curve. */
  branchesFor80: { conversion: CurveCrossing; aum: CurveCrossing };
};

export type PilotPlanReport = {
  scenarioName: string;
  seed: string;
  branchesPerArm: number;
  weeks: number;
  replications: number;
  level: HoldoutLevel;
  method: SelectionMethod;
  alpha: number;
  targetPower: number;
  grids: { branches: number[]; weeks: number[] };
  /** The branches at the planned design. */
  selection: BranchSelection;
  /** CV of branch sizes (customers) over all branches and over the selected 2K. */
  cv: { all: number; selected: number };
  /** How the simulated MDE is computed, as a code ('replication-sd'; messages/ words it). */
  mdeMethod: string;
  strategies: PilotStrategyPlan[];
};
