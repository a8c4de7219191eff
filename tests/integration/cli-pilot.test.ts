import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { PilotPlanReport } from '../../sim/planner/pilot-types';
import { main } from '../../sim/runtime/cli';
import { cliCommand, repoRoot } from './cli-process';

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

describe('pilot CLI: the example scenario (child process, 7 grid points × 20 replications)', () => {
  it('prints the curves, MDE, implied ICC/CV and the formula beside the simulation as JSON', () => {
    const r = spawnSync(
      ...cliCommand([
        'pilot',
        'scenarios/omnichannel-referral-pilot.json',
        '--branches',
        '5',
        '--weeks',
        '8',
        '--replications',
        '20',
        '--json',
      ]),
      { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 },
    );
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as PilotPlanReport;
    expect(report.branchesPerArm).toBe(5);
    expect(report.weeks).toBe(8);
    expect(report.replications).toBe(20);
    expect(report.level).toBe('branch');
    // K/2, K, 1.5K, 2K (capped at 40/2) and W/2, W, 1.5W, 2W.
    expect(report.grids).toEqual({ branches: [3, 5, 8, 10], weeks: [4, 8, 12, 16] });
    expect(report.selection.pilot).toHaveLength(5);
    expect(report.selection.control).toHaveLength(5);
    expect(new Set([...report.selection.pilot, ...report.selection.control]).size).toBe(10);
    expect(report.cv.all).toBeGreaterThan(0.3);
    expect(report.mdeMethod).toBe('replication-sd');
    expect(report.strategies.map((s) => s.id)).toEqual([
      'omni_fund',
      'payday_wmp',
      'app_activation',
      'inflow_wm',
    ]);
    for (const st of report.strategies) {
      expect(st.byBranches.map((p) => p.branchesPerArm)).toEqual([3, 5, 8, 10]);
      expect(st.byWeeks.map((p) => p.weeks)).toEqual([4, 8, 12, 16]);
      const d = st.design;
      for (const p of [...st.byBranches, ...st.byWeeks]) {
        // A simulated power is the share of the 20 replications whose test is significant.
        expect(p.powerConversion * 20).toBeCloseTo(Math.round(p.powerConversion * 20), 9);
        expect(p.mdeConversionPp).toBeGreaterThan(0);
      }
      // The design (5 per arm, 8 weeks) lies on both curves: one run, one power.
      expect(st.byBranches.find((p) => p.branchesPerArm === 5)!.powerConversion).toBe(d.conversion.power);
      expect(st.byWeeks.find((p) => p.weeks === 8)!.powerConversion).toBe(d.conversion.power);
      // 20 replications: the binomial SE of a power p is √(p(1 − p)/20).
      expect(d.conversion.powerSe).toBeCloseTo(
        Math.sqrt((d.conversion.power * (1 - d.conversion.power)) / 20),
        9,
      );
      expect(Number.isFinite(d.conversion.icc.icc)).toBe(true);
      expect(d.conversion.icc.icc).toBeLessThan(0.1);
      expect(d.conversion.analytic.power).not.toBeNull();
      expect(d.conversion.analytic.designEffect).toBeGreaterThanOrEqual(1);
      expect(d.notes.length).toBeGreaterThan(0);
      // More branches per arm, more customers per arm.
      const customers = st.byBranches.map((p) => p.customersPerArm);
      expect([...customers].sort((a, b) => a - b)).toEqual(customers);
    }
    // The campaigns in this scenario lift conversion by about 2 pp: with 10 branches per arm the
    // simulated power of the largest campaigns is high (binomial SE at 20 replications ≤ 0.11).
    const payday = report.strategies.find((s) => s.id === 'payday_wmp')!;
    expect(payday.byBranches.at(-1)!.powerConversion).toBeGreaterThan(0.7);
  }, 90_000);
});

describe('pilot CLI: errors', () => {
  it('asks for --branches and --weeks (exit 2, usage)', async () => {
    const r = await runMain('pilot', 'scenarios/omnichannel-referral-pilot.json', '--weeks', '8');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: pilot needs --branches/);
    expect(r.err).toMatch(/Usage:/);
  });

  it('rejects non-numbers and unknown options (exit 2)', async () => {
    const bad = await runMain('pilot', 'x.json', '--branches', 'five', '--weeks', '8');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--branches: "five" is not a whole number/);
    const unknown = await runMain('pilot', 'x.json', '--branches', '5', '--weeks', '8', '--alpha', '0.1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --alpha/);
    const method = await runMain('pilot', 'x.json', '--branches', '5', '--weeks', '8', '--method', 'best');
    expect(method.code).toBe(2);
  });

  it('names a missing file (exit 1, no stack trace)', async () => {
    const r = await runMain('pilot', 'no-such-file.json', '--branches', '5', '--weeks', '8');
    expect(r.code).toBe(1);
    expect(r.err).toBe('no-such-file.json: error: cannot read the scenario (no such file)\n');
  });

  it('says when the scenario has too few branches (exit 1)', async () => {
    const r = await runMain('pilot', 'tests/fixtures/tiny.json', '--branches', '5', '--weeks', '4');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'error: --branches: 5 needs 10 branches but the scenario has 8; expected at most 4 per arm\n',
    );
    const one = await runMain('pilot', 'tests/fixtures/tiny.json', '--branches', '1', '--weeks', '4');
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/^error: --branches: 1 is too few; expected at least 2 branches per arm/);
  });
});

describe('pilot CLI: text output (tiny fixture, in this thread)', () => {
  it('prints the tables and the comparison in plain words', async () => {
    const r = await runMain(
      'pilot',
      'tests/fixtures/tiny.json',
      '--branches',
      '2',
      '--weeks',
      '2',
      '--replications',
      '4',
      '--workers',
      '0',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Pilot plan for .*: 2 branches per arm, 2 weeks, branch-randomized/);
    expect(r.out).toMatch(
      /Power vs branches per arm \(2 weeks\):\n +branches\/arm +customers\/arm +power conv/,
    );
    expect(r.out).toMatch(/Implied ICC \(ANOVA across branches/);
    expect(r.out).toMatch(/Formula \(planPower, t test, df 2/);
    // The report's codes, worded in English by the shared message catalogue.
    expect(r.out).toMatch(
      /MDE method: MDE ≈ \(q\(1 − α\/2\) \+ q\(0\.8\)\) × SE, where SE is the SD over replications/,
    );
    expect(r.out).toMatch(/ {2}(For (conversion|net new money) the simulat|Only 2 branches per arm)/);
    expect(r.err).toMatch(/done: \d+ replications/);
  });
});
