import { describe, expect, it } from 'vitest';
import {
  ISSUE_CODES,
  type IssueMessage,
  NOTE_CODES,
  type PilotNote,
  PLANNER_ERROR_CODES,
  type PlanNote,
  PlannerInputError,
  REF_KINDS,
  SENSITIVITY_ERROR_CODES,
  SensitivityError,
} from '../sim/index';
import { SENSITIVITY_OUTPUTS } from '../sim/sensitivity/outputs';
import {
  catalogueT,
  formatIssue,
  issueText,
  MESSAGE_BUNDLES,
  noteHeading,
  noteText,
  planNoteText,
  plannerErrorLine,
  plannerErrorText,
  sensitivityErrorText,
} from './index';

const en = catalogueT('en');
const zh = catalogueT('zh-CN');
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('words every issue code, note code and reference kind in en and zh-CN, with the same placeholders', () => {
    const keys = [
      ...ISSUE_CODES.map((c) => `issue.${c}`),
      ...NOTE_CODES.map((c) => `note.${c}`),
      ...REF_KINDS.map((r) => `ref.${r}`),
      'note.heading_lower',
      'note.heading_higher',
      'mdeMethod.replication-sd',
      ...['at-minimum', 'single-customer', 'too-few-branches', 'z-few-branches'].map((c) => `planNote.${c}`),
      ...PLANNER_ERROR_CODES.map((c) => `plannerError.${c}`),
      ...SENSITIVITY_ERROR_CODES.map((c) => `sensitivityError.${c}`),
      ...['rollOut', 'pilotFirst', 'unprofitable', 'noEffect', 'sentence', 'effect', 'power', 'underpowered']
        .concat(['title', 'rule'])
        .map((c) => `verdict.${c}`),
    ];
    for (const key of keys) {
      const [e, z] = [en(key, {}), zh(key, {})];
      expect(e, `en ${key}`).not.toBe(key);
      expect(z, `zh-CN ${key}`).not.toBe(key);
      expect(placeholders(z), key).toEqual(placeholders(e));
      // Chinese text, not an English leftover: a template with words of its own has Chinese in it.
      if (/[A-Za-z]/.test(z.replace(/\{\{\w+\}\}/g, ''))) expect(z, key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(MESSAGE_BUNDLES['zh-CN'].issue).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it('names every sensitivity and optimizer output in en and zh-CN (the studio and the CLI read output.<id>)', () => {
    for (const o of SENSITIVITY_OUTPUTS) {
      expect(en(`output.${o}`), o).not.toBe(`output.${o}`);
      expect(zh(`output.${o}`), o).not.toBe(`output.${o}`);
      expect(zh(`output.${o}`), o).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(MESSAGE_BUNDLES.en.output).sort()).toEqual([...SENSITIVITY_OUTPUTS].sort());
  });

  it('fills in values: quoted ids, the found value or "missing", bounds, lists and a suggestion', () => {
    const ref: IssueMessage = {
      code: 'ref.unknown',
      params: { value: 'wechat2', what: 'channel', known: ['app_push', 'sms', 'wechat'], guess: 'wechat' },
    };
    expect(issueText(ref, en)).toBe(
      '"wechat2" is not a channel; known: app_push, sms, wechat (did you mean "wechat"?)',
    );
    expect(issueText(ref, zh)).toBe('"wechat2" 不是渠道；已知：app_push, sms, wechat（是否想写 "wechat"？）');
    const small: IssueMessage = {
      code: 'schema.too-small',
      params: { found: null, isInclusive: true, bound: 1 },
    };
    expect(issueText(small, en)).toBe('missing; expected a number at least 1');
    expect(issueText(small, zh)).toBe('缺失；应为至少 1 的数字');
    expect(issueText({ code: 'json.expected-value', params: { found: null } }, en)).toBe(
      'malformed JSON: unexpected end of file; expected a JSON value',
    );
    const many = Array.from({ length: 14 }, (_, i) => `s${i}`);
    expect(
      issueText({ code: 'ref.unknown', params: { value: 'x', what: 'step', known: many, guess: null } }, en),
    ).toBe(`"x" is not a step; known: ${many.slice(0, 12).join(', ')}, …`);
  });

  it('words a message inside a message (a prior on a path that names nothing)', () => {
    const msg: IssueMessage = {
      code: 'prior.bad-param',
      params: { param: 'channels[nope].reachRate', reason: { code: 'path.not-a-number', params: {} } },
    };
    expect(issueText(msg, en)).toBe('"channels[nope].reachRate" does not name a number');
    expect(issueText(msg, zh)).toBe('"channels[nope].reachRate" 指向的不是数字');
  });

  it('prints the CLI line: file:line:col: severity: path: message', () => {
    const issue = {
      severity: 'warning' as const,
      path: 'strategies[0].budgetCny',
      line: 40,
      column: 7,
      code: 'budget.zero-paid' as const,
      params: { step: 'ai', channel: 'ai_call', costCny: 0.6 },
    };
    expect(formatIssue(issue, en, 'a.json')).toBe(
      'a.json:40:7: warning: strategies[0].budgetCny: 0, but step "ai" uses ai_call at 0.6 CNY an attempt; no paid contact will be made',
    );
    expect(formatIssue(issue, zh)).toBe(
      '40:7: 警告: strategies[0].budgetCny: 0，但步骤 "ai" 使用 ai_call，每次触达 0.6 元；将不会有付费触达',
    );
  });

  it('words the caveats of the analytic plan (4 significant digits in the CLI)', () => {
    const note: PlanNote = { code: 'at-minimum', params: { what: 'branches', power: 0.912345 } };
    expect(planNoteText(note, en)).toBe(
      'The t test needs at least 2 branches per arm, and 2 already give power 0.9123, above the target.',
    );
    expect(planNoteText(note, zh)).toBe(
      't 检验每组至少需要 2 个网点，而 2 个已使效能达到 0.9123，高于目标。',
    );
  });

  it('words a planner input error: the value (or "missing") and the numbers it needs', () => {
    const e = new PlannerInputError('branchesPerArm', 5, 'more-branches-than-scenario', {
      needed: 10,
      count: 8,
      max: 4,
    });
    expect(plannerErrorLine(e, en)).toBe(
      'branchesPerArm: 5 needs 10 branches but the scenario has 8; expected at most 4 per arm',
    );
    expect(plannerErrorText(e, zh)).toBe('5 需要 10 个网点，但场景只有 8 个；每组至多 4 个');
    expect(plannerErrorText(new PlannerInputError('power', null, 'power-missing'), en)).toBe(
      'missing together with a missing effect; expected a target power to solve the MDE',
    );
  });

  it('words planner notes with the numbers of the surface (the CLI: two decimals; n/a when unknown)', () => {
    const note: PilotNote = {
      outcome: 'conversion',
      code: 'small-k',
      direction: 'lower',
      params: { simulated: 0.6123, simulatedSe: 0.0345, analytic: 0.8, k: 3 },
    };
    expect(noteHeading(note, en)).toBe(
      'For conversion the simulation gives lower power than the formula (0.61 ± 0.03 vs 0.8). Likely reasons:',
    );
    expect(noteText(note, en)).toMatch(/^Only 3 branches per arm: .* just 4 degrees of freedom\.$/);
    expect(noteText({ ...note, code: 'noisy-icc', params: { ...note.params, icc: Number.NaN } }, en)).toMatch(
      /ICC \(n\/a ± n\/a\)/,
    );
    expect(noteText(note, zh)).toMatch(/^每组只有 3 个网点/);
  });

  it("words a sensitivity point that makes the scenario invalid with the scenario's own issue", () => {
    const e = new SensitivityError(
      'bad-point',
      { params: 'channels[sms].reachRate', values: '1.5' },
      {
        code: 'schema.too-big',
        params: { value: 1.5, limit: 1, isInclusive: true },
        path: 'channels[1].reachRate',
      },
    );
    expect(sensitivityErrorText(e, en)).toBe(
      `channels[sms].reachRate = 1.5 makes the scenario invalid: channels[1].reachRate: ${issueText(e.issue as NonNullable<typeof e.issue>, en)}; set the ledger's low and high for it`,
    );
    expect(sensitivityErrorText(e, zh)).toContain(issueText(e.issue as NonNullable<typeof e.issue>, zh));
  });
});
