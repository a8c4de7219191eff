// Loading a scenario: text → JSON (with line/column on syntax errors) → migrate → zod schema
// → cross-field checks. Every error names the path, the value and what was expected.
import { crossCheck } from './cross-check';
import { attachLocations, fromZodIssues, issueAt, type ScenarioIssue } from './issues';
import { scanJson } from './json-locate';
import { migrate } from './migrate';
import { type Scenario, ScenarioSchema } from './schema';

export {
  ISSUE_CODES,
  type IssueCode,
  type IssueMessage,
  type MessageParam,
  type MessageParams,
  REF_KINDS,
  type RefKind,
} from './issue-codes';
export type { ScenarioIssue, Severity } from './issues';
export * from './local-text';
export { migrate } from './migrate';
export { getParam, setParam } from './param-path';
export * from './schema';

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

/** Validate an already-parsed document (migrating older versions first). */
export function validateScenario(doc: unknown): LoadResult {
  const m = migrate(doc);
  if (!m.ok) return m;
  const parsed = ScenarioSchema.safeParse(m.value);
  if (!parsed.success)
    return { ok: false, issues: fromZodIssues(ScenarioSchema, parsed.error.issues, m.value) };
  const issues = crossCheck(parsed.data);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, scenario: parsed.data, warnings: issues };
}

/** Parse and validate scenario text; issues carry line and column in the text. */
export function loadScenarioText(text: string): LoadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const scan = scanJson(text);
    if (scan.ok)
      return { ok: false, issues: [{ ...issueAt('error', '', 'json.invalid'), line: 1, column: 1 }] };
    return { ok: false, issues: [{ severity: 'error', path: '', ...scan.error, ...scan.location }] };
  }
  const result = validateScenario(doc);
  const scan = scanJson(text);
  if (!scan.ok) return result;
  if (result.ok) return { ...result, warnings: byLine(attachLocations(result.warnings, scan.locations)) };
  return { ok: false, issues: byLine(attachLocations(result.issues, scan.locations)) };
}

/** Issues in file order (stable for those without a location). */
function byLine(issues: ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
