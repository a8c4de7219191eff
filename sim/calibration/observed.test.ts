// The observed-pilot format: a simulated pilot reads back as it was written (CSV in English and
// Chinese), and each kind of bad file gives an issue at its line and column with the value found.
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { toCsv } from '../csv';
import { branchInfos } from '../planner/branch-selection';
import { checkObserved } from './observed-check';
import { readObservedText } from './observed-read';
import {
  observedFromRecord,
  observedRows,
  pilotDataReplication,
  pilotDataScenario,
  pilotRunSettings,
} from './pilot-data';
import { recordTotals } from './summaries';
import { smallBank } from './test-scenario';

const bank = smallBank(6000, 8, 6);
const branches = branchInfos(simApi.populationSummary(bank, String(bank.monteCarlo.seed)));
const pilot = pilotDataScenario(
  bank,
  { strategy: 'maturity_retention', branchesPerArm: 3, weeks: 6, seed: 's1' },
  branches,
);
const r = pilotDataReplication('s1');
const block = simApi.runBlock(pilot, pilotRunSettings(bank), r, r + 1);
const observed = observedFromRecord(pilot, 'maturity_retention', block.data, 0);
const csv = (lang: 'en' | 'zh-CN') => toCsv(observedRows(observed, lang));

/** The CSV with one cell replaced (row index counts data rows from 0; column by English header). */
function edit(row: number, column: string, value: string): string {
  const lines = csv('en').trimEnd().split('\r\n');
  const header = lines[0].split(',');
  const cells = lines[row + 1].split(',');
  cells[header.indexOf(column)] = value;
  lines[row + 1] = cells.join(',');
  return `${lines.join('\r\n')}\r\n`;
}

function issuesOf(text: string) {
  const read = readObservedText(text);
  const checked = read.ok ? checkObserved(read.pilot, bank, branches) : read;
  return checked.ok ? [] : checked.issues;
}

describe('observed pilot files', () => {
  it('reads a simulated pilot back to the record’s per-arm totals, from an English or a Chinese header', () => {
    const totals = recordTotals(pilot, block.data, 0, 0);
    for (const lang of ['en', 'zh-CN'] as const) {
      const read = readObservedText(csv(lang));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const checked = checkObserved(read.pilot, bank, branches);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.pilot.level).toBe('branch');
      expect(checked.pilot.treatment.targeted).toBe(totals.treatment.targeted);
      expect(checked.pilot.control.buyers).toBe(totals.control.buyers);
      expect(checked.pilot.treatment.responded).toBe(totals.treatment.responded);
      expect(checked.pilot.treatment.netNewMoneyCny).toBeCloseTo(totals.treatment.netNewMoneyCny, 0);
    }
    expect(csv('zh-CN').split('\r\n')[0]).toContain('目标客户数');
    expect(csv('zh-CN')).toContain('试点组');
  });

  it('locates each kind of bad file: line, column, value', () => {
    const first = (text: string) => issuesOf(text)[0];
    expect(first('')).toMatchObject({ code: 'empty' });
    expect(first(csv('en').split('\r\n')[0])).toMatchObject({ code: 'empty' });
    expect(first(csv('en').replace('buyers', 'buyerz'))).toMatchObject({
      code: 'unknown-column',
      column: 'buyerz',
      at: { line: 1 },
    });
    expect(first(edit(0, 'targeted', '-5'))).toMatchObject({
      code: 'negative',
      column: 'targeted',
      at: { line: 2 },
      params: { value: '-5' },
    });
    expect(first(edit(0, 'buyers', '100000'))).toMatchObject({
      code: 'exceeds',
      column: 'buyers',
      at: { line: 2 },
      params: { value: 100000, other: 'targeted' },
    });
    expect(first(edit(1, 'branch', 'B99'))).toMatchObject({
      code: 'unknown-branch',
      column: 'branch',
      at: { line: 3 },
      params: { value: 'B99', last: 'B08' },
    });
    const strategy = issuesOf(csv('en').replaceAll('maturity_retention', 'omni_fund'))[0];
    expect(strategy).toMatchObject({
      code: 'unknown-strategy',
      column: 'strategy',
      params: { value: 'omni_fund' },
    });
    const tooMany = issuesOf(edit(0, 'targeted', '99999')).find((i) => i.code === 'branch-too-small');
    expect(tooMany).toMatchObject({ column: 'targeted', at: { line: 2 } });
    expect(first(edit(0, 'arm', 'maybe'))).toMatchObject({ code: 'bad-arm', params: { value: 'maybe' } });
    expect(first(edit(0, 'net_new_money_cny', 'lots'))).toMatchObject({ code: 'not-a-number' });
  });

  it('checks arm totals against branch rows, and both arms', () => {
    const lines = csv('en').trimEnd().split('\r\n');
    const noControl = lines.filter((l) => !l.includes(',control,')).join('\r\n');
    expect(issuesOf(noControl).map((i) => i.code)).toContain('missing-arm');
    const star = lines.findIndex((l) => l.includes(',*,treatment,'));
    const header = lines[0].split(',');
    const cells = lines[star].split(',');
    cells[header.indexOf('buyers')] = String(Number(cells[header.indexOf('buyers')]) + 3);
    lines[star] = cells.join(',');
    expect(issuesOf(lines.join('\r\n'))[0]).toMatchObject({
      code: 'total-mismatch',
      column: 'buyers',
      at: { line: star + 1 },
    });
  });

  it('reads the JSON form and names the path of a bad value', () => {
    const doc = {
      kind: 'sandtable.observed-pilot',
      version: 1,
      strategy: 'maturity_retention',
      startDate: '2026-01-05',
      weeks: 6,
      rows: [
        { branch: 'B01', arm: 'treatment', targeted: 10, buyers: 3, netNewMoneyCny: 1000 },
        { branch: 'B02', arm: 'control', targeted: 10, buyers: -1, netNewMoneyCny: 0 },
      ],
    };
    expect(issuesOf(JSON.stringify(doc))[0]).toMatchObject({
      code: 'json-schema',
      at: { path: 'rows[1].buyers' },
    });
    doc.rows[1].buyers = 2;
    expect(issuesOf(JSON.stringify(doc))).toEqual([]);
  });
});
