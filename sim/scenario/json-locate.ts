// A small JSON scanner used next to JSON.parse: it finds where a syntax error is (line and
// column, which JSON.parse does not report on every platform) and where each value sits, so
// validation errors can point at the line in the file.
import { formatPath } from './doc-path';
import type { IssueCode, IssueMessage, MessageParams } from './issue-codes';

export type SourceLocation = { line: number; column: number };

export type JsonScan =
  | { ok: true; locations: Map<string, SourceLocation> }
  | { ok: false; error: IssueMessage; location: SourceLocation };

class JsonSyntax extends Error {
  constructor(
    readonly code: IssueCode,
    readonly offset: number,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

function locate(text: string, offset: number): SourceLocation {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** Scan JSON text; on success return the location of every value by its formatted path. */
export function scanJson(text: string): JsonScan {
  const starts = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') i++;
      else break;
    }
  };
  /** What stands at the cursor: the character as JSON, or null at the end of the file. */
  const found = (): MessageParams => ({ found: i >= text.length ? null : JSON.stringify(text[i]) });
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === '\\') i += 2;
      else if (c === '\n') throw new JsonSyntax('json.unterminated-string-line', start);
      else i++;
    }
    throw new JsonSyntax('json.unterminated-string', start);
  };
  const value = (path: Array<string | number>): void => {
    ws();
    starts.set(formatPath(path), i);
    const c = text[i];
    const open = i;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new JsonSyntax('json.expected-key', i, found());
        const key = str();
        ws();
        if (text[i] !== ':') throw new JsonSyntax('json.expected-colon', i, found());
        i++;
        value([...path, key]);
        ws();
        if (text[i] === ',') {
          const comma = i;
          i++;
          ws();
          if (text[i] === '}') throw new JsonSyntax('json.trailing-comma-object', comma);
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        if (i >= text.length) throw new JsonSyntax('json.unclosed-object', open, locate(text, open));
        throw new JsonSyntax('json.expected-comma-object', i, found());
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        value([...path, k]);
        ws();
        if (text[i] === ',') {
          const comma = i;
          i++;
          ws();
          if (text[i] === ']') throw new JsonSyntax('json.trailing-comma-array', comma);
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        if (i >= text.length) throw new JsonSyntax('json.unclosed-array', open, locate(text, open));
        throw new JsonSyntax('json.expected-comma-array', i, found());
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) throw new JsonSyntax('json.expected-value', i, found());
    i += m[0].length;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value([]);
    ws();
    if (i < text.length) throw new JsonSyntax('json.trailing-content', i, found());
  } catch (e) {
    if (e instanceof JsonSyntax)
      return { ok: false, error: { code: e.code, params: e.params }, location: locate(text, e.offset) };
    throw e;
  }
  // Convert offsets to line/column in one pass.
  const byOffset = [...starts.entries()].sort((a, b) => a[1] - b[1]);
  const locations = new Map<string, SourceLocation>();
  let line = 1;
  let lastBreak = -1;
  let pos = 0;
  for (const [p, off] of byOffset) {
    for (; pos < off; pos++) {
      if (text.charCodeAt(pos) === 10) {
        line++;
        lastBreak = pos;
      }
    }
    locations.set(p, { line, column: off - lastBreak });
  }
  return { ok: true, locations };
}
