// Turning zod issues into messages a scenario author can act on: the path, the value found
// and what was expected, with "did you mean" for misspelt keys.
import type { z } from 'zod';
import { formatPath, type SourceLocation } from './json-locate';

export type Severity = 'error' | 'warning';

export type ScenarioIssue = {
  severity: Severity;
  /** Formatted path, e.g. `strategies[1].journey.steps[2].channel` ('' for the whole file). */
  path: string;
  message: string;
  line?: number;
  column?: number;
};

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

/** `"wechat2" is not a channel; known: app_push, sms (did you mean "wechat"?)` */
export function unknownRefMessage(value: string, what: string, known: readonly string[]): string {
  const guess = didYouMean(value, known);
  const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
  return `${JSON.stringify(value)} is not ${what}; known: ${list || '(none)'}${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

export function showValue(v: unknown): string {
  if (v === undefined) return 'missing';
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

function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const article: Record<string, string> = {
        number: 'a number',
        string: 'a string',
        object: 'an object',
        array: 'a list',
        boolean: 'true or false',
        int: 'a whole number',
      };
      return `expected ${article[issue.expected] ?? issue.expected}`;
    }
    case 'too_small': {
      const inc = issue.inclusive ? 'at least' : 'more than';
      if (issue.origin === 'array') return `expected ${inc} ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return `expected ${inc} ${issue.minimum} character(s)`;
      return `expected a number ${inc} ${issue.minimum}`;
    }
    case 'too_big': {
      const inc = issue.inclusive ? 'at most' : 'less than';
      if (issue.origin === 'array') return `expected ${inc} ${issue.maximum} item(s)`;
      return `expected a number ${inc} ${issue.maximum}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((x) => JSON.stringify(x)).join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.format === 'date' ? 'an ISO date like 2026-01-05' : `a ${issue.format}`}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    default:
      return issue.message;
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
        const guess = didYouMean(key, known);
        out.push({
          severity: 'error',
          path: formatPath([...issue.path, key].map((p) => (typeof p === 'symbol' ? String(p) : p))),
          message: `unknown key ${JSON.stringify(key)}${guess ? ` (did you mean "${guess}"?)` : ''}; known keys here: ${known.join(', ')}`,
        });
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
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(root, issue.path);
    if (issue.code === 'invalid_union' && value && typeof value === 'object' && 'type' in value) {
      out.push({
        severity: 'error',
        path: formatPath([...path, 'type']),
        message: `${showValue((value as { type: unknown }).type)} is not a known type here`,
      });
      continue;
    }
    const found = value === undefined ? 'missing' : showValue(value);
    out.push({ severity: 'error', path: formatPath(path), message: `${found}; ${describeExpected(issue)}` });
  }
  return out;
}

/** One line per issue: `file:line:col: error: path: message`. */
export function formatIssue(issue: ScenarioIssue, source?: string): string {
  const where = [source, issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : undefined]
    .filter(Boolean)
    .join(':');
  const path = issue.path ? `${issue.path}: ` : '';
  return `${where ? `${where}: ` : ''}${issue.severity}: ${path}${issue.message}`;
}

export function attachLocations(
  issues: ScenarioIssue[],
  locations: Map<string, SourceLocation>,
): ScenarioIssue[] {
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    // Walk up the path until a located ancestor is found (a missing key sits in its parent).
    let p = issue.path;
    for (;;) {
      const loc = locations.get(p);
      if (loc) return { ...issue, line: loc.line, column: loc.column };
      if (p === '') return issue;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? '' : p.slice(0, cut);
    }
  });
}
