import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../sim/index';
import { convergence } from './convergence';

describe('convergence', () => {
  it('interpolates quantiles like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([0, 10], 0.05)).toBeCloseTo(0.5, 12);
  });

  it('gives the running mean and interval width at checkpoints, ending at n', () => {
    const samples = Float64Array.from({ length: 100 }, (_, i) => i);
    const pts = convergence(samples, 10);
    expect(pts).toHaveLength(10);
    const last = pts[pts.length - 1];
    expect(last.n).toBe(100);
    expect(last.mean).toBeCloseTo(49.5, 12);
    expect(last.width).toBeCloseTo(quantileSorted(samples, 0.95) - quantileSorted(samples, 0.05), 12);
  });

  it('copes with no samples and non-finite values', () => {
    expect(convergence(new Float64Array(0))).toEqual([]);
    const pts = convergence([1, Number.NaN, 3], 3);
    expect(pts[2].mean).toBe(2);
  });
});
