// Input errors of calibration and pilot-data as codes with parameters (messages/ words them under
// `calibration.`), so the CLI and the studio say them in their language.
export const CALIBRATION_ERROR_CODES = [
  'unknown-strategy',
  'unknown-param',
  'param-not-variable',
  'no-params',
  'no-summaries',
  'param-fixed',
  'too-few-particles',
  'calibrated-mismatch',
] as const;
export type CalibrationErrorCode = (typeof CALIBRATION_ERROR_CODES)[number];

export class CalibrationError extends Error {
  readonly code: CalibrationErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: CalibrationErrorCode, params: Record<string, string | number> = {}) {
    // The message is for logs; people read messages/ calibrationErrorText.
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'CalibrationError';
    this.code = code;
    this.params = params;
  }
}
