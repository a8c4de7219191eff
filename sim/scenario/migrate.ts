// The seam for future versions: every loader goes unknown → migrate → validate.
import { issueAt, type ScenarioIssue, showValue } from './issues';
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
      issues: [issueAt('error', '', 'file.not-object', { found: showValue(doc) })],
    };
  }
  const obj = doc as Record<string, unknown>;
  if (obj.kind !== SCENARIO_KIND) {
    return {
      ok: false,
      issues: [
        issueAt('error', 'kind', 'file.wrong-kind', { found: showValue(obj.kind), kind: SCENARIO_KIND }),
      ],
    };
  }
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [
        issueAt('error', 'version', 'file.bad-version', { found: showValue(version), max: SCENARIO_VERSION }),
      ],
    };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      issues: [issueAt('error', 'version', 'file.newer-version', { version, max: SCENARIO_VERSION })],
    };
  }
  // Nothing to change at the current version: no copy (a JSON round trip would also turn 1e309,
  // parsed as Infinity, into null and hide what the file says).
  if (version === SCENARIO_VERSION) return { ok: true, value: obj };
  let cur = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  for (let v = version; v < SCENARIO_VERSION; v++) cur = { ...STEPS[v](cur), version: v + 1 };
  return { ok: true, value: cur, migratedFrom: version };
}
