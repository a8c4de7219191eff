// A small JSON scanner used next to JSON.parse: it finds where a syntax error is (line and
// column, which JSON.parse does not report on every platform) and where each value sits, so
// validation errors can point at the line in the file.

export type SourceLocation = { line: number; column: number };

export type JsonScan =
  | { ok: true; locations: Map<string, SourceLocation> }
  | { ok: false; message: string; location: SourceLocation };

class JsonSyntax extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Path of a value as the issues print it: `strategies[1].journey.steps[0].channel`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
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
  const where = (offset: number) => {
    const loc = locate(text, offset);
    return `line ${loc.line}, column ${loc.column}`;
  };
  const describeHere = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
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
      else if (c === '\n')
        throw new JsonSyntax('unterminated string (it reaches the end of the line)', start);
      else i++;
    }
    throw new JsonSyntax('unterminated string', start);
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
        if (text[i] !== '"')
          throw new JsonSyntax(`expected a property name in double quotes, found ${describeHere()}`, i);
        const key = str();
        ws();
        if (text[i] !== ':')
          throw new JsonSyntax(`expected ':' after property name, found ${describeHere()}`, i);
        i++;
        value([...path, key]);
        ws();
        if (text[i] === ',') {
          const comma = i;
          i++;
          ws();
          if (text[i] === '}') throw new JsonSyntax('trailing comma before }', comma);
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        if (i >= text.length)
          throw new JsonSyntax(`missing '}' for the object opened at ${where(open)}`, open);
        throw new JsonSyntax(`expected ',' or '}' after a property value, found ${describeHere()}`, i);
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
          if (text[i] === ']') throw new JsonSyntax('trailing comma before ]', comma);
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        if (i >= text.length) throw new JsonSyntax(`missing ']' for the list opened at ${where(open)}`, open);
        throw new JsonSyntax(`expected ',' or ']' in an array, found ${describeHere()}`, i);
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) throw new JsonSyntax(`unexpected ${describeHere()}; expected a JSON value`, i);
    i += m[0].length;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value([]);
    ws();
    if (i < text.length)
      throw new JsonSyntax(`unexpected ${describeHere()} after the end of the JSON value`, i);
  } catch (e) {
    if (e instanceof JsonSyntax) return { ok: false, message: e.message, location: locate(text, e.offset) };
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
