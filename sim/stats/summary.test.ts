import { describe, expect, it } from 'vitest';
import { pairedDifference, quantileSorted, statOf } from './summary';

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics', () => {
    const xs = [0, 10, 20, 30, 40];
    expect(quantileSorted(xs, 0)).toBe(0);
    expect(quantileSorted(xs, 0.5)).toBe(20);
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(2, 12);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(38, 12);
    expect(quantileSorted(xs, 1)).toBe(40);
  });

  it('is NaN for no data and the value itself for one', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([7], 0.05)).toBe(7);
  });
});

describe('statOf', () => {
  it('summarizes finite values and ignores NaN', () => {
    const s = statOf([1, 2, 3, 4, Number.NaN]);
    expect(s.mean).toBe(2.5);
    expect(s.median).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('collapses to the value with one replication', () => {
    expect(statOf([3])).toEqual({ mean: 3, median: 3, p05: 3, p95: 3, sd: 0, mcSe: Number.NaN });
  });
});

describe('pairedDifference', () => {
  it('takes the sample-wise difference, so shared noise cancels', () => {
    // Both variants see the same replication noise; B is A shifted by +0.5 (and a little extra).
    const noise = [-2, 1.5, 0.3, -0.7, 2.2, -1.1, 0.9, 0.1, -0.4, 1.8];
    const a = Float64Array.from(noise, (e) => 3 + e);
    const b = Float64Array.from(noise, (e, i) => 3.5 + e + (i % 2 === 0 ? 0.1 : -0.1));
    const d = pairedDifference(a, b)!;
    expect(d.n).toBe(10);
    expect(d.mean).toBeCloseTo(0.5, 12);
    expect(d.p05).toBeCloseTo(0.4, 12);
    expect(d.p95).toBeCloseTo(0.6, 12);
    expect(d.pPositive).toBe(1);
    // Unpaired, the interval would be as wide as the noise (about 4 pp); paired it is 0.2 pp.
    expect(d.p95 - d.p05).toBeLessThan(0.25);
  });

  it('pairs up to the shorter run and skips non-finite pairs', () => {
    const d = pairedDifference([1, 2, Number.NaN, 4], [2, 4, 5])!;
    expect(d.n).toBe(2);
    expect(d.mean).toBe(1.5);
    expect(d.pPositive).toBe(1);
  });

  it('is null without pairs', () => {
    expect(pairedDifference(new Float64Array(0), new Float64Array(0))).toBeNull();
    expect(pairedDifference([Number.NaN], [1])).toBeNull();
  });

  it('gives a collapsed interval for one replication', () => {
    const d = pairedDifference([1], [3])!;
    expect(d).toMatchObject({ mean: 2, p05: 2, p95: 2, sd: 0, n: 1, pPositive: 1 });
  });
});
