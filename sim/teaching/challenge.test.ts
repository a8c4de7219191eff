import { describe, expect, it } from 'vitest';
import type { RunSummary, StrategySummary } from '../results';
import { classBoard } from './board';
import {
  type Challenge,
  leaksIn,
  makeAnswer,
  makeChallenge,
  openChallenge,
  validateAnswer,
} from './challenge';

const ITER = 100_000; // the schema's floor: keeps these tests fast (the CLI uses 600,000)

/** A run summary with only what a challenge reads: means, naive gaps and per-replication samples. */
function fakeRun(strategies: Array<{ id: string; roi: number; naive: number }>): RunSummary {
  const stat = (mean: number) => ({ mean, median: mean, p05: mean, p95: mean, sd: 0, mcSe: 0 });
  return {
    strategies: strategies.map(
      (s) =>
        ({
          id: s.id,
          modelled: { roi: { ...stat(s.roi), pAbove1: 1 } },
          naive: { naiveUpliftPp: stat(s.naive), causalUpliftPp: { ...stat(1.25), pPositive: 1 } },
          samples: {
            conversionUpliftPp: Float64Array.from([1.1, 1.3, 1.2]),
            newMoneyUpliftPerCustomerCny: Float64Array.from([10, 20, 30]),
            costCny: Float64Array.from([100, 110, 120]),
            roi: Float64Array.from([s.roi, s.roi, s.roi]),
            staffHours: Float64Array.from([0, 0, 0]),
          },
        }) as unknown as StrategySummary,
    ),
  } as unknown as RunSummary;
}

const doc = {
  channels: [
    { id: 'ai_call', closeRate: 0.3125, responseEffect: 1.375 },
    { id: 'sms', closeRate: 0.2, responseEffect: 0.2 },
  ],
};
const run = fakeRun([
  { id: 'a', roi: 3, naive: 40 },
  { id: 'b', roi: 1, naive: 55 },
  { id: 'c', roi: 2, naive: 20 },
]);
const base = {
  doc,
  truthRun: run,
  id: 'demo',
  title: 'Demo',
  brief: 'Brief',
  hide: ['channels[ai_call].closeRate'],
  pilots: 2,
};

describe('makeChallenge', () => {
  it('removes the hidden field, keeps its siblings, and seals value and answer', async () => {
    const c = await makeChallenge(
      { ...base, task: { kind: 'best-of', metric: 'roi', options: ['a', 'b', 'c'] } },
      'pw',
      ITER,
    );
    const ai = (c.scenario.channels as Array<Record<string, unknown>>)[0];
    expect(ai).toEqual({ id: 'ai_call', responseEffect: 1.375 });
    expect(c.observations).toHaveLength(2);
    expect(c.observations[1].strategies.b).toEqual({
      conversionUpliftPp: 1.3,
      newMoneyPerCustomerCny: 20,
      costCny: 110,
    });
    const truth = await openChallenge(c, 'pw');
    expect(truth).toEqual({
      hidden: [{ path: 'channels[ai_call].closeRate', value: 0.3125 }],
      answer: { kind: 'best-of', values: { a: 3, b: 1, c: 2 } },
    });
    await expect(openChallenge(c, 'pW')).rejects.toMatchObject({ code: 'challenge.wrong-passphrase' });
    const edited: Challenge = { ...c, sealed: { ...c.sealed, data: `B${c.sealed.data.slice(1)}` } };
    await expect(openChallenge(edited, 'pw')).rejects.toMatchObject({ code: 'challenge.wrong-passphrase' });
  });

  it('refuses to publish a hidden value that another field shows', async () => {
    const same = { ...base, hide: ['channels[sms].responseEffect'] }; // 0.2 is also sms.closeRate
    await expect(
      makeChallenge({ ...same, task: { kind: 'estimate', strategy: 'a', metric: 'roi' } }, 'pw', ITER),
    ).rejects.toMatchObject({
      code: 'challenge.value-leak',
      params: { path: 'channels[sms].responseEffect', value: '0.2' },
    });
  });
});

describe('leaksIn', () => {
  const hidden = [{ path: 'x', value: 0.35 }];
  it('finds a value in any decimal form, not inside other numbers', () => {
    for (const text of ['"a": 0.35', '"a": .35', '"a": 0.350', '"a": 3.5e-1', 'about 35%'])
      expect(leaksIn(text, hidden), text).toHaveLength(1);
    for (const text of ['"a": 10.35', '"a": 0.351', '"a": 35', '"a": 350%'])
      expect(leaksIn(text, hidden), text).toEqual([]);
  });
});

describe('classBoard', () => {
  it('scores best-of answers, and names the naive pick', async () => {
    const c = await makeChallenge(
      { ...base, task: { kind: 'best-of', metric: 'roi', options: ['a', 'b', 'c'] } },
      'pw',
      ITER,
    );
    const truth = await openChallenge(c, 'pw');
    const answers = (['a', 'b', 'c'] as const).map((choice, i) =>
      makeAnswer(c, `L${i}`, { kind: 'best-of', choice }, 2),
    );
    const board = classBoard(c, truth, answers);
    expect(board.rows.map((r) => [r.learner, r.score, r.rank])).toEqual([
      ['L0', 100, 1],
      ['L2', 50, 2],
      ['L1', 0, 3],
    ]);
    // b has the largest naive gap (55 pp) and the lowest ROI.
    expect(board.rows[2].mistakes).toEqual(['not-best', 'picked-by-naive']);
    expect(board.mistakes).toEqual([
      { code: 'not-best', count: 2 },
      { code: 'picked-by-naive', count: 1 },
    ]);
  });

  it('scores pilot designs by cost when they reach the target power', async () => {
    const designTable = [
      { branchesPerArm: 4, power: 0.6 },
      { branchesPerArm: 8, power: 0.82 },
      { branchesPerArm: 16, power: 0.97 },
    ];
    const c = await makeChallenge(
      {
        ...base,
        task: { kind: 'pilot-design', strategy: 'a', weeks: 12, branchesPerArm: [4, 8, 16] },
        designTable,
      },
      'pw',
      ITER,
    );
    const truth = await openChallenge(c, 'pw');
    const answers = [4, 8, 16].map((k) =>
      makeAnswer(c, `K${k}`, { kind: 'pilot-design', branchesPerArm: k }, 9),
    );
    const board = classBoard(c, truth, answers);
    expect(board.rows.map((r) => [r.learner, r.score, r.mistakes])).toEqual([
      ['K8', 100, ['over-budget']],
      ['K16', 50, ['over-budget', 'oversized']],
      ['K4', 0, ['over-budget', 'underpowered']],
    ]);
  });

  it('refuses an answer to another challenge, of another kind or with bounds reversed', async () => {
    const c = await makeChallenge(
      { ...base, task: { kind: 'estimate', strategy: 'a', metric: 'roi' } },
      'pw',
      ITER,
    );
    const ok = makeAnswer(c, 'A', { kind: 'estimate', low: 1, high: 2 }, 1);
    expect(validateAnswer(ok, c).ok).toBe(true);
    const paths = (a: unknown) => {
      const r = validateAnswer(a, c);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths({ ...ok, seal: 'another' })).toEqual(['challenge']);
    expect(paths({ ...ok, answer: { kind: 'estimate', low: 3, high: 2 } })).toEqual(['answer.high']);
    expect(paths({ ...ok, answer: { kind: 'best-of', choice: 'a' } })).toEqual(['answer.kind']);
  });
});
