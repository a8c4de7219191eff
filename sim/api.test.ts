import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concatBlocks, OpenRuns, simApi } from './api';
import { loadScenarioText, type Scenario } from './scenario';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

describe('concatBlocks', () => {
  it('concatenates blocks in replication order and checks their size', () => {
    const a = { start: 0, end: 1, data: Float64Array.from([1, 2]) };
    const b = { start: 1, end: 3, data: Float64Array.from([3, 4, 5, 6]) };
    expect(Array.from(concatBlocks([b, a], 2))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => concatBlocks([{ start: 0, end: 2, data: new Float64Array(3) }], 2)).toThrow(/wrong size/);
    expect(() => concatBlocks([b], 2)).toThrow(/gap or overlap at replication 0/);
  });
});

describe('readPlanRun', () => {
  const tiny = load('tests/fixtures/tiny.json');
  const settings = { seed: 'plan', replications: 4 };
  const blocks = [simApi.runBlock(tiny, settings, 0, 2), simApi.runBlock(tiny, settings, 2, 4)];

  it('summarizes like summarize, and reads the pilot only when the point asks for it', () => {
    const plain = simApi.readPlanRun(tiny, settings, blocks, { index: 0, count: 1 });
    expect(JSON.stringify(plain.summary)).toBe(JSON.stringify(simApi.summarize(tiny, settings, blocks)));
    expect(plain.pilot).toBeNull();
    const ctx = {
      branchesPerArm: 4,
      weeks: tiny.calendar.weeks,
      level: 'branch' as const,
      holdoutShare: 0.5,
      cv: 0,
    };
    const pilot = simApi.readPlanRun(tiny, settings, blocks, { index: 0, count: 1, pilot: ctx });
    expect(pilot.pilot?.map((p) => p.id)).toEqual(tiny.strategies.map((s) => s.id));
    expect(pilot.pilot?.[0].replications).toBe(4);
  });

  it('refuses a partial run (the pilot analysis needs every replication)', () => {
    expect(() => simApi.readPlanRun(tiny, settings, blocks.slice(0, 1), { index: 0, count: 1 })).toThrow(
      /needs all 4 replications/,
    );
  });
});

describe("OpenRuns (the studio summarizer worker's runs)", () => {
  const tiny = load('tests/fixtures/tiny.json');
  const settings = { seed: 'open', replications: 6 };
  const blocks = [
    simApi.runBlock(tiny, settings, 0, 2),
    simApi.runBlock(tiny, settings, 2, 5),
    simApi.runBlock(tiny, settings, 5, 6),
  ];
  const text = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'number' ? String(v) : v));

  it('summarizes the prefix it has, then the whole run as summarize does, and forgets it', () => {
    const runs = new OpenRuns();
    runs.open(1, tiny, settings);
    runs.add(1, [blocks[2]]);
    runs.add(1, [blocks[0]]);
    expect(text(runs.summarize(1, false))).toBe(text(simApi.summarize(tiny, settings, [blocks[0]])));
    expect(() => runs.summarize(1, true)).toThrow(/gap or overlap at replication 2/);
    runs.open(2, tiny, settings);
    runs.add(2, [blocks[1], blocks[0], blocks[2]]);
    expect(text(runs.summarize(2, true))).toBe(text(simApi.summarize(tiny, settings, blocks)));
    expect(() => runs.summarize(2, false)).toThrow(/no open run 2/);
  });

  it('reports a bad block when summarizing, not when it arrives', () => {
    const runs = new OpenRuns();
    runs.open(3, tiny, settings);
    runs.add(3, [{ start: 0, end: 2, data: new Float64Array(5) }]);
    expect(() => runs.summarize(3, false)).toThrow(/block 0–2 has the wrong size/);
  });
});
