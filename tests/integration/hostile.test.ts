// Hostile files: the corpus (tests/fixtures/hostile) and fast-check generators of hostile JSON go
// through the loader, `validate` and the studio's open path. Every case ends in a loaded scenario
// or located errors, never a throw; prototype keys never reach Object.prototype.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueT, issueText } from '../../messages/index';
import { openText } from '../../renderer/features/file/file-actions';
import { createAppStore } from '../../renderer/state/store';
import {
  type LoadResult,
  loadScenarioText,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  MAX_SCENARIO_BYTES,
  type ScenarioIssue,
  validateScenario,
} from '../../sim/scenario';
import { HOSTILE_CASES } from '../fixtures/hostile/corpus';

const tinyText = readFileSync(new URL('../fixtures/tiny.json', import.meta.url), 'utf8');
const tinyDoc = JSON.parse(tinyText) as Record<string, unknown>;
const scenariosDir = new URL('../../scenarios/', import.meta.url);
/** The examples and the tiny fixture: hostile values go at every path of each. */
const EXAMPLES: Array<Record<string, unknown>> = [
  tinyDoc,
  ...readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => JSON.parse(readFileSync(new URL(f, scenariosDir), 'utf8')) as Record<string, unknown>),
];

const en = catalogueT('en');
/** An issue in English, as the CLI prints it. */
const say = (issue: ScenarioIssue) => issueText(issue, en);

/** ok, or errors that each name a line (the "and N more" summary line excepted). */
function expectOkOrLocated(r: LoadResult): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  expect(r.issues.length).toBeLessThanOrEqual(MAX_ISSUES);
  for (const [k, issue] of r.issues.entries()) {
    // Every code has its words (an unknown code would come back as its catalogue key).
    expect(say(issue)).not.toMatch(/^issue\./);
    const isSummary = k === MAX_ISSUES - 1 && issue.code === 'file.more-issues';
    if (!isSummary) expect(issue.line, say(issue)).toBeGreaterThanOrEqual(1);
  }
}

const isPrototypeClean = () =>
  !('polluted' in Object.prototype) && !('polluted' in ({} as Record<string, unknown>));

