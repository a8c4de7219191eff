import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from './doc-path';
import { findStructureExcess, scanJson } from './json-locate';

/** Every path of a parsed JSON value, as segments. */
function paths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(v)) for (const [k, x] of v.entries()) out.push(...paths(x, [...prefix, k]));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

describe('scanJson', () => {
  it('locates each wanted path where the full scan does, and only those and their ancestors', () => {
    fc.assert(
      fc.property(
        fc.json({ maxDepth: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        (text, indent, pick) => {
          const pretty = JSON.stringify(JSON.parse(text), null, indent);
          const full = scanJson(pretty);
          expect(full.ok).toBe(true);
          if (!full.ok) return;
          // Keys with '.', '[' or ']' (or empty ones) print ambiguously; issues never name such keys.
          const plain = paths(JSON.parse(pretty)).filter((p) =>
            p.every((seg) => typeof seg === 'number' || (seg !== '' && !/[.[\]]/.test(seg))),
          );
          const segments = plain[pick % plain.length];
          const wanted = formatPath(segments);
          const some = scanJson(pretty, [wanted]);
          expect(some.ok).toBe(true);
          if (!some.ok) return;
          expect(some.locations.get(wanted)).toEqual(full.locations.get(wanted));
          // The wanted path and its ancestors, nothing else (duplicate keys share one entry).
          expect(some.locations.size).toBeLessThanOrEqual(segments.length + 1);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('scans a million-element list and 60-deep nesting without recursion', () => {
    const wide = `[${'1,'.repeat(999_999)}1]`;
    const r = scanJson(wide, ['[999999]']);
    expect(r.ok && r.locations.get('[999999]')).toEqual({ line: 1, column: wide.length - 1 });
    const deep = `${'{"a":'.repeat(60)}1${'}'.repeat(60)}`;
    const d = scanJson(deep, [`${'a.'.repeat(59)}a`]);
    expect(d.ok && d.locations.get(`${'a.'.repeat(59)}a`)).toEqual({ line: 1, column: 60 * 5 + 1 });
  });

  it('reports an unclosed list at its opening bracket', () => {
    expect(scanJson('{\n  "a": [1, 2\n')).toEqual({
      ok: false,
      error: { code: 'json.unclosed-array', params: { line: 2, column: 8 } },
      location: { line: 2, column: 8 },
    });
  });
});

describe('findStructureExcess', () => {
  it('finds the bracket that goes one level too deep, ignoring brackets inside strings', () => {
    expect(findStructureExcess('[[["[[[["]]]', { maxDepth: 3, maxValues: 100 })).toBeNull();
    expect(findStructureExcess('[[[[]]]]', { maxDepth: 3, maxValues: 100 })).toEqual({
      limit: 'depth',
      location: { line: 1, column: 4 },
    });
    expect(findStructureExcess('["\\"[[[[", [[[[]]]]]', { maxDepth: 3, maxValues: 100 })?.limit).toBe(
      'depth',
    );
  });

  it('counts values by separators and containers', () => {
    expect(findStructureExcess('[1,2,3]', { maxDepth: 9, maxValues: 4 })).toBeNull();
    expect(findStructureExcess('[1,2,3,4]', { maxDepth: 9, maxValues: 4 })).toEqual({
      limit: 'values',
      location: { line: 1, column: 7 },
    });
    expect(findStructureExcess('["a,b,c,d,e"]', { maxDepth: 9, maxValues: 4 })).toBeNull();
  });
});
