import fc from 'fast-check';
import jstatModule from 'jstat';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal';

type JStat = typeof import('jstat')['jStat'];
const mod = jstatModule as unknown as JStat & { jStat?: JStat };
const jStat: JStat = mod.jStat ?? mod;

describe('normalQuantile', () => {
  it('normalQuantile matches jstat to 1e-8 · max(1, |z|) for p in [1e-9, 1 − 1e-9] (Acklam: relative error < 1.2e-9; beyond, jstat itself is less exact)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
        expect(Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1))).toBeLessThan(
          1e-8 * Math.max(1, Math.abs(jStat.normal.inv(p, 0, 1))),
        );
      }),
    );
  });

  it('gives the textbook two-sided 5% and 80% power z values (1.959964, 0.841621 to 6 places)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
  });
});
