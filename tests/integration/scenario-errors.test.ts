// Every class of bad scenario input in tests/fixtures/bad is rejected (or warned about) with a
// message that names the path, the value found and what was expected, at the right line:column.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueT, formatIssue, issueText } from '../../messages/index';
import { loadScenarioText, type ScenarioIssue } from '../../sim/scenario';

const en = catalogueT('en');

const badDir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

/**
 * Where an issue should point: the one occurrence of `needle` in the file, at the start of `mark`
 * inside it (default: the needle's start); 'eof' is the position just past the last character.
 */
type Where = { needle: string; mark?: string } | 'eof';

type Expected = {
  path: string;
  /** Substrings of the message: the value found, what was expected, a suggestion. */
  says: string[];
  at: Where;
};

type Case = { file: string; severity: 'error' | 'warning'; issues: Expected[] };

const malformed = (file: string, says: string, at: Where): Case => ({
  file,
  severity: 'error',
  issues: [{ path: '', says: ['malformed JSON', says], at }],
});

const CASES: Case[] = [
  malformed('malformed-trailing-comma.txt', 'trailing comma', { needle: '"valueYears": 1, }', mark: ',' }),
  // Reported at the opening quote of the string that never closes.
  malformed('malformed-unterminated-string.txt', 'unterminated string', {
    needle: '"name": "Bad-input fixture,\n',
    mark: '"Bad',
  }),
  // Reported at the brace that is never closed (the document's first character).
  malformed('malformed-missing-brace.txt', "missing '}' for the object opened at line 1, column 1", {
    needle: '{\n  "kind"',
    mark: '{',
  }),
  {
    file: 'unknown-key.json',
    severity: 'error',
    issues: [
      {
        path: 'population.branches.sizeCV',
        says: [
          'unknown key "sizeCV"',
          'did you mean "sizeCv"?',
          'known keys here: count, sizeWeights, sizeCv',
        ],
        at: { needle: '"sizeCV": 0.6', mark: '0.6' },
      },
    ],
  },
  {
    file: 'unknown-channel.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].journey.steps[2].channel',
        says: ['"wechat2" is not a channel; known: sms, wechat, ai_call', 'did you mean "wechat"?'],
        at: { needle: '"wechat2"' },
      },
    ],
  },
  {
    file: 'unknown-product.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].offer.product',
        says: ['"funds" is not a product; known: fund', 'did you mean "fund"?'],
        at: { needle: '"funds"' },
      },
    ],
  },
  {
    file: 'unknown-step.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].journey.steps[0].onNotInterested',
        says: ['"cal" is not a step; known: first, call, chat, end', 'did you mean "call"?'],
        at: { needle: '"cal"' },
      },
    ],
  },
  {
    file: 'probability-out-of-range.json',
    severity: 'error',
    issues: [
      {
        path: 'channels[2].reachRate',
        says: ['1.5', 'expected a number at most 1'],
        at: { needle: '"reachRate": 1.5', mark: '1.5' },
      },
    ],
  },
  {
    file: 'life-stage-shares.json',
    severity: 'error',
    issues: [
      {
        path: 'population.lifeStages',
        says: ['shares sum to 1.1', 'expected 1'],
        at: { needle: '"lifeStages": [', mark: '[' },
      },
    ],
  },
  {
    file: 'holdout-zero.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].holdout.share',
        says: ['0;', 'expected more than 0 and less than 1', 'no comparison'],
        at: { needle: '"share": 0,', mark: '0,' },
      },
    ],
  },
  {
    file: 'holdout-one.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].holdout.share',
        says: ['1;', 'expected more than 0 and less than 1', 'no comparison'],
        at: { needle: '"share": 1,', mark: '1,' },
      },
    ],
  },
  {
    file: 'journey-cycle-no-end.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].journey',
        says: ['the cycle', 'first', 'call', 'no way out', 'cannot end'],
        at: { needle: '"journey": {', mark: '{' },
      },
    ],
  },
  {
    file: 'zero-wait-cycle.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].journey',
        says: ['the cycle', 'first', 'call', 'no wait', 'waitDays all 0'],
        at: { needle: '"journey": {', mark: '{' },
      },
    ],
  },
  {
    file: 'layout-unknown-step.json',
    severity: 'warning',
    issues: [
      {
        path: 'strategies[0].journey.layout.chats',
        says: ['canvas position for step "chats" is ignored', 'steps: first, call, chat'],
        at: { needle: '"chats": {', mark: '{' },
      },
    ],
  },
  {
    file: 'layout-bad-position.json',
    severity: 'error',
    issues: [
      {
        path: 'strategies[0].journey.layout.first.y',
        says: ['"top"'],
        at: { needle: '"y": "top"', mark: '"top"' },
      },
    ],
  },
  {
    file: 'paid-channel-zero-budget.json',
    severity: 'warning',
    issues: [
      {
        path: 'strategies[0].budgetCny',
        says: ['0, but step "first" uses sms at 0.05 CNY an attempt', 'no paid contact'],
        at: { needle: '"budgetCny": 0', mark: '0' },
      },
    ],
  },
  {
    file: 'unknown-tier.json',
    severity: 'error',
    issues: [
      {
        path: 'population.reachability.phone.byTier.welth',
        says: ['"welth" is not a tier; known: long_tail, mass, wealth', 'did you mean "wealth"?'],
        at: { needle: '"welth": 1.2', mark: '1.2' },
      },
    ],
  },
  {
    file: 'prior-unknown-path.json',
    severity: 'error',
    issues: [
      {
        path: 'uncertainty[0].param',
        says: [
          '"channels[ai_cal].responseEffect"',
          '[ai_cal]',
          'not in the list',
          'known: sms, wechat, ai_call',
        ],
        at: { needle: '"channels[ai_cal].responseEffect"' },
      },
      {
        path: 'uncertainty[1].param',
        says: ['"channels[ai_call].responseEfect"', 'has no "responseEfect"'],
        at: { needle: '"channels[ai_call].responseEfect"' },
      },
    ],
  },
  {
    file: 'prior-fixed-param.json',
    severity: 'error',
    issues: [
      {
        path: 'uncertainty[0].param',
        says: [
          '"population.size" is fixed for a run',
          'priors can vary channel, product',
          'docs/scenario-format.md',
        ],
        at: { needle: '"population.size"' },
      },
    ],
  },
  {
    file: 'wrong-kind.json',
    severity: 'error',
    issues: [
      {
        path: 'kind',
        says: ['"sandtable.result"', 'expected "sandtable.scenario"'],
        at: { needle: '"sandtable.result"' },
      },
    ],
  },
  {
    file: 'future-version.json',
    severity: 'error',
    issues: [
      {
        path: 'version',
        says: ['2;', 'reads versions up to 1', 'newer release'],
        at: { needle: '"version": 2', mark: '2' },
      },
    ],
  },
  {
    file: 'not-object.json',
    severity: 'error',
    issues: [{ path: '', says: ['[]', 'expected a JSON object'], at: { needle: '[]' } }],
  },
  {
    file: 'several-schema-errors.json',
    severity: 'error',
    issues: [
      {
        path: 'population.branches.sizeCV',
        says: ['unknown key "sizeCV"', 'did you mean "sizeCv"?'],
        at: { needle: '"sizeCV": 0.6', mark: '0.6' },
      },
      {
        path: 'channels[2].reachRate',
        says: ['1.5', 'expected a number at most 1'],
        at: { needle: '"reachRate": 1.5', mark: '1.5' },
      },
      {
        path: 'contactPolicy.maxContactsPerWeek',
        says: ['missing', 'expected a number'],
        // A missing key is reported where its parent object starts.
        at: { needle: '"contactPolicy": {', mark: '{' },
      },
      {
        path: 'calendar.startDate',
        says: ['"2026-11-31"', 'expected an ISO date'],
        at: { needle: '"2026-11-31"' },
      },
    ],
  },
  {
    file: 'several-reference-errors.json',
    severity: 'error',
    issues: [
      {
        path: 'population.reachability.phone.byTier.welth',
        says: ['"welth" is not a tier'],
        at: { needle: '"welth": 1.2', mark: '1.2' },
      },
      { path: 'strategies[0].offer.product', says: ['"funds" is not a product'], at: { needle: '"funds"' } },
      {
        path: 'strategies[0].holdout.share',
        says: ['0;', 'expected more than 0 and less than 1'],
        at: { needle: '"share": 0,', mark: '0,' },
      },
      {
        path: 'strategies[0].journey.steps[2].channel',
        says: ['"wechat2" is not a channel'],
        at: { needle: '"wechat2"' },
      },
    ],
  },
];

