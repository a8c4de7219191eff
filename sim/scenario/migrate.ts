// The seam for future versions: every loader goes unknown → migrate → validate.
import { type ScenarioIssue, showValue } from './issues';
import { SCENARIO_KIND, SCENARIO_VERSION } from './schema';

export type MigrateResult =
  | { ok: true; value: unknown; migratedFrom?: number }
  | { ok: false; issues: ScenarioIssue[] };

/** Steps from version N to N+1, keyed by N. Version 1 is the first; a bump adds a step and a fixture. */
const STEPS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Bring a parsed scenario document up to the current version (pure; the input is not changed). */
export function migrate(doc: unknown): MigrateResult {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          path: '',
          message: `${showValue(doc)}; expected a JSON object (a Sandtable scenario)`,
        },
      ],
    };
  }
  const obj = doc as Record<string, unknown>;
  if (obj.kind !== SCENARIO_KIND) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          path: 'kind',
          message: `${showValue(obj.kind)}; expected "${SCENARIO_KIND}" (is this a Sandtable scenario file?)`,
        },
      ],
    };
  }
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          path: 'version',
          message: `${showValue(version)}; expected a whole number from 1 to ${SCENARIO_VERSION}`,
        },
      ],
    };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          path: 'version',
          message: `${version}; this Sandtable reads versions up to ${SCENARIO_VERSION} (the file was made by a newer release)`,
        },
      ],
    };
  }
  let cur = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  for (let v = version; v < SCENARIO_VERSION; v++) cur = { ...STEPS[v](cur), version: v + 1 };
  return { ok: true, value: cur, migratedFrom: version === SCENARIO_VERSION ? undefined : version };
}
