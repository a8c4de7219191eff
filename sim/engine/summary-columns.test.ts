import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { loadScenarioText, type Scenario } from '../scenario';
import { GROUP, recordLayout, WEEK } from './layout';
import { summarizeColumns, summarizeRecords } from './summarize';
import { SummaryColumns } from './summary-columns';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

// Exact text of every number (NaN and −0 included), so "the same summary" means bit for bit.
const exact = (x: unknown) =>
  JSON.stringify(x, (_k, v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : v));

describe('SummaryColumns', () => {
  const tiny = load('tests/fixtures/tiny.json');
  const settings = { seed: 'columns', replications: 9 };
  const L = recordLayout(tiny);
  const cuts = [0, 1, 3, 4, 8, 9];
  const blocks = cuts.slice(1).map((end, i) => simApi.runBlock(tiny, settings, cuts[i], end));
  const all = new Float64Array(9 * L.length);
  for (const b of blocks) all.set(b.data, b.start * L.length);

  it('gives the summary of the concatenated records, bit for bit, whatever order the blocks come in', () => {
    const cols = new SummaryColumns(L, 2); // starts small: rows grow as blocks arrive
    for (const k of [3, 0, 4, 2, 1]) cols.add(blocks[k].start, blocks[k].end, blocks[k].data);
    cols.assertContiguous();
    expect(cols.count).toBe(9);
    expect(exact(summarizeColumns(tiny, settings.seed, cols, 9))).toBe(
      exact(summarizeRecords(tiny, settings.seed, all, 9)),
    );
  });

  it('holds back a block until the ones before it arrive, and summarizes only the prefix', () => {
    const cols = new SummaryColumns(L, 9);
    cols.add(blocks[2].start, blocks[2].end, blocks[2].data);
    expect(cols.count).toBe(0);
    expect(() => cols.assertContiguous()).toThrow(
      /gap or overlap at replication 0 \(next block starts at 3\)/,
    );
    cols.add(blocks[0].start, blocks[0].end, blocks[0].data);
    expect(cols.count).toBe(1);
    cols.add(blocks[1].start, blocks[1].end, blocks[1].data);
    expect(cols.count).toBe(4);
    const partial = summarizeColumns(tiny, settings.seed, cols, 9);
    expect(partial.replicationsDone).toBe(4);
    expect(exact(partial)).toBe(
      exact(summarizeRecords(tiny, settings.seed, all.subarray(0, 4 * L.length), 9)),
    );
  });

  it('reads group and week figures as the records define them (an independent computation)', () => {
    const cols = new SummaryColumns(L, 9);
    for (const b of blocks) cols.add(b.start, b.end, b.data);
    const summary = summarizeColumns(tiny, settings.seed, cols, 9);
    const lay = L.strategies[0];
    const rec = (k: number, o: number) => all[k * L.length + o];
    // Mean targeted in treatment by tier, and mean contacts by week, straight from the records.
    const tiers = summary.strategies[0].byTier;
    tiers.forEach((tier, g) => {
      let sum = 0;
      for (let k = 0; k < 9; k++) sum += rec(k, lay.tiers + g * 6 + GROUP.targetedT);
      expect(tier.targetedTreatment).toBe(sum / 9);
    });
    expect(tiers.some((t) => t.targetedTreatment > 0)).toBe(true);
    summary.strategies[0].byWeek.forEach((week, w) => {
      let sum = 0;
      for (let k = 0; k < 9; k++) sum += rec(k, lay.weeks + w * 4 + WEEK.contacts);
      expect(week.contacts).toBe(sum / 9);
    });
    expect(summary.strategies[0].byWeek.some((w) => w.contacts > 0)).toBe(true);
  });

  it('refuses a block of the wrong size or one that overlaps what it has', () => {
    const cols = new SummaryColumns(L, 9);
    expect(() => cols.add(0, 2, new Float64Array(L.length))).toThrow(/block 0–2 has the wrong size/);
    cols.add(blocks[0].start, blocks[0].end, blocks[0].data);
    expect(() => cols.add(0, 1, blocks[0].data)).toThrow(/gap or overlap at replication 1/);
  });
});
