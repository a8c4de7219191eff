// `challenge make | answer | score` as a trainer runs them (child processes on the bundled CLI):
// the sealed file shows no hidden value in any decimal form, a wrong passphrase reveals nothing,
// and the interval score ranks a narrow covering interval above a wide one and above a miss.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassBoard } from '../../sim/teaching/board';
import { type Challenge, openChallenge } from '../../sim/teaching/challenge';
import { cliCommand, repoRoot } from './cli-process';

const dir = mkdtempSync(join(tmpdir(), 'sandtable-challenge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sim = (...args: string[]) =>
  spawnSync(...cliCommand(args), { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });

// The wealth-maturity example, smaller, with true values no other field of the file holds.
const HIDDEN = {
  'channels[wealth_manager].closeRate': 0.4375,
  'channels[ai_call].responseEffect': 1.2345,
};
const scenario = JSON.parse(readFileSync(join(repoRoot, 'scenarios/wealth-maturity-retention.json'), 'utf8'));
scenario.population.size = 8000;
scenario.monteCarlo.replications = 40;
scenario.channels.find((c: { id: string }) => c.id === 'wealth_manager').closeRate =
  HIDDEN['channels[wealth_manager].closeRate'];
scenario.channels.find((c: { id: string }) => c.id === 'ai_call').responseEffect =
  HIDDEN['channels[ai_call].responseEffect'];
const scenarioFile = join(dir, 'scenario.json');
writeFileSync(scenarioFile, JSON.stringify(scenario, null, 2));
writeFileSync(join(dir, 'pass.txt'), 'class of 2026 — correct horse\n');
writeFileSync(join(dir, 'wrong.txt'), 'class of 2026 — wrong horse\n');
const challengeFile = join(dir, 'challenge.json');

/** Every way a value may be written in decimal: 0.4375, .4375, 0.43750, 4.375e-1, 43.75%, 43.75 … */
function decimalForms(v: number): string[] {
  const forms = new Set<string>([String(v), v.toExponential(), v.toExponential().toUpperCase()]);
  for (let d = 1; d <= 10; d++) if (Number(v.toFixed(d)) === v) forms.add(v.toFixed(d));
  for (const f of [...forms]) if (f.startsWith('0.')) forms.add(f.slice(1));
  const pct = Number((v * 100).toPrecision(12));
  forms.add(String(pct));
  forms.add(`${pct}%`);
  return [...forms];
}

describe('challenge CLI (≈ 40 replications of an 8,000-customer scenario)', () => {
  it('makes a sealed file that holds none of the hidden values', () => {
    const r = sim(
      'challenge',
      'make',
      scenarioFile,
      '--hide',
      Object.keys(HIDDEN).join(','),
      '--task',
      'estimate',
      '--strategy',
      'maturity_retention',
      '--metric',
      'conversion-uplift-pp',
      '--pilots',
      '6',
      '--id',
      'maturity-uplift',
      '--title',
      '理财到期：估计提升',
      '--passphrase-file',
      join(dir, 'pass.txt'),
      '--out',
      challengeFile,
      '--workers',
      '2',
    );
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(r.status).toBe(0);
    const bytes = readFileSync(challengeFile, 'utf8');
    for (const [path, v] of Object.entries(HIDDEN))
      for (const form of decimalForms(v)) {
        // A form preceded or followed by another digit is part of a different number.
        const bounded = new RegExp(`(^|[^0-9])${form.replace(/[.+%]/g, (c) => `\\${c}`)}(?![0-9])`);
        expect(bounded.test(bytes), `${path} written as ${form}`).toBe(false);
      }
    const c = JSON.parse(bytes) as Challenge;
    expect(c.hidden).toEqual(Object.keys(HIDDEN));
    // The hidden fields are gone from the published scenario; the other fields of the channel stay.
    const wm = (c.scenario.channels as Array<Record<string, unknown>>).find((x) => x.id === 'wealth_manager');
    expect(wm && 'closeRate' in wm).toBe(false);
    expect(wm?.reachRate).toBe(
      scenario.channels.find((x: { id: string }) => x.id === 'wealth_manager').reachRate,
    );
    expect(c.observations).toHaveLength(6);
    // The example's priors on the hidden fields (their modes and ranges) are sealed too.
    const params = (c.scenario.uncertainty as Array<{ param: string }>).map((u) => u.param);
    const before = (scenario.uncertainty as Array<{ param: string }>).map((u) => u.param);
    expect(before).toEqual(expect.arrayContaining(Object.keys(HIDDEN)));
    expect(params).toEqual(before.filter((p) => !(p in HIDDEN)));
    expect(c.sealed.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses a wrong passphrase with a clear error and shows no value', async () => {
    const c = JSON.parse(readFileSync(challengeFile, 'utf8')) as Challenge;
    await expect(openChallenge(c, 'class of 2026 — wrong horse')).rejects.toMatchObject({
      code: 'challenge.wrong-passphrase',
    });
    writeFileSync(join(dir, 'a.json'), '{}');
    const r = sim(
      'challenge',
      'score',
      challengeFile,
      '--passphrase-file',
      join(dir, 'wrong.txt'),
      join(dir, 'a.json'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'error: the passphrase does not open this challenge (a wrong passphrase, or the file was changed); nothing was revealed\n',
    );
    expect(r.stdout).toBe('');
    const truth = await openChallenge(c, 'class of 2026 — correct horse');
    expect(truth.hidden).toEqual(Object.entries(HIDDEN).map(([path, value]) => ({ path, value })));
  });

  it('ranks a narrow covering interval above a wide one and above a miss (interval score)', async () => {
    const c = JSON.parse(readFileSync(challengeFile, 'utf8')) as Challenge;
    const truth = await openChallenge(c, 'class of 2026 — correct horse');
    if (truth.answer.kind !== 'estimate') throw new Error('task');
    const T = truth.answer.value;
    // 90% intervals, α = 0.1: narrow [T − 0.5, T + 0.5] scores its width 1; wide [T − 5, T + 5]
    // scores 10; [T + 1, T + 2] misses by 1: 1 + (2/0.1) × 1 = 21.
    const answers = { narrow: [T - 0.5, T + 0.5], wide: [T - 5, T + 5], miss: [T + 1, T + 2] };
    const files: string[] = [];
    for (const [name, [low, high]] of Object.entries(answers)) {
      const f = join(dir, `${name}.json`);
      const r = sim(
        'challenge',
        'answer',
        challengeFile,
        '--name',
        name,
        '--low',
        String(low),
        '--high',
        String(high),
        '--pilots-used',
        '6',
        '--out',
        f,
      );
      expect(r.status, r.stderr).toBe(0);
      files.push(f);
    }
    const r = sim(
      'challenge',
      'score',
      challengeFile,
      '--passphrase-file',
      join(dir, 'pass.txt'),
      ...files,
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const board = JSON.parse(r.stdout) as ClassBoard;
    expect(board.rows.map((x) => [x.learner, x.rank])).toEqual([
      ['narrow', 1],
      ['wide', 2],
      ['miss', 3],
    ]);
    expect(board.rows[0].score).toBeCloseTo(1, 9);
    expect(board.rows[1].score).toBeCloseTo(10, 9);
    expect(board.rows[2].score).toBeCloseTo(21, 9);
    expect(board.rows[2].mistakes).toContain('missed-truth');
    expect(board.mistakes).toEqual([{ code: 'missed-truth', count: 1 }]);
  });

  it('names the file, path and expectation of a bad answer', () => {
    const f = join(dir, 'bad.json');
    const good = JSON.parse(readFileSync(join(dir, 'narrow.json'), 'utf8'));
    writeFileSync(f, JSON.stringify({ ...good, answer: { kind: 'estimate', low: 3, high: 'x' } }, null, 2));
    const r = sim('challenge', 'score', challengeFile, '--passphrase-file', join(dir, 'pass.txt'), f);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:11:\d+: error: answer\.high: "x"; expected a number\n$/);
  });
});
