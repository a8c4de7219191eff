// Text → JSON → validator, with every issue located (line, column) in the text: the loading path
// of lessons, challenges and answer files, as scenario files have it.
import { attachLocations, issueAt, type ScenarioIssue } from '../scenario/issues';
import { scanJson } from '../scenario/json-locate';

export type Loaded<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

/** Parse `text` and validate it; a JSON syntax error or a validation issue carries its position. */
export function loadJsonWith<T>(text: string, validate: (doc: unknown) => Loaded<T>): Loaded<T> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const scan = scanJson(text, []);
    const at = scan.ok ? {} : { line: scan.location.line, column: scan.location.column };
    const m = scan.ok ? { code: 'json.invalid' as const, params: {} } : scan.error;
    return { ok: false, issues: [{ ...issueAt('error', '', m.code, m.params), ...at }] };
  }
  const r = validate(doc);
  if (r.ok) return r;
  const scan = scanJson(
    text,
    r.issues.map((i) => i.path),
  );
  return { ok: false, issues: scan.ok ? attachLocations(r.issues, scan.locations) : r.issues };
}
