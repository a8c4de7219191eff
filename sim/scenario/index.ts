// Loading a scenario: text → JSON (with line/column on syntax errors) → migrate → zod schema
// → cross-field checks. Every error names the path, the value and what was expected.
import { crossCheck } from './cross-check';
import type { IssueCode, MessageParams } from './issue-codes';
import { attachLocations, fromZodIssues, issueAt, type ScenarioIssue } from './issues';
import { findStructureExcess, type SourceLocation, scanJson } from './json-locate';
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

/** Validate an already-parsed document (migrating older versions first); never throws. */
export function validateScenario(doc: unknown): LoadResult {
  try {
    const r = validateDocument(doc);
    return r.ok ? { ...r, warnings: capped(r.warnings) } : { ok: false, issues: capped(r.issues) };
  } catch (e) {
    return fileIssue('file.invalid', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function validateDocument(doc: unknown): LoadResult {
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

/** Files larger than this are refused before parsing (the studio and the CLI alike; the CLI can raise it). */
export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;
/** Objects and arrays nested deeper than this are refused before parsing (the examples nest 7 deep). */
export const MAX_JSON_DEPTH = 64;
/**
 * Files with more values than this are refused before parsing (the largest example has about
 * 640). Validation costs one issue per wrong value, and zod gathers a container's issues with
 * `push(...issues)`, which overflows the stack past about 120,000: the limit keeps both small.
 */
export const MAX_JSON_VALUES = 20_000;
/** At most this many issues are reported; the last one says how many more there were. */
export const MAX_ISSUES = 200;

export type LoadLimits = { maxBytes?: number; maxDepth?: number; maxValues?: number };

const MB = 1024 * 1024;

function fileIssue(
  code: IssueCode,
  params: MessageParams = {},
  where: SourceLocation = { line: 1, column: 1 },
): LoadResult {
  return { ok: false, issues: [{ ...issueAt('error', '', code, params), ...where }] };
}

/**
 * Parse and validate scenario text; issues carry line and column in the text. Size, nesting and
 * the number of values are bounded before parsing; any failure, whatever the input, is an issue
 * and never a throw.
 */
export function loadScenarioText(text: string, limits: LoadLimits = {}): LoadResult {
  const maxBytes = limits.maxBytes ?? MAX_SCENARIO_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxValues = limits.maxValues ?? MAX_JSON_VALUES;
  // UTF-16 units never outnumber UTF-8 bytes, so this refuses nothing the byte limit allows.
  if (text.length > maxBytes)
    return fileIssue('file.too-large', { maxMb: Number((maxBytes / MB).toFixed(1)) });
  try {
    const excess = findStructureExcess(text, { maxDepth, maxValues });
    if (excess?.limit === 'depth') return fileIssue('file.too-deep', { max: maxDepth }, excess.location);
    if (excess) return fileIssue('file.too-many-values', { max: maxValues }, excess.location);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      const scan = scanJson(text, []);
      if (scan.ok) return fileIssue('json.invalid');
      return fileIssue(scan.error.code, scan.error.params, scan.location);
    }
    const result = validateDocument(doc);
    const issues = result.ok ? result.warnings : result.issues;
    // The locator runs only when there is something to locate: it never rescans a valid file.
    if (issues.length === 0) return result;
    const scan = scanJson(
      text,
      issues.map((i) => i.path),
    );
    const located = capped(scan.ok ? byLine(attachLocations(issues, scan.locations)) : issues);
    return result.ok ? { ...result, warnings: located } : { ok: false, issues: located };
  } catch (e) {
    return fileIssue('file.invalid', { detail: e instanceof Error ? e.message : String(e) });
  }
}

/** The first MAX_ISSUES - 1 issues and one that counts the rest. */
function capped(issues: ScenarioIssue[]): ScenarioIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES + 1;
  const severity = issues[MAX_ISSUES - 1].severity;
  return [...issues.slice(0, MAX_ISSUES - 1), issueAt(severity, '', 'file.more-issues', { count: rest })];
}

/** Issues in file order (stable for those without a location). */
function byLine(issues: ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