/** 1-based line and column of a character offset, as editors count them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function expectedLocation(text: string, where: Where): { line: number; column: number } {
  if (where === 'eof') return lineColumn(text, text.length);
  const start = text.indexOf(where.needle);
  expect(start, `fixture should contain ${JSON.stringify(where.needle)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(where.needle, start + 1), `${JSON.stringify(where.needle)} should occur once`).toBe(-1);
  const mark = where.mark === undefined ? 0 : where.needle.indexOf(where.mark);
  expect(mark).toBeGreaterThanOrEqual(0);
  return lineColumn(text, start + mark);
}

function load(file: string): { text: string; issues: ScenarioIssue[]; isOk: boolean } {
  const text = readFileSync(`${badDir}${file}`, 'utf8');
  const r = loadScenarioText(text);
  return { text, isOk: r.ok, issues: r.ok ? r.warnings : r.issues };
}

describe('bad scenario inputs', () => {
  it.each(CASES)(
    '$file: $severity naming path, value and expectation',
    ({ file, severity, issues: expected }) => {
      const { text, issues, isOk } = load(file);
      // An error rejects the file; a warning alone lets it load.
      expect(isOk).toBe(severity === 'warning');
      // Every problem in the file is reported in one pass, and nothing else.
      expect(issues.map((i) => i.path).sort()).toEqual(expected.map((e) => e.path).sort());
      for (const want of expected) {
        const got = issues.find((i) => i.path === want.path)!;
        expect(got.severity).toBe(severity);
        const message = issueText(got, en);
        for (const s of want.says) expect(message).toContain(s);
        const loc = expectedLocation(text, want.at);
        expect({ path: got.path, line: got.line, column: got.column }).toEqual({ path: want.path, ...loc });
        // The CLI line: `file:line:col: severity: path: message`.
        const pathPart = want.path ? `${want.path}: ` : '';
        expect(formatIssue(got, en, file)).toBe(
          `${file}:${loc.line}:${loc.column}: ${severity}: ${pathPart}${message}`,
        );
      }
    },
  );

  it('covers every fixture in tests/fixtures/bad', () => {
    const files = readdirSync(badDir);
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
  });
});
