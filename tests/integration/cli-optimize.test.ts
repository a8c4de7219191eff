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
const noStack = /internal error|at .*\.ts:\d+|\n\s+at /;

function specFile(doc: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'opt-'));
  const file = join(dir, 'opt.json');
  writeFileSync(file, JSON.stringify(doc));
  return { dir, file };
}

describe('optimize CLI (the tiny fixture, in this thread)', () => {
  it('runs a choice and a range variable, prints the JSON document and writes --out', async () => {
    const { dir, file } = specFile({
      variables: [
        { param: 'strategies[app_activation].journey.steps[sms].channel', choices: ['sms', 'app_push'] },
        { param: 'channels[sms].costPerAttemptCny', from: 0.03, to: 0.07, step: 0.02 },
      ],
      objective: { output: 'conversionUplift', strategy: 'app_activation', sense: 'maximize' },
      constraints: [{ output: 'staffHours', max: 1e9 }],
      screening: { replications: 4 },
      selection: { finalists: 2, indifference: 0.5, maxReplications: 8 },
    });
    const out = join(dir, 'best.json');
    const r = await runMain('optimize', tiny, '--spec', file, '--workers', '0', '--json', '--out', out);
    expect(r.err).not.toMatch(noStack);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.out);
    const doc = JSON.parse(r.out);
    expect(doc.kind).toBe('sandtable.optimize');
    // 2 channels × 3 prices, the current plan (sms, 0.05) among them.
    expect(doc.path.filter((e: { stage: string }) => e.stage === 'screening')).toHaveLength(6);
    // app_push cannot reach app_activation's targets (customers without the app): SMS wins.
    expect(doc.best.plan['strategies[app_activation].journey.steps[sms].channel']).toBe('sms');
    expect(doc.best.vsCurrent).toEqual(
      expect.objectContaining({ diff: expect.any(Number), se: expect.any(Number) }),
    );
  }, 60_000);

  it('a bad spec exits 1 naming the file, the path, the value and the expectation (no stack trace)', async () => {
    const { file } = specFile({
      variables: [{ param: 'channels[sms].costPerAttemptCny', from: 0.1, to: 0.05, step: 0.01 }],
      objective: { output: 'profit', sense: 'maximize' },
      selection: { indifference: 1 },
    });
    const r = await runMain('optimize', tiny, '--spec', file, '--workers', '0');
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(noStack);
    expect(r.err).toContain(`${file}: error: objective.output: found "profit"`);
    expect(r.err).toMatch(/variables\[0\]\.to: found 0\.05; expected from < to/);

    const unknown = specFile({
      variables: [{ param: 'channels[fax].costPerAttemptCny', from: 0, to: 1, step: 0.5 }],
      objective: { output: 'cost', sense: 'minimize', strategy: 'nope' },
      selection: { indifference: 1 },
    });
    const u = await runMain('optimize', tiny, '--spec', unknown.file, '--workers', '0');
    expect(u.code).toBe(1);
    expect(u.err).toContain('variables[0].param: found "channels[fax].costPerAttemptCny"');
    expect(u.err).toContain('objective.strategy: found "nope"; expected one of');

    const notJson = join(unknown.dir, 'broken.json');
    writeFileSync(notJson, '{ "variables": [');
    const j = await runMain('optimize', tiny, '--spec', notJson, '--workers', '0');
    expect(j.code).toBe(1);
    expect(j.err).toContain(`${notJson}: error: not JSON`);

    // A candidate the scenario refuses (a holdout share above 1) is refused before anything runs.
    const wide = specFile({
      variables: [{ param: 'strategies[app_activation].holdout.share', from: 0.5, to: 1.5, step: 0.5 }],
      objective: { output: 'cost', sense: 'minimize' },
      selection: { indifference: 1 },
    });
    const w = await runMain('optimize', tiny, '--spec', wide.file, '--workers', '0');
    expect(w.code).toBe(1);
    expect(w.err).not.toMatch(noStack);
    expect(w.err).toContain(`${wide.file}: error: variables: strategies[app_activation].holdout.share = `);
    expect(w.err).toContain('narrow the range or the choices');

    const usage = await runMain('optimize', tiny);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/optimize needs --spec/);
  });

  it('--apply-out writes the scenario with the best plan; it never replaces an input and asks for --force', async () => {
    const { dir, file } = specFile({
      variables: [{ param: 'channels[sms].costPerAttemptCny', from: 0.02, to: 0.08, step: 0.03 }],
      objective: { output: 'cost', strategy: 'app_activation', sense: 'minimize' },
      constraints: [
        { output: 'staffHoursPerBranchWeek', max: 1e6 },
        { output: 'contactsPerCustomer', strategy: 'app_activation', max: 100 },
      ],
      screening: { replications: 3 },
      refine: { maxEvaluations: 3, halvings: 2 },
      selection: { finalists: 2, indifference: 1, maxReplications: 4 },
    });
    const applied = join(dir, 'best-scenario.json');
    const r = await runMain('optimize', tiny, '--spec', file, '--workers', '0', '--apply-out', applied);
    expect(r.err).not.toMatch(noStack);
    expect(r.code).toBe(0);
    // Cost falls with the SMS price: the cheapest price, 0.02, wins; the scenario carries it.
    expect(r.out).toContain('best plan: sms.costPerAttemptCny = 0.02');
    // Readable: outputs named in both languages, the three stages of the search.
    expect(r.out).toContain('cost: 总成本 / Total cost');
    expect(r.out).toContain(
      'staffHoursPerBranchWeek: 每网点每周人员工时（平均） / Staff hours per branch and week (average)',
    );
    expect(r.out).toMatch(/2\. refinement between grid points: \d+ new points/);
    const doc = JSON.parse(readFileSync(applied, 'utf8'));
    expect(doc.kind).toBe('sandtable.scenario');
    expect(doc.channels.find((c: { id: string }) => c.id === 'sms').costPerAttemptCny).toBe(0.02);
    // Refused before anything runs (exit 2): an existing file without --force, an input, the --out file.
    const refused = async (extra: string[], message: string) => {
      const r = await runMain('optimize', tiny, '--spec', file, '--workers', '0', ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    };
    await refused(
      ['--apply-out', applied],
      `--apply-out ${applied} already exists; add --force to replace it`,
    );
    await refused(['--apply-out', file, '--force'], `--apply-out ${file} is an input file being read`);
    await refused(['--apply-out', tiny, '--force'], `--apply-out ${tiny} is the scenario file being read`);
    await refused(
      ['--out', applied, '--apply-out', applied, '--force'],
      '--out and --apply-out name the same file',
    );
    // The scenario written runs as it is.
    const run = await runMain('run', applied, '--replications', '2', '--workers', '0');
    expect(run.code).toBe(0);
  }, 60_000);
});
