import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../sim/runtime/cli';
import { repoRoot } from './cli-process';

async function runMain(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    args,
    { out: (s) => (out += s), err: (s) => (err += s) },
    new AbortController().signal,
  );
  return { code, out, err };
}

const tiny = join(repoRoot, 'tests/fixtures/tiny.json');

type Row = Record<string, unknown> & { parameter: string; swing: number; se: number };
type Doc = {
  output: string;
  rows: Row[];
  byStrategy: Array<{ strategy: string; rows: Row[] }>;
};

describe('sensitivity CLI (the tiny fixture, 3 priors × 2 points + base, 8 replications each, in this thread)', () => {
  it('prints the tornado as JSON with the promised row keys, sorted by swing, and writes --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sens-'));
    const out = join(dir, 'tornado.json');
    const r = await runMain(
      'sensitivity',
      tiny,
      '--output',
      'modelledNewMoney',
      '--replications',
      '8',
      '--workers',
      '0',
      '--json',
      '--out',
      out,
    );
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Doc;
    expect(readFileSync(out, 'utf8')).toBe(r.out);
    expect(doc.output).toBe('modelledNewMoney');
    expect(doc.rows).toHaveLength(3);
    for (const row of doc.rows)
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(['parameter', 'low', 'high', 'outputLow', 'outputHigh', 'swing', 'se']),
      );
    const swings = doc.rows.map((x) => x.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // app_activation (SMS only, no money product) cannot be moved by the AI call: swing 0 within its SE.
    const activation = doc.byStrategy.find((s) => s.strategy === 'app_activation');
    const ai = activation?.rows.find((x) => x.parameter === 'channels[ai_call].responseEffect');
    expect(ai).toBeDefined();
    expect(Math.abs(ai?.swing ?? Number.NaN)).toBeLessThanOrEqual(3 * (ai?.se ?? 0) + 1e-9);
  });

  it('names the problem: an unknown strategy (1), no --output (2), nothing to analyse (1)', async () => {
    const bad = await runMain(
      'sensitivity',
      tiny,
      '--output',
      'cost',
      '--strategy',
      'nope',
      '--workers',
      '0',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--strategy: nope is not a strategy of the scenario; expected one of omni_fund/);
    const usage = await runMain('sensitivity', tiny);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/sensitivity needs --output/);
    const doc = JSON.parse(readFileSync(tiny, 'utf8')) as { uncertainty: unknown[] };
    doc.uncertainty = [];
    const dir = mkdtempSync(join(tmpdir(), 'sens-'));
    const none = join(dir, 'no-priors.json');
    writeFileSync(none, JSON.stringify(doc));
    const empty = await runMain('sensitivity', none, '--output', 'cost', '--workers', '0');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain(`${none}: the scenario has no uncertain parameter`);
  });

  it('refuses a ledger range that makes the scenario invalid, naming the parameter, value and rule', async () => {
    const doc = JSON.parse(readFileSync(tiny, 'utf8')) as Record<string, unknown>;
    doc.ledger = [{ param: 'channels[sms].reachRate', source: 'guess', low: 0.5, high: 1.4 }];
    const dir = mkdtempSync(join(tmpdir(), 'sens-'));
    const file = join(dir, 'bad-range.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runMain('sensitivity', file, '--output', 'cost', '--workers', '0');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /channels\[sms\]\.reachRate = 1\.4 makes the scenario invalid: channels\[\d\]\.reachRate: /,
    );
  });

  it('--method sobol prints first-order and total indices with bootstrap intervals as JSON', async () => {
    const r = await runMain(
      'sensitivity',
      tiny,
      '--output',
      'conversionUplift',
      '--method',
      'sobol',
      '--base-rows',
      '4',
      '--replications',
      '2',
      '--workers',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      method: string;
      baseRows: number;
      points: number;
      noiseShare: number;
      rows: Array<{ parameter: string; first: Record<string, number>; total: Record<string, number> }>;
    };
    expect(doc.method).toBe('sobol');
    expect([doc.baseRows, doc.points]).toEqual([4, 4 * (3 + 2)]);
    expect(doc.rows).toHaveLength(3);
    for (const row of doc.rows)
      for (const ix of [row.first, row.total]) {
        expect(Object.keys(ix).sort()).toEqual(['p05', 'p95', 'se', 'value']);
        expect(ix.p05).toBeLessThanOrEqual(ix.p95);
      }
    expect(doc.noiseShare).toBeGreaterThan(0);
    const usage = await runMain('sensitivity', tiny, '--output', 'cost', '--base-rows', '8');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--base-rows is for --method sobol');
  });

  it('--method sweep runs a two-way grid (x fastest) and prints each point with its paired change', async () => {
    const r = await runMain(
      'sensitivity',
      tiny,
      '--output',
      'cost',
      '--method',
      'sweep',
      '--x',
      'channels[sms].responseEffect=0.1:0.3:3',
      '--y',
      'channels[ai_call].responseEffect',
      '--replications',
      '2',
      '--workers',
      '0',
      '--json',
    );
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      axes: Array<{ param: string; values: number[] }>;
      cells: Array<{ values: number[]; estimate: number; se: number; change: number; changeSe: number }>;
    };
    expect(doc.axes[0].values).toEqual([0.1, 0.2, 0.3]);
    // --y without a range: the AI call's ledger range (its prior's 5th–95th percentile), 5 steps.
    expect(doc.axes[1].values).toHaveLength(5);
    expect(doc.axes[1].values[0]).toBeCloseTo(0.5 + Math.sqrt(0.009), 9);
    expect(doc.cells).toHaveLength(15);
    expect(doc.cells.slice(0, 2).map((c) => c.values)).toEqual([
      [0.1, doc.axes[1].values[0]],
      [0.2, doc.axes[1].values[0]],
    ]);
    const bad = await runMain(
      'sensitivity',
      tiny,
      '--output',
      'cost',
      '--method',
      'sweep',
      '--x',
      'channels[sms].reachRate=0.5:0.2',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected FROM < TO');
  });
});
