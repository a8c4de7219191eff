// pilot-data → calibrate as a user runs them (the CLI bundle in a child process): the JSON report's
// fields, the calibrated scenario (its priors are the posterior), and bad observed files that exit 1
// with a located message and no stack trace.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/scenario';
import { cliCommand, repoRoot } from './cli-process';

const BANK = 'tests/fixtures/calibration-bank.json';

type Result = { code: number | null; out: string; err: string };

function cli(args: string[], onStderr?: (child: ChildProcess, err: string) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const [cmd, argv] = cliCommand(args);
    const child = spawn(cmd, argv, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      onStderr?.(child, err);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sandtable-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const observed = join(dir, 'observed.csv');

function expectLocated(r: Result, file: string, line: number, column: string, value: string) {
  expect(r.code).toBe(1);
  expect(r.err).toContain(`${file}:${line}: error: column ${column}: `);
  expect(r.err).toContain(value);
  expect(r.err).not.toMatch(/^ {4}at /m);
  expect(r.err).not.toContain('internal error');
}

describe('pilot-data and calibrate', () => {
  it('writes a simulated pilot, and calibrate --json reports prior, posterior and checks; --out is the calibrated scenario', async () => {
    const made = await cli([
      'pilot-data',
      BANK,
      '--strategy',
      'maturity_retention',
      '--branches',
      '3',
      '--weeks',
      '6',
      '--seed',
      'it',
      '--out',
      observed,
    ]);
    expect(made.code, made.err).toBe(0);
    expect(readFileSync(observed, 'utf8').split('\r\n')[0]).toBe(
      'strategy,start_date,weeks,branch,arm,targeted,reached,responded,buyers,net_new_money_cny,net_new_money_sq,products_gained,active_app_users',
    );
    const out = join(dir, 'calibrated.json');
    const args = ['calibrate', BANK, '--observed', observed, '--particles', '100', '--rounds', '2'];
    const r = await cli([...args, '--predictive', '60', '--workers', '1', '--json', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.params.map((p: { param: string }) => p.param)).toEqual([
      'channels[ai_call].responseEffect',
      'channels[wealth_manager].closeRate',
    ]);
    for (const p of report.params) {
      expect(p.prior.p05).toBeLessThan(p.prior.p95);
      expect(p.posterior.p05).toBeLessThanOrEqual(p.posterior.mean);
      expect(p.posterior.mean).toBeLessThanOrEqual(p.posterior.p95);
    }
    expect(report.ess).toBeGreaterThan(1);
    const check = report.checks.find((c: { summary: string }) => c.summary === 'responseRate');
    expect(check.pValue).toBeGreaterThan(0);
    expect(check.pValue).toBeLessThanOrEqual(1);
    expect(check.p05).toBeLessThanOrEqual(check.p95);
    expect(typeof report.discrepancy.pValue).toBe('number');
    const calibrated = validateScenario(JSON.parse(readFileSync(out, 'utf8')));
    expect(calibrated.ok).toBe(true);
    if (calibrated.ok)
      expect(calibrated.scenario.uncertainty[0].prior).toEqual(report.params[0].posterior.spec);
  }, 180_000);

  it('gives the same report on 0 and 2 worker threads, with the default budget when no flag sets it', async () => {
    const args = ['calibrate', BANK, '--observed', observed, '--rounds', '2', '--predictive', '50', '--json'];
    const [inProcess, pooled] = await Promise.all([
      cli([...args, '--workers', '0']),
      cli([...args, '--workers', '2']),
    ]);
    expect(inProcess.code, inProcess.err).toBe(0);
    expect(pooled.out).toBe(inProcess.out);
    // 600 pilots per round (the default) × 2 rounds + 50 predictive.
    expect(JSON.parse(inProcess.out).simulations).toBe(1250);
  }, 180_000);

  it('Ctrl-C during a calibration exits 130 and writes no calibrated scenario', async () => {
    const out = join(dir, 'cancelled.json');
    let isSent = false;
    const r = await cli(
      ['calibrate', BANK, '--observed', observed, '--particles', '5000', '--workers', '1', '--out', out],
      (child, err) => {
        if (isSent || !err.includes('progress:')) return;
        isSent = true;
        child.kill('SIGINT');
      },
    );
    expect(isSent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.err).toContain('cancelled; no output file was written');
    expect(existsSync(out)).toBe(false);
    expect(r.err).not.toMatch(/^ {4}at /m);
  }, 120_000);

  it('naive-check: a malformed --ratio is a usage error, an unknown strategy a located one', async () => {
    const bad = await cli(['naive-check', BANK, '--strategy', 'maturity_retention', '--ratio', 'aum=lots']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--ratio: "aum=lots" is not metric=multiple');
    const unknown = await cli(['naive-check', BANK, '--strategy', 'omni_fund', '--ratio', 'aum=3']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('strategy omni_fund is not in the scenario; known: maturity_retention');
    expect(unknown.err).not.toMatch(/^ {4}at /m);
  });

  it('refuses bad observed files with the file, line, column and value', async () => {
    const good = readFileSync(observed, 'utf8');
    const lines = good.trimEnd().split('\r\n');
    const header = lines[0].split(',');
    const edit = (row: number, column: string, value: string) => {
      const copy = [...lines];
      const cells = copy[row].split(',');
      cells[header.indexOf(column)] = value;
      copy[row] = cells.join(',');
      return `${copy.join('\r\n')}\r\n`;
    };
    const cases: Array<[string, string, number, string, string]> = [
      ['negative.csv', edit(1, 'buyers', '-3'), 2, 'buyers', '-3'],
      ['buyers.csv', edit(2, 'buyers', '99999'), 3, 'buyers', '99999'],
      ['branch.csv', edit(1, 'branch', 'B77'), 2, 'branch', 'B77'],
      ['strategy.csv', good.replaceAll('maturity_retention', 'omni_fund'), 2, 'strategy', 'omni_fund'],
      ['columns.csv', good.replace('targeted', 'targetted'), 1, 'targetted', 'targetted'],
    ];
    for (const [name, text, line, column, value] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      expectLocated(await cli(['calibrate', BANK, '--observed', file]), file, line, column, value);
    }
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await cli(['calibrate', BANK, '--observed', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${empty}: error: the file has no data rows`);
  }, 120_000);
});