describe('the hostile corpus', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: ${c.about}`, () => {
      const r = loadScenarioText(c.text());
      expectOkOrLocated(r);
      expect(r.ok).toBe(c.expect.ok);
      if (!r.ok && !c.expect.ok) {
        expect(say(r.issues[0])).toMatch(c.expect.message);
        if (c.expect.line !== undefined) expect(r.issues[0].line).toBe(c.expect.line);
      }
      expect(isPrototypeClean()).toBe(true);
    });
  }

  it('names where the nesting goes too deep: the bracket that opens level 65', () => {
    const text = `{"a":\n${'['.repeat(70)}`;
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    // `{` is level 1 on line 1; the 64th `[` is level 65, at column 64 of line 2.
    if (!r.ok) expect([r.issues[0].line, r.issues[0].column]).toEqual([2, 64]);
  });

  it('accepts nesting up to the limit and counts only structure outside strings', () => {
    const atLimit = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    const r = loadScenarioText(atLimit);
    // Valid JSON at the limit reaches validation (and fails there: it is not an object).
    expect(r.ok).toBe(false);
    if (!r.ok) expect(say(r.issues[0])).toMatch(/expected a JSON object/);
  });

  it('checks the size before parsing, and a caller can raise the limit', () => {
    const padded = tinyText + ' '.repeat(MAX_SCENARIO_BYTES);
    const refused = loadScenarioText(padded);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(say(refused.issues[0])).toMatch(/larger than the 20 MB limit/);
    expect(loadScenarioText(padded, { maxBytes: 2 * MAX_SCENARIO_BYTES }).ok).toBe(true);
  });

  it('reports 1e309 as a number too large, at its line', () => {
    const text = tinyText.replace('"size": 3000', '"size": 1e309');
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].path).toBe('population.size');
      expect(say(r.issues[0])).toMatch(/too large to represent/);
      expect(r.issues[0].line).toBe(tinyText.slice(0, tinyText.indexOf('"size": 3000')).split('\n').length);
    }
  });
});

// ---- generators -------------------------------------------------------------------------------

/** Every path of a document: keys and indices down to the leaves. */
function allPaths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(v)) for (const [k, x] of v.entries()) out.push(...allPaths(x, [...prefix, k]));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...prefix, k]));
  return out;
}

type Site = { doc: Record<string, unknown>; path: Array<string | number> };
const exampleSites: Site[] = EXAMPLES.flatMap((doc) =>
  allPaths(doc)
    .filter((path) => path.length > 0)
    .map((path) => ({ doc, path })),
);

/** JSON text for hostile values, including ones JSON.stringify cannot write (1e309, deep nests). */
const hostileValueText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1e309', '-1e309', '1e-400', '-0', '9007199254740993', '1.7976931348623157e308'),
  fc.constantFrom('null', 'true', '{}', '[]', '""', '"\\u0000"', '"\\ud800"', '"=cmd|\' /C calc\'!A0"'),
  fc.double().map((x) => (Number.isFinite(x) ? JSON.stringify(x) : '0')),
  fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 1, max: 200 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 1, max: 200 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  fc.integer({ min: 0, max: 3000 }).map((n) => `[${Array.from({ length: n }, (_, k) => k).join(',')}]`),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"prototype":{"polluted":true}}',
  ),
);

/** The example with the value at `path` replaced by raw JSON text. */
function replaceAt({ doc, path }: Site, raw: string): string {
  const marker = '"__HOSTILE_VALUE__"';
  const copy = structuredClone(doc);
  let cur = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = '__HOSTILE_VALUE__';
  return JSON.stringify(copy, null, 2).replace(marker, raw);
}

/** Random bracket soup: unbalanced, deep, with keys and junk. */
const bracketSoup = fc
  .array(fc.constantFrom('[', ']', '{', '}', '{"a":', ',', '1', '"x"', ':', ' ', '\n', '"'), {
    maxLength: 400,
  })
  .map((parts) => parts.join(''));

describe('fuzz: hostile JSON through the loader, validate and the studio open path', () => {
  const runs = { numRuns: 500, seed: 20261207 };

  it('a hostile value at any path of any example: ok or located errors, never a throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exampleSites), hostileValueText, (site, raw) => {
        const text = replaceAt(site, raw);
        expectOkOrLocated(loadScenarioText(text));
        expect(isPrototypeClean()).toBe(true);
      }),
      runs,
    );
  });

  it('prototype keys added to any object of any example never reach Object.prototype', () => {
    const objectSites = exampleSites.filter(({ doc, path }) => {
      let v: unknown = doc;
      for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...objectSites),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        (site, key) => {
          const text = replaceAt(
            { ...site, path: [...site.path, '__HOSTILE_KEY__'] },
            '{"polluted":true}',
          ).replace('"__HOSTILE_KEY__"', JSON.stringify(key));
          const r = loadScenarioText(text);
          expectOkOrLocated(r);
          expect(isPrototypeClean()).toBe(true);
        },
      ),
      runs,
    );
  });

  it('bracket soup and truncated examples: located errors, never a throw', () => {
    fc.assert(
      fc.property(bracketSoup, (text) => expectOkOrLocated(loadScenarioText(text))),
      runs,
    );
    fc.assert(
      fc.property(fc.nat(tinyText.length), (cut) =>
        expectOkOrLocated(loadScenarioText(tinyText.slice(0, cut))),
      ),
      runs,
    );
  });

  it('validate on arbitrary and deeply nested values never throws', () => {
    const deep = fc.integer({ min: 1, max: 20_000 }).map((d) => {
      let v: unknown = 1;
      for (let k = 0; k < d; k++) v = k % 2 ? [v] : { a: v };
      return { kind: 'sandtable.scenario', version: 1, meta: v };
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), deep), (doc) => {
        const r = validateScenario(doc);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it("the studio's open path ends in a loaded scenario or an open-error with issues", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...exampleSites), fc.constant(null)),
        hostileValueText,
        (site, raw) => {
          const store = createAppStore();
          const text = site ? replaceAt(site, raw) : raw;
          const isLoaded = openText(store, { name: 'fuzz.json', path: null, text });
          const s = store.getState();
          if (isLoaded) {
            expect(s.scenario).not.toBeNull();
            expect(s.openError).toBeNull();
          } else {
            expect(s.openError?.issues.length).toBeGreaterThan(0);
            expect(s.openError?.name).toBe('fuzz.json');
          }
        },
      ),
      { numRuns: 100, seed: 20261207 },
    );
  });

  it('the studio opens every hostile corpus file without a throw', () => {
    for (const c of HOSTILE_CASES.filter((x) => !x.name.includes('generated'))) {
      const store = createAppStore();
      const isLoaded = openText(store, { name: c.name, path: null, text: c.text() });
      expect(isLoaded).toBe(c.expect.ok);
      if (!isLoaded) expect(store.getState().openError?.issues[0].line).toBeGreaterThanOrEqual(1);
    }
  });
});
