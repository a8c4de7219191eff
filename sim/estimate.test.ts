import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueT } from '../messages/index';
import { recordLayout } from './engine/layout';
import { columnsLayout } from './engine/summary-columns';
import { mustLoad } from './engine/test-scenarios';
import { estimateMessage, estimateRun } from './estimate';

const w1 = mustLoad(
  JSON.parse(readFileSync(new URL('../scenarios/omnichannel-referral-pilot.json', import.meta.url), 'utf8')),
);
const GB = 2 ** 30;

describe('estimateRun', () => {
  it('W1 at 1,000 replications: records as the layout sizes them, memory and time in the measured range', () => {
    const e = estimateRun(w1, 1000, 2, 2);
    expect(e.recordBytes).toBe(recordLayout(w1).length * 8);
    // What a run keeps: each replication's row of the summary's columns, under half a record in W1.
    expect(e.recordsBytes).toBe(1000 * columnsLayout(recordLayout(w1)).width * 8);
    expect(e.recordsBytes).toBeLessThan(0.5 * 1000 * e.recordBytes);
    // Measured (docs/performance.md): engine v1 57–66 ms CPU a replication, v3 ×0.62 of that
    // (~35–41 ms); peak 393–435 MiB with 2 workers while the run kept its records twice (75 MB),
    // so now ~60 MB less.
    expect(e.cpuSecondsPerReplication).toBeGreaterThan(0.035);
    expect(e.cpuSecondsPerReplication).toBeLessThan(0.045);
    expect(e.peakBytes / 2 ** 20).toBeGreaterThan(300);
    expect(e.peakBytes / 2 ** 20).toBeLessThan(600);
    expect(e.wallSeconds).toBeGreaterThan(e.cpuSecondsPerReplication * 500);
  });

  it('grows with replications by the summary columns only, and with customers per thread', () => {
    const a = estimateRun(w1, 1000, 2, 2);
    const b = estimateRun(w1, 2000, 2, 2);
    expect(b.peakBytes - a.peakBytes).toBeCloseTo(1.15 * a.recordsBytes, 0);
    const big = mustLoad({
      ...JSON.parse(JSON.stringify(w1)),
      population: { ...w1.population, size: 5_000_000 },
    });
    const c = estimateRun(big, 1000, 2, 2);
    expect(c.populationBytes).toBeCloseTo(50 * a.populationBytes, 0);
    expect(c.cpuSecondsPerReplication).toBeCloseTo(50 * a.cpuSecondsPerReplication, 6);
  });

  it('refuses what does not fit, saying what takes the memory, in both languages', () => {
    const big = mustLoad({
      ...JSON.parse(JSON.stringify(w1)),
      population: { ...w1.population, size: 5_000_000 },
    });
    const msg = estimateMessage(estimateRun(big, 1000, 2, 2), 4 * GB);
    expect(msg.code).toBe('estimate.too-big');
    expect(msg.params.customers).toBe(5_000_000);
    expect(msg.params.threads).toBe(3);
    const en = catalogueT('en')(msg.code, msg.params);
    expect(en).toContain(`${msg.params.peakMb} MB`);
    expect(en).toContain('Reduce the replications');
    const zh = catalogueT('zh-CN')(msg.code, msg.params);
    expect(zh).toContain('请减少重复次数');
    expect(zh).not.toContain('{{');
    expect(estimateMessage(estimateRun(w1, 1000, 2, 2), 4 * GB).code).toBe('estimate.summary');
  });

  it('words CPU per replication with two significant digits below 10 ms, whole ms above', () => {
    const base = estimateRun(w1, 1000, 2, 2);
    const ms = (seconds: number) =>
      estimateMessage({ ...base, cpuSecondsPerReplication: seconds }, 4 * GB).params.cpuMs;
    expect(ms(0.000_423)).toBe(0.42);
    expect(ms(0.006_789)).toBe(6.8);
    expect(ms(0.066_4)).toBe(66);
  });
});
