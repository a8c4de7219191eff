// A small JSON scanner used next to JSON.parse: it finds where a syntax error is (line and
// column, which JSON.parse does not report on every platform) and where given values sit, so
// validation errors can point at the line in the file. It is iterative (an explicit stack, so deep
// nesting cannot overflow the call stack) and linear in the text: a value's path is built only
// when it leads to a path that was asked for. Errors are codes with parameters (messages/ words them).
import { parentPath } from './doc-path';
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

/** `parent` extended by one key or index, as formatPath (doc-path.ts) writes it. */
function childPath(parent: string, seg: string | number): string {
  if (typeof seg === 'number') return `${parent}[${seg}]`;
  return parent === '' ? seg : `${parent}.${seg}`;
}

/** Every ancestor of each path (`a.b[2]` → `a.b[2]`, `a.b`, `a`, ``): the branches worth following. */
function withAncestors(paths: Iterable<string>): Set<string> {
  const out = new Set<string>(['']);
  for (const p of paths) {
    for (let cur: string | null = p; cur !== null && !out.has(cur); cur = parentPath(cur)) out.add(cur);
  }
  return out;
}

/** Line and column (1-based) of each offset, in one pass over the text up to the largest. */
function locateAll(text: string, offsets: readonly number[]): SourceLocation[] {
  const order = offsets.map((_, k) => k).sort((a, b) => offsets[a] - offsets[b]);
  const out = new Array<SourceLocation>(offsets.length);
  let line = 1;
  let lastBreak = -1;
  let pos = 0;
  for (const k of order) {
    const off = offsets[k];
    for (; pos < off && pos < text.length; pos++) {
      if (text.charCodeAt(pos) === 10) {
        line++;
        lastBreak = pos;
      }
    }
    out[k] = { line, column: off - lastBreak };
  }
  return out;
}

const locate = (text: string, offset: number): SourceLocation => locateAll(text, [offset])[0];

/** One open object or array: where it opened, its path (null when no wanted path lies below it). */
type Frame = { isObject: boolean; open: number; path: string | null; index: number };

const NUMBER_OR_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Scan JSON text. On success return the location of each path in `wanted` that exists (every
 * value's location when `wanted` is omitted: small texts and tests only); on a syntax error return
 * its message and location.
 */
export function scanJson(text: string, wanted?: Iterable<string>): JsonScan {
  // Ancestors are recorded too: an issue about a missing key is shown at its parent.
  const follow = wanted === undefined ? null : withAncestors(wanted);
  const starts: Array<[string, number]> = [];
  const stack: Frame[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const ws = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    }
  };
  /** What stands at the cursor: the character as JSON, or null at the end of the file. */
  const found = (): MessageParams => ({ found: i >= text.length ? null : JSON.stringify(text[i]) });
  /** Skip a string starting at `i`; return its value only when asked (a key on a followed branch). */
  const str = (isValueNeeded: boolean): string => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return isValueNeeded ? (JSON.parse(text.slice(start, i)) as string) : '';
      }
      if (c === 92) i += 2;
      else if (c === 10) throw new JsonSyntax('json.unterminated-string-line', start);
      else i++;
    }
    throw new JsonSyntax('json.unterminated-string', start);
  };
  const pathFor = (parent: string | null, seg: string | number): string | null => {
    if (parent === null) return null;
    const p = childPath(parent, seg);
    return follow === null || follow.has(p) ? p : null;
  };

  /** Read one value at `i` whose path is `path`; containers push a frame and return. */
  const beginValue = (path: string | null) => {
    ws();
    if (path !== null) starts.push([path, i]);
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push({ isObject: c === 123, open: i, path, index: 0 });
      i++;
      ws();
      return;
    }
    if (c === 34) {
      str(false);
      return;
    }
    NUMBER_OR_LITERAL.lastIndex = i;
    if (!NUMBER_OR_LITERAL.test(text)) throw new JsonSyntax('json.expected-value', i, found());
    i = NUMBER_OR_LITERAL.lastIndex;
  };

  /** In an object, read `"key":` and start its value. */
  const beginMember = (frame: Frame) => {
    ws();
    if (text.charCodeAt(i) !== 34) throw new JsonSyntax('json.expected-key', i, found());
    const key = str(frame.path !== null);
    ws();
    if (text.charCodeAt(i) !== 58) throw new JsonSyntax('json.expected-colon', i, found());
    i++;
    beginValue(pathFor(frame.path, key));
  };

  try {
    beginValue('');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const close = frame.isObject ? '}' : ']';
      ws();
      if (frame.index === 0) {
        // Just opened: empty, or the first member.
        if (text[i] === close) {
          i++;
          stack.pop();
          continue;
        }
        frame.index = 1;
        if (frame.isObject) beginMember(frame);
        else beginValue(pathFor(frame.path, 0));
        continue;
      }
      if (text[i] === ',') {
        const comma = i;
        i++;
        ws();
        if (text[i] === close)
          throw new JsonSyntax(
            frame.isObject ? 'json.trailing-comma-object' : 'json.trailing-comma-array',
            comma,
          );
        const k = frame.index++;
        if (frame.isObject) beginMember(frame);
        else beginValue(pathFor(frame.path, k));
        continue;
      }
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (i >= text.length) {
        const code = frame.isObject ? 'json.unclosed-object' : 'json.unclosed-array';
        throw new JsonSyntax(code, frame.open, locate(text, frame.open));
      }
      throw new JsonSyntax(
        frame.isObject ? 'json.expected-comma-object' : 'json.expected-comma-array',
        i,
        found(),
      );
    }
    ws();
    if (i < text.length) throw new JsonSyntax('json.trailing-content', i, found());
  } catch (e) {
    if (e instanceof JsonSyntax)
      return { ok: false, error: { code: e.code, params: e.params }, location: locate(text, e.offset) };
    throw e;
  }
  const located = locateAll(
    text,
    starts.map(([, off]) => off),
  );
  const locations = new Map<string, SourceLocation>();
  for (let k = 0; k < starts.length; k++) locations.set(starts[k][0], located[k]);
  return { ok: true, locations };
}

export type StructureLimits = { maxDepth: number; maxValues: number };
export type StructureExcess = { limit: 'depth' | 'values'; location: SourceLocation };

/**
 * The first place where objects and arrays nest deeper than `maxDepth`, or where the document
 * holds more than `maxValues` values (counted as list items and object members), or null. A
 * linear pass over the text that needs no parse, so it runs before JSON.parse and the recursive
 * steps after it, and before validation can report one problem per value of a huge list.
 */
export function findStructureExcess(text: string, limits: StructureLimits): StructureExcess | null {
  let depth = 0;
  let values = 1;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInString) {
      if (c === 92) i++;
      else if (c === 34) isInString = false;
    } else if (c === 34) isInString = true;
    else if (c === 123 || c === 91) {
      values++;
      if (++depth > limits.maxDepth) return { limit: 'depth', location: locate(text, i) };
    } else if (c === 125 || c === 93) depth--;
    else if (c === 44 && ++values > limits.maxValues) return { limit: 'values', location: locate(text, i) };
  }
  return null;
}
