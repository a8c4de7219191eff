import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runPowerCli } from '../../sim/runtime/cli-power';
import { cliCommand, repoRoot } from './cli-process';

// Reference values: R 4.x power.prop.test / power.t.test (documentation examples and printed
// output), SciPy 1.17 for the z designs (both tails) and the cluster t designs, and hand
// computations; see sim/planner/*.test.ts.

function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runPowerCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function json(...args: string[]): Record<string, unknown> & { inputs: Record<string, unknown> } {
  const r = run(...args, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const bin = ['--outcome', 'binary', '--p-control', '0.5'];

describe('power CLI: results', () => {
  it('solves customers per arm for two proportions (SciPy 76.70692; R power.prop.test: n = 76.7)', () => {
    const r = json(...bin, '--p-treat', '0.75', '--power', '0.9');
    expect(r.solvedFor).toBe('nPerArm');
    expect(r.nPerArm as number).toBeCloseTo(76.70691611581744, 9);
    expect(r.nPerArmRounded).toBe(77);
    expect(r.designEffect).toBe(1);
    expect(r.power).toBe(0.9);
    expect(r.test).toBe('z');
    expect(r).not.toHaveProperty('clustersPerArm');
    expect(r).not.toHaveProperty('weeks');
    expect(r.inputs).toEqual({
      outcome: 'binary',
      pControl: 0.5,
      pTreat: 0.75,
      method: 'pooled',
      alpha: 0.05,
      power: 0.9,
      test: 'z',
    });
  });

  it('gives the arcsine answer n = 76.65294 with --method arcsine (statsmodels NormalIndPower)', () => {
    const r = json(...bin, '--p-treat', '0.75', '--power', '0.9', '--method', 'arcsine');
    expect(r.nPerArm as number).toBeCloseTo(76.65294035637676, 9);
  });

  it('computes power when only a size is given (SciPy, both tails: 0.7401672; R strict = FALSE: 0.7401659)', () => {
    const r = json(...bin, '--p-treat', '0.75', '--n-per-arm', '50');
    expect(r.solvedFor).toBe('power');
    expect(r.power as number).toBeCloseTo(0.740167193453611, 9);
    expect(r).not.toHaveProperty('nPerArmRounded');
  });

  it('solves the MDE from --power and --n-per-arm (SciPy 0.8026306; R: p2 = 0.8026)', () => {
    const r = json(...bin, '--n-per-arm', '50', '--power', '0.9');
    expect(r.solvedFor).toBe('mde');
    expect(r.mde as number).toBeCloseTo(0.8026305679884229, 8);
    expect(r.mdeDifference as number).toBeCloseTo(0.3026305679884229, 8);
  });

  it('uses the t test for means by default (R power.t.test: n = 22.02110, power 0.8689528)', () => {
    const n = json('--outcome', 'mean', '--delta', '1', '--sd', '1', '--power', '0.9');
    expect(n.test).toBe('t');
    expect(Math.abs((n.nPerArm as number) - 22.0211)).toBeLessThan(1e-4);
    expect(n.nPerArmRounded).toBe(23);
    const p = json('--outcome', 'mean', '--delta', '1', '--sd', '1', '--n-per-arm', '20');
    expect(Math.abs((p.power as number) - 0.8689528)).toBeLessThan(1e-6);
    expect(p.df).toBe(38);
  });

  it('defaults to power 0.8 when no size is given', () => {
    const r = json('--outcome', 'mean', '--delta', '0.5', '--sd', '1', '--test', 'z');
    expect(r.power).toBe(0.8);
    expect(r.inputs.power).toBe(0.8);
    // SciPy, both tails (the upper-tail closed form 2·(1.959964 + 0.841621)²·1/0.25 gives 62.79104).
    expect(r.nPerArm as number).toBeCloseTo(62.790884074609586, 8);
  });

  it('C6: z and t count both tails of the same two-sided test (issue 19)', () => {
    // 0.05 vs 0.06 unpooled, 20 branches of 400, ICC 0.01. SciPy 1.17, computed 2026-12-07
    // (see sim/planner/analytic.test.ts): z 0.23712940187159898 (norm; upper tail alone
    // 0.2364474), t with df 38 0.22767627829232576 (nct; upper tail alone 0.2269181).
    const c6 = [
      '--outcome',
      'binary',
      '--p-control',
      '0.05',
      '--p-treat',
      '0.06',
      '--clusters-per-arm',
      '20',
    ];
    const rest = ['--method', 'unpooled', '--cluster-size', '400', '--icc', '0.01'];
    const z = json(...c6, ...rest, '--test', 'z');
    expect(z.power as number).toBeCloseTo(0.23712940187159898, 12);
    const t = json(...c6, ...rest, '--test', 't');
    expect(t.df).toBe(38);
    expect(Math.abs((t.power as number) - 0.22767627829232576)).toBeLessThan(1e-8);
  });

  it('plans branches: DE 5.99, 46.99 branches of 500 (t, SciPy), 47 rounded, 9 weeks at 60 a week', () => {
    const r = json(
      ...['--outcome', 'binary', '--p-control', '0.1', '--p-treat', '0.12'],
      ...['--cluster-size', '500', '--icc', '0.01', '--accrual-per-branch-week', '60'],
    );
    expect(r.solvedFor).toBe('clustersPerArm');
    expect(r.designEffect as number).toBeCloseTo(5.99, 12);
    expect((r.clustersPerArm as number) / 46.99347020444339).toBeCloseTo(1, 6);
    expect(r.clustersPerArmRounded).toBe(47);
    expect(r.nPerArmRounded).toBe(23500);
    expect(r.weeks).toBe(9);
    expect(r.test).toBe('t');
    expect(r.inputs).toMatchObject({
      icc: 0.01,
      cv: 0,
      clusterSize: 500,
      accrualPerBranchWeek: 60,
      test: 't',
    });
  });

  it('plans branches with unequal sizes by z test: DE 6.79, k = 52.1586 (SciPy)', () => {
    const r = json(
      ...['--outcome', 'binary', '--p-control', '0.1', '--p-treat', '0.12'],
      ...['--cluster-size', '500', '--icc', '0.01', '--cv', '0.4', '--test', 'z'],
    );
    expect(r.designEffect as number).toBeCloseTo(6.79, 12);
    expect(r.clustersPerArm as number).toBeCloseTo(52.158582361913524, 8);
  });

  it('solves customers per branch for a fixed number of branches (t: 184.44, SciPy)', () => {
    const r = json(
      ...['--outcome', 'binary', '--p-control', '0.1', '--p-treat', '0.12'],
      ...['--clusters-per-arm', '60', '--icc', '0.01', '--accrual-per-branch-week', '60'],
    );
    expect(r.solvedFor).toBe('clusterSize');
    expect((r.clusterSize as number) / 184.44353650591344).toBeCloseTo(1, 6);
    expect(r.clusterSizeRounded).toBe(185);
    expect(r.weeks).toBe(4);
  });

  it('solves the MDE and power of a branch design', () => {
    const branch = ['--clusters-per-arm', '60', '--cluster-size', '500', '--icc', '0.01'];
    const mde = json('--outcome', 'binary', '--p-control', '0.1', '--power', '0.8', ...branch);
    expect(mde.mde as number).toBeCloseTo(0.11757352121749039, 7);
    const power = json('--outcome', 'binary', '--p-control', '0.1', '--p-treat', String(mde.mde), ...branch);
    expect(power.power as number).toBeCloseTo(0.8, 8);
  });

  it('accepts --flag=value', () => {
    const r = json('--outcome=binary', '--p-control=0.5', '--p-treat=0.75', '--power=0.9');
    expect(r.nPerArmRounded).toBe(77);
  });
});

describe('power CLI: explanation without --json', () => {
  it('says what was solved in plain words', () => {
    const r = run(...bin, '--p-treat', '0.75', '--power', '0.9');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Customers needed per arm: 76.7069, so recruit 77 per arm \(154 in total\)\./);
    expect(r.out).toContain('Two-sided z test of two proportions, pooled variance');
  });

  it('explains the design effect of a branch', () => {
    const r = run(
      '--outcome',
      'binary',
      '--p-control',
      '0.1',
      '--p-treat',
      '0.12',
      '--cluster-size',
      '500',
      '--icc',
      '0.01',
    );
    expect(r.out).toContain(
      'each branch of 500 customers with ICC 0.01 counts as 1 + 499×0.01 = 5.99 times fewer independent customers',
    );
    expect(r.out).toContain('Branches needed per arm: 46.9935, so use 47 branches per arm of 500 customers');
  });
});

describe('power CLI: errors', () => {
  function fails(code: number, pattern: RegExp, ...args: string[]): void {
    const r = run(...args);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(pattern);
    expect(r.err.trimEnd()).not.toContain('\n');
    expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  }

  it('exit 1 with the flag, the value and the expectation for invalid values', () => {
    fails(
      1,
      /^--p-control: 1\.2 is not a probability; expected a number in \(0, 1\)\n$/,
      '--outcome',
      'binary',
      '--p-control',
      '1.2',
      '--p-treat',
      '0.5',
    );
    fails(1, /^--p-treat: 0.5 equals --p-control/, ...bin, '--p-treat', '0.5');
    fails(
      1,
      /^--icc: 1 is not an intracluster correlation/,
      ...bin,
      '--p-treat',
      '0.6',
      '--icc',
      '1',
      '--cluster-size',
      '9',
    );
    fails(1, /^--power: 1 /, ...bin, '--p-treat', '0.6', '--power', '1');
    fails(1, /^--alpha: 0 /, ...bin, '--p-treat', '0.6', '--alpha', '0');
    fails(1, /^--sd: -1 /, '--outcome', 'mean', '--delta', '1', '--sd', '-1');
    fails(1, /^--n-per-arm: 1 /, ...bin, '--p-treat', '0.6', '--n-per-arm', '1');
    fails(1, /^--cluster-size: 0.5 /, ...bin, '--p-treat', '0.6', '--icc', '0.1', '--cluster-size', '0.5');
  });

  it('exit 1 when the design cannot reach the power', () => {
    fails(
      1,
      /^--clusters-per-arm: 20 is too few: with ICC 0.01 even infinitely large branches only reach power .* expected more than 39.39 branches per arm\n$/,
      ...[
        '--outcome',
        'binary',
        '--p-control',
        '0.1',
        '--p-treat',
        '0.12',
        '--clusters-per-arm',
        '20',
        '--icc',
        '0.01',
      ],
    );
    fails(
      1,
      /^--n-per-arm: 30 is too small/,
      '--outcome',
      'binary',
      '--p-control',
      '0.9',
      '--n-per-arm',
      '30',
      '--power',
      '0.8',
    );
  });

  it('exit 2 for usage errors', () => {
    fails(2, /unknown option --foo/, ...bin, '--p-treat', '0.6', '--foo', '1');
    fails(2, /unexpected argument "extra"/, ...bin, '--p-treat', '0.6', 'extra');
    fails(2, /--outcome is required/, '--p-control', '0.5', '--p-treat', '0.6');
    fails(2, /--p-control is required/, '--outcome', 'binary', '--p-treat', '0.6');
    fails(2, /--sd is required/, '--outcome', 'mean', '--delta', '1');
    fails(
      2,
      /--p-control: "abc" is not a number/,
      '--outcome',
      'binary',
      '--p-control',
      'abc',
      '--p-treat',
      '0.6',
    );
    fails(2, /--power: "0x1" is not a number/, ...bin, '--p-treat', '0.6', '--power', '0x1');
    fails(2, /--power needs a value/, ...bin, '--p-treat', '0.6', '--power');
    fails(2, /--outcome: "count" is not one of binary, mean/, '--outcome', 'count');
    fails(
      2,
      /--method does not apply to --outcome mean/,
      '--outcome',
      'mean',
      '--delta',
      '1',
      '--sd',
      '1',
      '--method',
      'pooled',
    );
    fails(2, /--cluster-size needs a cluster design/, ...bin, '--p-treat', '0.6', '--cluster-size', '50');
    fails(2, /--icc needs --cluster-size/, ...bin, '--p-treat', '0.6', '--icc', '0.1');
    fails(2, /over-determined/, ...bin, '--p-treat', '0.6', '--n-per-arm', '50', '--power', '0.8');
    fails(2, /--p-treat is missing/, ...bin, '--n-per-arm', '50');
    fails(2, /--p-control is given twice/, ...bin, '--p-control', '0.4', '--p-treat', '0.6');
  });

  it('prints the usage with --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('power --outcome binary --p-control P0 --p-treat P1');
  });
});

describe('power CLI: as a process', () => {
  it('prints the JSON to stdout and exits 0', () => {
    const args = ['power', '--outcome', 'binary', '--p-control', '0.5', '--p-treat', '0.75'];
    const r = spawnSync(...cliCommand([...args, '--power', '0.9', '--json']), {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.nPerArm).toBeCloseTo(76.70691611581744, 9);
    expect(out.nPerArmRounded).toBe(77);
    expect(out.designEffect).toBe(1);
  });
});
