// The analytic side of the planner screen: form values → planPower inputs, the solved design, and
// the two curves (power vs branches per arm, MDE vs weeks). Pure; the screen only renders these.
import { plannerErrorText, type Translate } from '../../../messages/index';
import {
  type ClusterAnalysis,
  type PlanInput,
  PlannerInputError,
  type PlanResult,
  planPower,
} from '../../../sim/index';

export type OutcomeKind = 'binary' | 'mean';

/** The form: every field as the user typed it (a number, or undefined when empty). */
export type PlannerInputs = {
  outcome: OutcomeKind;
  /** How the pilot's test weighs branches: 'unweighted' (branch means, the simulated pilot's test) or 'weighted'. */
  analysis: ClusterAnalysis;
  /** Binary: control and treatment conversion rates (shares). */
  pControl?: number;
  pTreat?: number;
  /** Mean: the difference to detect and the customer SD (CNY). */
  delta?: number;
  sd?: number;
  alpha?: number;
  power?: number;
  icc?: number;
  cv?: number;
  /** Customers per branch who enter the pilot (m). */
  customersPerBranch?: number;
  /** Eligible customers a branch accrues per week. */
  accrualPerBranchWeek?: number;
};

export type InputKey = Exclude<keyof PlannerInputs, 'outcome' | 'analysis'>;

export const DEFAULT_INPUTS: PlannerInputs = {
  outcome: 'binary',
  analysis: 'unweighted',
  pControl: 0.05,
  pTreat: 0.07,
  delta: 1000,
  sd: 20000,
  alpha: 0.05,
  power: 0.8,
  icc: 0.01,
  cv: 0.6,
  customersPerBranch: 500,
  accrualPerBranchWeek: 60,
};

/** Which form field an input name of the planner (PlannerInputError.input) belongs to. */
export const FIELD_OF_INPUT: Record<string, InputKey> = {
  pControl: 'pControl',
  pTreat: 'pTreat',
  delta: 'delta',
  sd: 'sd',
  alpha: 'alpha',
  power: 'power',
  icc: 'icc',
  cv: 'cv',
  clusterSize: 'customersPerBranch',
  accrualPerBranchPerWeek: 'accrualPerBranchWeek',
};

/**
 * What is wrong with the inputs: 'required' (a field is empty), a planner input error (`planner`,
 * worded by the message catalogue in the studio's language), or another failure's message.
 */
export type FieldError = {
  field: InputKey | null;
  message: string;
  planner?: Pick<PlannerInputError, 'value' | 'code' | 'params'>;
};

/** The words of a field error; `required` is what to say for an empty field. */
export function fieldErrorText(error: FieldError, t: Translate, required: string): string {
  if (error.planner) return plannerErrorText(error.planner, t);
  return error.message === 'required' ? required : error.message;
}

export type Solved = { ok: true; result: PlanResult } | { ok: false; error: FieldError };

const REQUIRED: Record<OutcomeKind, InputKey[]> = {
  binary: ['pControl', 'pTreat', 'alpha', 'power', 'icc', 'cv', 'customersPerBranch'],
  mean: ['delta', 'sd', 'alpha', 'power', 'icc', 'cv', 'customersPerBranch'],
};

function missing(inputs: PlannerInputs): InputKey | null {
  return REQUIRED[inputs.outcome].find((k) => inputs[k] === undefined) ?? null;
}

function outcomeOf(inputs: PlannerInputs, withEffect: boolean): PlanInput['outcome'] {
  return inputs.outcome === 'binary'
    ? {
        kind: 'binary',
        pControl: inputs.pControl!,
        method: 'pooled',
        ...(withEffect ? { pTreat: inputs.pTreat! } : {}),
      }
    : { kind: 'mean', sd: inputs.sd!, ...(withEffect ? { delta: inputs.delta! } : {}) };
}

function fail(e: unknown): { ok: false; error: FieldError } {
  if (e instanceof PlannerInputError) {
    const planner = { value: e.value, code: e.code, params: e.params };
    return { ok: false, error: { field: FIELD_OF_INPUT[e.input] ?? null, message: e.message, planner } };
  }
  return { ok: false, error: { field: null, message: e instanceof Error ? e.message : String(e) } };
}

