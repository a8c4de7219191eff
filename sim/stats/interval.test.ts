import { describe, expect, it } from 'vitest';
import { normalInterval, zForLevel } from './interval';

describe('normalInterval', () => {
  it('uses the two-sided z of the level (90%: 1.644854, 95%: 1.959964, to 6 places)', () => {
    expect(zForLevel(0.9)).toBeCloseTo(1.644854, 6);
    expect(zForLevel(0.95)).toBeCloseTo(1.959964, 6);
    const i = normalInterval(10, 2, 0.95);
    expect(i.low).toBeCloseTo(10 - 2 * 1.959964, 5);
    expect(i.high).toBeCloseTo(10 + 2 * 1.959964, 5);
  });

  it('clips to the bounds given (a power stays in [0, 1])', () => {
    expect(normalInterval(0.97, 0.05, 0.9, { min: 0, max: 1 })).toEqual({
      low: 0.97 - zForLevel(0.9) * 0.05,
      high: 1,
    });
    expect(normalInterval(0.01, 0.05, 0.9, { min: 0, max: 1 }).low).toBe(0);
  });
});
