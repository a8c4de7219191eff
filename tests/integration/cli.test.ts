// The CLI as a user runs it: a child process from the repo root (Node on the CLI bundled once per
// test run: cli-bundle.setup.ts).
// Exit codes, the summary on stdout, clean one-line errors, atomic output files, Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand, repoRoot } from './cli-process';

const TINY = 'tests/fixtures/tiny.json';
const TINY_STRATEGIES = ['omni_fund', 'payday_wmp', 'app_activation', 'inflow_wm'];

type Result = { code: number | null; signal: NodeJS.Signals | null; out: string; err: string };

type RunOptions = {
  /** Called with the child and the stderr so far, on every stderr chunk. */
  onStderr?: (child: ChildProcess, err: string) => void;
};

const children = new Set<ChildProcess>();

function cli(args: string[], opts: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const [cmd, argv] = cliCommand(args);
    const child = spawn(cmd, argv, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      opts.onStderr?.(child, err);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, out, err });
    });
  });
}

const tmpDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-cli-'));
  tmpDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const c of children) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGKILL');
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** No stack trace reached the user. */
function expectNoStack(text: string) {
  expect(text).not.toMatch(/^ {4}at /m);
  expect(text).not.toContain('internal error');
}

describe('sim run', () => {
  it('prints the summary, writes JSON, and the same seed twice gives byte-identical JSON', async () => {
    const dir = tempDir();
    const args = (out: string) => [
      'run',
      TINY,
      '--replications',
      '6',
      '--workers',
      '1',
      '--out',
      join(dir, out),
    ];
    const [a, b] = await Promise.all([cli(args('r.json')), cli(args('again.json'))]);
    expect(a.err).not.toContain('error');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    for (const id of TINY_STRATEGIES) expect(a.out).toContain(id);
    expect(a.out).toContain('verdict');
    expect(a.out).toContain('90% of replications in');
    expect(a.out).toContain('6 replications');
    expect(a.err).toContain(`wrote ${join(dir, 'r.json')}`);
    expect(a.err).toMatch(
      /estimate: about \d+ s with 1 worker\(s\) \(\d+(\.\d+)? ms of CPU a replication\), peak memory about \d+ MB/,
    );

    const text = readFileSync(join(dir, 'r.json'), 'utf8');
    const doc = JSON.parse(text);
    expect(doc.kind).toBe('sandtable.result');
    expect(doc.settings).toEqual({ seed: 'sandtable-tiny-fixture', replications: 6 });
    expect(doc.summary.replicationsDone).toBe(6);
    expect(doc.summary.strategies.map((s: { id: string }) => s.id)).toEqual(TINY_STRATEGIES);
    expect(readFileSync(join(dir, 'again.json'), 'utf8') === text, 'same seed, same bytes').toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['again.json', 'r.json']);
  });

  it('--json prints the same document as --out, with a verdict in words and the modelled ROI and value', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.json');
    const base = ['run', TINY, '--replications', '4', '--workers', '1'];
    const [printed, written] = await Promise.all([cli([...base, '--json']), cli([...base, '--out', file])]);
    expect(printed.code).toBe(0);
    expect(written.code).toBe(0);
    expect(printed.out === readFileSync(file, 'utf8'), 'stdout is the --out document').toBe(true);
    const doc = JSON.parse(printed.out);
    for (const st of doc.summary.strategies) {
      expect(st.verdict.code).toMatch(/^verdict\.(rollOut|pilotFirst|unprofitable|noEffect)$/);
      expect(st.verdict.text).toMatch(/^(Roll out|Pilot first|Do not roll out)/);
      // Ratio of means: mean modelled value ÷ mean cost.
      expect(st.modelled.roi.mean).toBeCloseTo(st.modelled.valueCny.mean / st.cost.totalCny.mean, 9);
    }
  });

  it('writes one CSV row per replication and strategy, plus a header', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    const r = await cli([
      'run',
      TINY,
      '--replications',
      '6',
      '--workers',
      '1',
      '--format',
      'csv',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const columns = header.split(',');
    expect(columns.slice(0, 2)).toEqual(['replication', 'strategy']);
    expect(columns).toContain('conversion_uplift_pp');
    expect(rows).toHaveLength(6 * TINY_STRATEGIES.length);
    for (const row of rows) expect(row.split(',')).toHaveLength(columns.length);
    const keys = rows.map((row) => row.split(',').slice(0, 2).join(':'));
    const expected = [0, 1, 2, 3, 4, 5].flatMap((k) => TINY_STRATEGIES.map((id) => `${k}:${id}`));
    expect(keys).toEqual(expected);
  });
});

