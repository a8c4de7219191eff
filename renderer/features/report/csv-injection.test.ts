// The Results CSV as a spreadsheet would read it: a scenario or strategy named like a formula is
// text, and negative figures stay numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadScenarioText, simApi } from '../../../sim/index';
import { summaryToCsv } from './export-format';

/** Split CSV text into cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else cell += c;
    } else if (c === '"') isQuoted = true;
    else if (c === ',') {
      rows[rows.length - 1].push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows[rows.length - 1].push(cell);
      cell = '';
      rows.push([]);
      i++;
    } else cell += c;
  }
  return rows.filter((r) => r.length > 1);
}

describe('summaryToCsv', () => {
  const fixture = readFileSync(
    new URL('../../../tests/fixtures/hostile/formula-name.json', import.meta.url),
    'utf8',
  );
  const doc = JSON.parse(fixture);
  doc.strategies[0].label = "@SUM(1+1)*cmd|' /C calc'!A0";
  doc.strategies[1].label = '-2+3+cmd|x';
  doc.strategies[2].label = '+1';
  const loaded = loadScenarioText(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.code).join('; '));
  const scenario = loaded.scenario;
  const settings = { ...defaultSettings(scenario), replications: 4 };
  const summary = simApi.summarize(scenario, settings, [simApi.runBlock(scenario, settings, 0, 4)]);
  const text = summaryToCsv(summary).replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  const [header, ...body] = rows;

  it('writes a formula-like scenario name as text: the cell does not start with =', () => {
    const col = header.indexOf('scenario');
    for (const row of body) {
      expect(row[col]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
      expect(row[col].startsWith('=')).toBe(false);
    }
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('neutralises every text cell that starts with = + - @, tab or CR', () => {
    const labels = body.map((r) => r[header.indexOf('strategy_label')]);
    expect(labels.slice(0, 3)).toEqual(["'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3+cmd|x", '+1']);
    for (const row of body)
      for (const cell of row) {
        const isPlainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell);
        if (!isPlainNumber) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
  });

  it('keeps negative figures as numbers in numeric columns', () => {
    const numeric = body.flatMap((r) => r.slice(header.indexOf('holdout_share')));
    const negatives = numeric.filter((c) => c.startsWith('-'));
    expect(negatives.length).toBeGreaterThan(0);
    for (const c of negatives) expect(Number.isFinite(Number(c)), c).toBe(true);
  });
});
