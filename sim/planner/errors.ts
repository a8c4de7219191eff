// Input errors of the planner, as codes: the input, the value and what was wrong, with the
// numbers the words need. messages/ words them (en, zh-CN), so a CLI or a form shows them in its
// language (and may swap the input name for its own label or flag).
import type { MessageParams } from '../scenario/issue-codes';

export const PLANNER_ERROR_CODES = [
  'not-branches',
  'no-branches',
  'not-a-horizon',
  'too-few-replications-interval',
  'too-few-replications-power',
  'too-few-branches-branch',
  'too-few-branches-customer',
  'more-branches-than-scenario',
  'more-branches-than-available',
  'not-whole-branches',
  'not-a-holdout-share',
  'not-a-difference',
  'shares-mismatch',
  'not-a-count',
  'not-a-planned-share',
  'counts-nobody',
  'power-missing',
  'size-open',
  'size-open-cluster',
  'over-determined',
  'not-one-size',
  'accrual-needs-branches',
  'too-few-clusters',
  'too-few-per-branch',
  'icc-caps-power',
  'equals-control',
  'size-too-small',
  'not-a-probability',
  'out-of-range',
  'not-a-level',
  'unreachable-power',
  'not-an-icc',
  'no-answer',
] as const;

export type PlannerErrorCode = (typeof PLANNER_ERROR_CODES)[number];

/** A planner input that is out of range, or a design that cannot reach the target power. */
export class PlannerInputError extends Error {
  /** The input's field name in `PlanInput` (e.g. `pControl`, `clustersPerArm`). */
  readonly input: string;
  /** The offending value as given (null: missing). */
  readonly value: string | number | null;
  readonly code: PlannerErrorCode;
  /** The numbers the message needs besides the value. */
  readonly params: MessageParams;

  constructor(input: string, value: unknown, code: PlannerErrorCode, params: MessageParams = {}) {
    // The message is for logs; people read messages/ plannerErrorText.
    super(`${input}: ${String(value ?? 'missing')} (${code})`);
    this.name = 'PlannerInputError';
    this.input = input;
    this.value =
      typeof value === 'number' || typeof value === 'string' ? value : value == null ? null : String(value);
    this.code = code;
    this.params = params;
  }
}

/** Throws unless `p` is a probability strictly inside (0, 1). */
export function checkProbability(input: string, p: number): void {
  if (!(p > 0 && p < 1)) throw new PlannerInputError(input, p, 'not-a-probability');
}

/** Throws unless `x` is a finite number greater than `min` (or at least `min` when `isInclusive`). */
export function checkAbove(input: string, x: number, min: number, isInclusive = false): void {
  const ok = Number.isFinite(x) && (isInclusive ? x >= min : x > min);
  if (!ok) throw new PlannerInputError(input, x, 'out-of-range', { relation: isInclusive ? '≥' : '>', min });
}

/** Throws unless α is in (0, 1). */
export function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new PlannerInputError('alpha', alpha, 'not-a-level');
}

/** Throws unless the target power is in (α, 1): a power ≤ α is met by any test, even with no effect. */
export function checkPower(power: number, alpha: number): void {
  if (!(power > alpha && power < 1))
    throw new PlannerInputError('power', power, 'unreachable-power', { alpha });
}

/** Throws unless the intracluster correlation is in [0, 1). */
export function checkIcc(icc: number): void {
  if (!(icc >= 0 && icc < 1)) throw new PlannerInputError('icc', icc, 'not-an-icc');
}