describe('sim validate and user errors', () => {
  it('reports a bad file as file:line:col: error: path: message, without a stack trace', async () => {
    const bad = 'tests/fixtures/bad/unknown-channel.json';
    const malformed = 'tests/fixtures/bad/malformed-trailing-comma.txt';
    const r = await cli(['validate', TINY, bad, malformed]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${TINY}: ok (4 strategies, 3,000 customers)`);
    const lines = r.err.split('\n');
    expect(lines).toContain(
      `${bad}:124:38: error: strategies[0].journey.steps[2].channel: "wechat2" is not a channel; known: sms, wechat, ai_call (did you mean "wechat"?)`,
    );
    expect(lines).toContain(`${malformed}:90:62: error: malformed JSON: trailing comma before }`);
    expectNoStack(r.err);
  });

  it('run on an invalid scenario exits 1 and leaves an existing output file and the folder untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.json');
    writeFileSync(file, 'previous results\n');
    const r = await cli([
      'run',
      'tests/fixtures/bad/holdout-zero.json',
      '--workers',
      '1',
      '--out',
      file,
      '--force',
    ]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toContain(
      'tests/fixtures/bad/holdout-zero.json:128:29: error: strategies[0].holdout.share: 0; expected more than 0 and less than 1 (a 0% or 100% holdout leaves no comparison)',
    );
    expectNoStack(r.err);
    expect(readFileSync(file, 'utf8')).toBe('previous results\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it.concurrent.for([
    ['an unknown option', ['run', TINY, '--frobnicate'], 'unknown option --frobnicate'],
    ['a missing file argument', ['run'], 'run needs exactly one scenario file'],
    ['--replications 0', ['run', TINY, '--replications', '0'], '--replications: "0" is not a whole number'],
    [
      '--replications abc',
      ['run', TINY, '--replications', 'abc'],
      '--replications: "abc" is not a whole number',
    ],
    ['validate without files', ['validate'], 'validate needs at least one scenario file'],
    ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
  ] as const)('exits 2 with the usage on %s', async ([, args, message], { expect }) => {
    const r = await cli([...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: ${message}`);
    expect(r.err).toContain('Usage:');
    expect(r.err).not.toMatch(/^ {4}at /m);
  });

  it('exits 1 with "cannot read" for a file that does not exist', async () => {
    const r = await cli(['run', 'tests/fixtures/no-such-file.json', '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'tests/fixtures/no-such-file.json: error: cannot read the scenario (no such file)',
    );
    expectNoStack(r.err);
  });
});

describe('--out is checked before the run; hostile files', () => {
  it('refuses --out equal to the scenario (even with --force) and leaves it unchanged', async () => {
    const dir = tempDir();
    const scenario = join(dir, 's.json');
    const original = readFileSync(join(repoRoot, TINY), 'utf8');
    writeFileSync(scenario, original);
    for (const extra of [[], ['--force']]) {
      const r = await cli(['run', scenario, '--workers', '1', '--out', scenario, ...extra]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`error: --out ${scenario} is the scenario file being read`);
      expect(r.err).not.toContain('progress:');
      expectNoStack(r.err);
    }
    expect(readFileSync(scenario, 'utf8') === original, 's.json unchanged').toBe(true);
    expect(readdirSync(dir)).toEqual(['s.json']);
  });

  it('fails on an --out in a missing folder before the run starts', async () => {
    const dir = tempDir();
    const out = join(dir, 'missing', 'r.json');
    const r = await cli(['run', TINY, '--replications', '1000', '--workers', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: --out ${out}: the folder ${join(dir, 'missing')} does not exist`);
    expect(r.err).not.toContain('progress:');
    expect(r.out).toBe('');
  });

  it('replaces an existing --out only with --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    writeFileSync(out, 'previous results\n');
    const refused = await cli(['run', TINY, '--replications', '2', '--workers', '0', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`error: --out ${out} already exists; add --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('previous results\n');
    const forced = await cli(['run', TINY, '--replications', '2', '--workers', '0', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('sandtable.result');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('refuses a run estimated not to fit in memory before building anything, unless --force', async () => {
    const dir = tempDir();
    const big = JSON.parse(readFileSync(join(repoRoot, TINY), 'utf8'));
    big.population.size = 5_000_000; // the format's maximum: ~2 GB a thread, 65 threads
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const r = await cli(['run', file, '--replications', '1000', '--workers', '64']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/this run would need about \d+ MB of memory, more than the \d+ MB it may use/);
    expect(r.err).toContain('5000000 customers take');
    expect(r.err).toContain('Reduce the replications, the population size or the workers');
    expect(r.err).toContain('--force runs it anyway');
    expect(r.err).not.toContain('progress:');
    expectNoStack(r.err);
  });

  it('rejects hostile files with exit 1 and a located message, never exit 3', async () => {
    const deep = 'tests/fixtures/hostile/valid-deep.json';
    const r = await cli(['validate', deep, 'tests/fixtures/hostile/number-overflow.json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${deep}:1:65: error: invalid file: objects and lists nest more than 64 levels deep`,
    );
    expect(r.err).toMatch(
      /number-overflow\.json:\d+:\d+: error: population\.size: a number too large to represent/,
    );
    expectNoStack(r.err);
  });

  it('refuses a file over 20 MB before reading it, unless --max-size raises the limit', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.json');
    writeFileSync(big, readFileSync(join(repoRoot, TINY), 'utf8') + ' '.repeat(21 * 1024 * 1024));
    const refused = await cli(['validate', big]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `${big}: error: the file is 21.0 MB, over the 20 MB limit for scenarios; raise it with --max-size`,
    );
    const raised = await cli(['validate', big, '--max-size', '30']);
    expect(raised.code).toBe(0);
    expect(raised.out).toContain(`${big}: ok`);
  });
});

describe('Ctrl-C', () => {
  // SIGINT after the first progress line, as a user would press Ctrl-C; the run would take minutes.
  it.each([
    ['a worker thread', '1'],
    ['no worker threads', '0'],
  ])('with %s: exits 130, says cancelled, writes no output or temp file', async (_what, workers) => {
    const dir = tempDir();
    let isSent = false;
    const args = ['run', TINY, '--replications', '1000', '--workers', workers, '--out', join(dir, 'r.json')];
    const r = await cli(args, {
      onStderr: (child, err) => {
        if (isSent || !err.includes('progress:')) return;
        isSent = true;
        child.kill('SIGINT');
      },
    });
    expect(isSent).toBe(true);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 130, signal: null });
    expect(r.err).toContain('cancelled; no output file was written');
    expect(r.out).toBe('');
    expect(readdirSync(dir)).toEqual([]);
    expectNoStack(r.err);
  });
});
