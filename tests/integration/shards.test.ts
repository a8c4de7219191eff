// `run --shard k/N` × N + `merge` gives the unsharded run's result file byte for byte; merge
// refuses parts that do not make one run. The CLI runs in this process (main), on the tiny fixture.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBlocks, shardRange } from '../../sim/blocks';
import { main } from '../../sim/runtime/cli';

const TINY = 'tests/fixtures/tiny.json';
const R = 7;
const dir = mkdtempSync(join(tmpdir(), 'sandtable-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    args,
    { out: (s) => (out += s), err: (s) => (err += s) },
    new AbortController().signal,
  );
  return { code, out, err };
}

const file = (name: string) => join(dir, name);

async function shard(k: number, n: number, seed = 'shards', extra: string[] = []): Promise<string> {
  const out = file(`${seed}-${k}of${n}.json`);
  const r = await cli(
    'run',
    TINY,
    '--replications',
    String(R),
    '--seed',
    seed,
    '--workers',
    '0',
    ...extra,
    '--shard',
    `${k}/${n}`,
    '--out',
    out,
    // Parts of the same name are written again by later cases (other block sizes).
    '--force',
  );
  expect(r.err).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return out;
}

describe('shards', () => {
  it('cut the replications into contiguous shares that differ by at most one', () => {
    expect([0, 1, 2].map((k) => shardRange(7, k, 3))).toEqual([
      [0, 2],
      [2, 4],
      [4, 7],
    ]);
    // Any plan covers its range in order, whatever the workers and block size.
    for (const [workers, blockSize] of [
      [1, undefined],
      [3, undefined],
      [2, 4],
    ] as const) {
      const plan = planBlocks(1000, { workers, blockSize, range: [250, 500] });
      expect(plan[0][0]).toBe(250);
      expect(plan.at(-1)?.[1]).toBe(500);
      for (let i = 1; i < plan.length; i++) expect(plan[i][0]).toBe(plan[i - 1][1]);
    }
  });

  it('× N + merge is byte-identical to one run, for N = 1, 2, 3 and an uneven block count', async () => {
    const whole = file('whole.json');
    const run = await cli(
      'run',
      TINY,
      '--replications',
      String(R),
      '--seed',
      'shards',
      '--workers',
      '2',
      '--out',
      whole,
    );
    expect(run.code).toBe(0);
    const expected = readFileSync(whole, 'utf8');
    for (const n of [1, 2, 3]) {
      const parts = [];
      for (let k = 0; k < n; k++) parts.push(await shard(k, n));
      const merged = file(`merged-${n}.json`);
      // Parts in any order.
      const r = await cli('merge', ...parts.reverse(), '--out', merged);
      expect(r.err).toBe(`wrote ${merged}\n`);
      expect(r.code).toBe(0);
      expect(readFileSync(merged, 'utf8') === expected, `N = ${n}: same bytes`).toBe(true);
    }
    // Shares of 3, 4 replications cut into blocks of 2: 2 + 2 blocks, the last of each shard short.
    const uneven = [
      await shard(0, 2, 'shards', ['--block-size', '2']),
      await shard(1, 2, 'shards', ['--block-size', '2']),
    ];
    const merged = file('merged-uneven.json');
    expect((await cli('merge', ...uneven, '--out', merged)).code).toBe(0);
    expect(readFileSync(merged, 'utf8') === expected, 'uneven blocks: same bytes').toBe(true);
    // The per-replication CSV merges too.
    const csv = file('merged.csv');
    const wholeCsv = file('whole.csv');
    expect((await cli('merge', ...uneven, '--format', 'csv', '--out', csv)).code).toBe(0);
    await cli(
      'run',
      TINY,
      '--replications',
      String(R),
      '--seed',
      'shards',
      '--workers',
      '0',
      '--format',
      'csv',
      '--out',
      wholeCsv,
    );
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(wholeCsv, 'utf8'));
  }, 120_000);

  it('merge refuses a duplicated shard, a missing shard and a shard of another seed (exit 1, named files)', async () => {
    const [p0, p1, p2] = [await shard(0, 3), await shard(1, 3), await shard(2, 3)];
    const out = file('refused.json');

    const twice = await cli('merge', p0, p1, p1, p2, '--out', out);
    expect(twice.code).toBe(1);
    expect(twice.err).toBe(
      `${p1}: error: replications 2–3 are also in ${p1} (the same shard given twice?)\n`,
    );

    const missing = await cli('merge', p0, p2, '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: replications 2–3 of 7 are in no part \(shard missing\?\)/);

    const other = await shard(1, 3, 'another-seed');
    const seed = await cli('merge', p0, other, p2, '--out', out);
    expect(seed.code).toBe(1);
    expect(seed.err).toBe(
      `${other}: error: seed "another-seed" differs from ${p0}'s "shards"; every part must use the same --seed\n`,
    );

    const fewer = file('fewer.json');
    await cli(
      'run',
      TINY,
      '--replications',
      '6',
      '--seed',
      'shards',
      '--workers',
      '0',
      '--shard',
      '2/3',
      '--out',
      fewer,
    );
    expect((await cli('merge', p0, p1, fewer, '--out', out)).err).toMatch(
      /replications 6 differs from .*'s 7; every part must use the same --replications/,
    );

    const rebuilt = file('rebuilt.json');
    writeFileSync(
      rebuilt,
      JSON.stringify({ ...JSON.parse(readFileSync(p2, 'utf8')), engine: 'engine-0123' }),
    );
    expect((await cli('merge', p0, p1, rebuilt, '--out', out)).err).toMatch(
      /rebuilt\.json: error: engine "engine-0123" differs from .*; run every shard with the same Sandtable build/,
    );

    const edited = file('edited.json');
    const doc = JSON.parse(readFileSync(p2, 'utf8'));
    doc.scenario.population.size = 2999;
    writeFileSync(edited, JSON.stringify(doc));
    expect((await cli('merge', p0, p1, edited, '--out', out)).err).toMatch(
      /edited\.json: error: scenarioHash \w+ does not match the scenario it holds/,
    );

    const result = await cli('merge', file('whole.json'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/whole\.json: error: kind "sandtable\.result"; expected "sandtable\.partial"/);
    expect(() => readFileSync(out)).toThrow(); // nothing written on refusal
  }, 120_000);

  it('run --shard checks its flags (exit 2)', async () => {
    expect((await cli('run', TINY, '--shard', '3/3', '--out', file('x.json'))).err).toMatch(
      /--shard: "3\/3": K counts from 0 to N−1/,
    );
    expect((await cli('run', TINY, '--shard', '0/2')).err).toMatch(/--shard needs --out FILE/);
    expect((await cli('run', TINY, '--shard', 'half', '--out', file('x.json'))).code).toBe(2);
  });
});