/**
 * Branches per arm for the target power at the given branch size (a branch-randomized t test,
 * df = 2(k − 1)), with the design effect and, with an accrual, the weeks to fill a branch.
 */
export function solveDesign(inputs: PlannerInputs): Solved {
  const gap = missing(inputs);
  if (gap) return { ok: false, error: { field: gap, message: 'required' } };
  try {
    const result = planPower({
      outcome: outcomeOf(inputs, true),
      alpha: inputs.alpha!,
      power: inputs.power!,
      test: 't',
      cluster: {
        icc: inputs.icc!,
        cv: inputs.cv!,
        clusterSize: inputs.customersPerBranch!,
        analysis: inputs.analysis,
      },
      ...(inputs.accrualPerBranchWeek !== undefined
        ? { accrualPerBranchPerWeek: inputs.accrualPerBranchWeek }
        : {}),
    });
    return { ok: true, result };
  } catch (e) {
    return fail(e);
  }
}

/** Power at k branches per arm of m customers (null where the planner refuses, e.g. k < 2). */
export function powerAt(inputs: PlannerInputs, k: number, m = inputs.customersPerBranch!): number | null {
  try {
    return planPower({
      outcome: outcomeOf(inputs, true),
      alpha: inputs.alpha!,
      test: 't',
      cluster: {
        icc: inputs.icc!,
        cv: inputs.cv!,
        clusterSize: m,
        clustersPerArm: k,
        analysis: inputs.analysis,
      },
    }).power;
  } catch {
    return null;
  }
}

/** MDE at k branches per arm of m customers: percentage points (binary) or CNY (mean); null when none exists. */
export function mdeAt(inputs: PlannerInputs, k: number, m: number): number | null {
  try {
    const r = planPower({
      outcome: outcomeOf(inputs, false),
      alpha: inputs.alpha!,
      power: inputs.power!,
      test: 't',
      cluster: {
        icc: inputs.icc!,
        cv: inputs.cv!,
        clusterSize: m,
        clustersPerArm: k,
        analysis: inputs.analysis,
      },
    });
    return inputs.outcome === 'binary' ? 100 * r.mdeDifference! : r.mde!;
  } catch {
    return null;
  }
}

export type CurvePoint = { x: number; y: number | null };

/** Power for 2 … max(2·k*, 10) branches per arm (k* the solved branches), at most 40 points. */
export function powerByBranches(inputs: PlannerInputs, solvedK: number): CurvePoint[] {
  const top = Math.min(200, Math.max(10, Math.ceil(2 * solvedK)));
  const step = Math.max(1, Math.ceil((top - 2) / 40));
  const out: CurvePoint[] = [];
  for (let k = 2; k <= top; k += step) out.push({ x: k, y: powerAt(inputs, k) });
  return out;
}

/**
 * MDE vs weeks at k branches per arm: a branch holds accrual × w customers after w weeks, for
 * w = 1 … max(2·(weeks to fill a branch), 12). Empty without an accrual.
 */
export function mdeByWeeks(inputs: PlannerInputs, k: number, solvedWeeks?: number): CurvePoint[] {
  const a = inputs.accrualPerBranchWeek;
  if (a === undefined || !(a > 0)) return [];
  const top = Math.min(104, Math.max(12, 2 * (solvedWeeks ?? 6)));
  const out: CurvePoint[] = [];
  for (let w = 1; w <= top; w++) out.push({ x: w, y: mdeAt(inputs, k, Math.max(1, a * w)) });
  return out;
}

/** Numbers for the design-effect sentence: DE, effective customers per branch and per arm. */
export function designEffectFacts(inputs: PlannerInputs, result: PlanResult) {
  const m = inputs.customersPerBranch!;
  const de = result.designEffect;
  return {
    m,
    icc: inputs.icc!,
    cv: inputs.cv!,
    de,
    effectivePerBranch: m / de,
    branches: result.clustersPerArmRounded ?? Math.ceil(result.clustersPerArm ?? 0),
    customersPerArm: result.nPerArmRounded ?? result.nPerArm,
    effectivePerArm: (result.nPerArmRounded ?? result.nPerArm) / de,
  };
}
