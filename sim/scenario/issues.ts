// Turning zod issues into issues a scenario author can act on: the path, the value found and
// what was expected, with "did you mean" for misspelt keys. Issues are codes with parameters;
// messages/ words them (en, zh-CN) for the studio and the CLI.
import type { z } from 'zod';
import { formatPath, parentPath } from './doc-path';
import type { IssueCode, IssueMessage, MessageParams, RefKind } from './issue-codes';
import type { SourceLocation } from './json-locate';

export type Severity = 'error' | 'warning';

export type ScenarioIssue = IssueMessage & {
  severity: Severity;
  /** Formatted path, e.g. `strategies[1].journey.steps[2].channel` ('' for the whole file). */
  path: string;
  line?: number;
  column?: number;
};

/** An issue at `path`. */
export function issueAt(
  severity: Severity,
  path: string,
  code: IssueCode,
  params: MessageParams = {},
): ScenarioIssue {
  return { severity, path, code, params };
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest known name, if it is close enough to be a likely typo. */
export function didYouMean(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(value.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** `"wechat2" is not a channel; known: app_push, sms (did you mean "wechat"?)` as a message. */
export function unknownRef(value: string, what: RefKind, known: readonly string[]): IssueMessage {
  return {
    code: 'ref.unknown',
    params: { value, what, known: [...known], guess: didYouMean(value, known) ?? null },
  };
}

/** A value as the document holds it (JSON, cut at 60 characters); null when it is missing. */
export function showValue(v: unknown): string | null {
  if (v === undefined) return null;
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

/** The object schema's known keys at `path`, following defaults, optionals, arrays and unions. */
function knownKeysAt(schema: AnySchema, path: ReadonlyArray<PropertyKey>, value: unknown): string[] {
  let s: AnySchema | undefined = schema;
  let v: unknown = value;
  const unwrap = () => {
    for (let guard = 0; s && guard < 10; guard++) {
      const t = s.def.type;
      if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'prefault' || t === 'readonly') {
        s = s.def.innerType as AnySchema;
      } else if (t === 'pipe') {
        s = s.def.in as AnySchema;
      } else if (t === 'union') {
        const options = s.def.options as AnySchema[];
        const disc = s.def.discriminator as string | undefined;
        const obj = v as Record<string, unknown> | undefined;
        const match = options.find((o) => {
          if (o.def.type !== 'object') return false;
          const shape = (o as unknown as { shape: Record<string, AnySchema> }).shape;
          if (disc && obj && typeof obj === 'object') {
            const lit = shape[disc]?.def as { values?: unknown[] } | undefined;
            return lit?.values?.includes(obj[disc]) ?? false;
          }
          return obj && typeof obj === 'object' ? Object.keys(obj).some((k) => k in shape) : false;
        });
        s = match ?? options.find((o) => o.def.type === 'object');
      } else break;
    }
  };
  unwrap();
  for (const seg of path) {
    if (!s) return [];
    if (s.def.type === 'object') {
      s = (s as unknown as { shape: Record<string, AnySchema> }).shape[String(seg)];
    } else if (s.def.type === 'array') {
      s = s.def.element as AnySchema;
    } else if (s.def.type === 'record') {
      s = s.def.valueType as AnySchema;
    } else return [];
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg as string] : undefined;
    unwrap();
  }
  if (s && s.def.type === 'object') return Object.keys((s as unknown as { shape: object }).shape);
  return [];
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/** The code and parameters of a zod issue (besides unknown keys and unions), naming what was expected. */
function zodIssueMessage(issue: z.core.$ZodIssue, found: string | null): IssueMessage {
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'schema.invalid-type', params: { found, expected: issue.expected } };
    case 'too_small': {
      const params = { found, isInclusive: Boolean(issue.inclusive), bound: Number(issue.minimum) };
      if (issue.origin === 'array') return { code: 'schema.too-few-items', params };
      if (issue.origin === 'string') return { code: 'schema.too-short', params };
      return { code: 'schema.too-small', params };
    }
    case 'too_big': {
      const params = { found, isInclusive: Boolean(issue.inclusive), bound: Number(issue.maximum) };
      if (issue.origin === 'array') return { code: 'schema.too-many-items', params };
      return { code: 'schema.too-big', params };
    }
    case 'invalid_value':
      return {
        code: 'schema.not-one-of',
        params: { found, values: issue.values.map((x) => JSON.stringify(x)) },
      };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'schema.not-a-date', params: { found } };
      // The schema's one pattern is the id pattern; it names its own code as the message.
      if (issue.message === 'schema.not-an-id') return { code: 'schema.not-an-id', params: { found } };
      return { code: 'schema.bad-format', params: { found, format: issue.format } };
    case 'not_multiple_of':
      return { code: 'schema.not-multiple', params: { found, divisor: Number(issue.divisor) } };
    default:
      return { code: 'schema.other', params: { found, detail: issue.message } };
  }
}

/** Convert zod issues into scenario issues (errors), naming path, value and expectation. */
export function fromZodIssues(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema as AnySchema, issue.path, root);
      for (const key of issue.keys) {
        out.push(
          issueAt('error', formatPath([...issue.path, key]), 'schema.unknown-key', {
            key,
            guess: didYouMean(key, known) ?? null,
            known,
          }),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Report the branch errors that fit best (zod collects them per option).
      const nested = issue.errors.flat();
      if (nested.length > 0 && issue.errors.length > 0) {
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        out.push(
          ...fromZodIssues(
            schema,
            best.map((e) => ({ ...e, path: [...issue.path, ...e.path] })),
            root,
          ),
        );
        continue;
      }
    }
    const value = valueAt(root, issue.path);
    if (issue.code === 'invalid_union' && value && typeof value === 'object' && 'type' in value) {
      out.push(
        issueAt('error', formatPath([...issue.path, 'type']), 'schema.unknown-type', {
          found: showValue((value as { type: unknown }).type),
        }),
      );
      continue;
    }
    // JSON.parse turns 1e309 into Infinity, which JSON.stringify would show as null.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      out.push(issueAt('error', formatPath(issue.path), 'schema.number-out-of-range'));
      continue;
    }
    const { code, params } = zodIssueMessage(issue, showValue(value));
    out.push(issueAt('error', formatPath(issue.path), code, params));
  }
  return out;
}

export function attachLocations(
  issues: ScenarioIssue[],
  locations: Map<string, SourceLocation>,
): ScenarioIssue[] {
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    // Walk up the path until a located ancestor is found (a missing key sits in its parent).
    for (let p: string | null = issue.path; p !== null; p = parentPath(p)) {
      const loc = locations.get(p);
      if (loc) return { ...issue, line: loc.line, column: loc.column };
    }
    return issue;
  });
}
