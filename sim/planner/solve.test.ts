import { describe, expect, it } from 'vitest';
import { ceilTolerant, findRoot, solveIncreasing } from './solve';

describe('findRoot (Brent)', () => {
  it('finds √2 as the root of x² − 2 to 1e-12', () => {
    expect(Math.abs(findRoot((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(1e-12);
  });

  it('finds the root of a steep, nearly flat-then-vertical function', () => {
    const root = findRoot((x) => Math.exp(20 * (x - 0.3)) - 1, 0, 1);
    expect(Math.abs(root - 0.3)).toBeLessThan(1e-12);
  });

  it('refuses an interval without a sign change', () => {
    expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow(RangeError);
  });
});

describe('solveIncreasing', () => {
  it('brackets upwards from a start below the root', () => {
    expect(solveIncreasing((x) => Math.log(x) - 10, 2, 0)).toBeCloseTo(Math.exp(10), 6);
  });

  it('brackets downwards towards the lower bound from a start above the root', () => {
    expect(solveIncreasing((x) => x - 1.000001, 50, 1)).toBeCloseTo(1.000001, 12);
  });

  it('returns null when the function never reaches 0', () => {
    expect(solveIncreasing((x) => -1 / x, 1, 0)).toBeNull();
  });
});

describe('ceilTolerant', () => {
  it('rounds up real fractions but forgives floating-point dust', () => {
    expect(ceilTolerant(76.0001)).toBe(77);
    expect(ceilTolerant(50.000000000001)).toBe(50);
    expect(ceilTolerant(50)).toBe(50);
  });
});
