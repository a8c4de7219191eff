// Errors of a sensitivity analysis, as codes with the numbers their words need; messages/ words
// them (en, zh-CN) for the CLI and the studio.
import type { IssueMessage, MessageParams } from '../scenario/issue-codes';

export const SENSITIVITY_ERROR_CODES = [
  'no-assumptions',
  'bad-point',
  'unknown-strategy',
  'unknown-output',
  'not-a-parameter',
  'empty-range',
] as const;
export type SensitivityErrorCode = (typeof SENSITIVITY_ERROR_CODES)[number];

/** A sensitivity input that cannot run: the code, its values, and (for a bad point) the scenario's issue. */
export class SensitivityError extends Error {
  constructor(
    readonly code: SensitivityErrorCode,
    readonly params: MessageParams = {},
    readonly issue?: IssueMessage & { path: string },
  ) {
    super(`sensitivity: ${code} ${JSON.stringify(params)}`);
  }
}
