import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normal';
import { Z_BOUND } from './outcomes';

describe('the bound on the idiosyncratic draw (settleMoney skips draws that cannot move a tier)', () => {
  it('holds for the smallest and largest keyed uniforms, and the tails are monotone up to them', () => {
    const lo = 0.5 / 2 ** 32;
    const hi = (2 ** 32 - 0.5) / 2 ** 32;
    expect(Math.abs(normalQuantile(lo))).toBeLessThan(Z_BOUND);
    expect(Math.abs(normalQuantile(hi))).toBeLessThan(Z_BOUND);
    // Monotone over the lower tail (log-spaced) and the upper one, so nothing inside exceeds the ends.
    let prev = Number.NEGATIVE_INFINITY;
    for (let e = Math.log(lo); e < Math.log(0.5); e += 0.01) {
      const z = normalQuantile(Math.exp(e));
      expect(z).toBeGreaterThanOrEqual(prev);
      prev = z;
    }
    prev = Number.NEGATIVE_INFINITY;
    for (let e = Math.log(0.5); e > Math.log(1 - hi); e -= 0.01) {
      const z = normalQuantile(1 - Math.exp(e));
      expect(z).toBeGreaterThanOrEqual(prev);
      prev = z;
    }
  });
});
