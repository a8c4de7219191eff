// Input errors of the analytic planner. The message names the input, the value and what was
// expected, so a CLI or a form can show it as is (or swap the input name for its own label).

/** A planner input that is out of range, or a design that cannot reach the target power. */
export class PlannerInputError extends Error {
  /** The input's field name in `PlanInput` (e.g. `pControl`, `clustersPerArm`). */
  readonly input: string;
  /** The offending value as given. */
  readonly value: unknown;
  /** The message without the leading `input: ` label. */
  readonly detail: string;

  constructor(input: string, value: unknown, problem: string, expected: string) {
    const detail = `${String(value)} ${problem}; expected ${expected}`;
    super(`${input}: ${detail}`);
    this.name = 'PlannerInputError';
    this.input = input;
    this.value = value;
    this.detail = detail;
  }
}

/** Throws unless `p` is a probability strictly inside (0, 1). */
export function checkProbability(input: string, p: number): void {
  if (!(p > 0 && p < 1)) {
    throw new PlannerInputError(input, p, 'is not a probability', 'a number in (0, 1)');
  }
}

/** Throws unless `x` is a finite number greater than `min` (or at least `min` when `isInclusive`). */
export function checkAbove(input: string, x: number, min: number, isInclusive = false): void {
  const ok = Number.isFinite(x) && (isInclusive ? x >= min : x > min);
  if (!ok) {
    throw new PlannerInputError(
      input,
      x,
      'is out of range',
      `a finite number ${isInclusive ? '≥' : '>'} ${min}`,
    );
  }
}

/** Throws unless α is in (0, 1). */
export function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) {
    throw new PlannerInputError('alpha', alpha, 'is not a valid significance level', 'a number in (0, 1)');
  }
}

/** Throws unless the target power is in (α, 1): a power ≤ α is met by any test, even with no effect. */
export function checkPower(power: number, alpha: number): void {
  if (!(power > alpha && power < 1)) {
    throw new PlannerInputError(
      'power',
      power,
      'is not a reachable target power',
      `a number in (alpha = ${alpha}, 1)`,
    );
  }
}

/** Throws unless the intracluster correlation is in [0, 1). */
export function checkIcc(icc: number): void {
  if (!(icc >= 0 && icc < 1)) {
    throw new PlannerInputError('icc', icc, 'is not an intracluster correlation', 'a number in [0, 1)');
  }
}
