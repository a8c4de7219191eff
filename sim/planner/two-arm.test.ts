import { describe, expect, it } from 'vitest';
import { tQuantile } from '../stats/dist';
import { twoArmPower, zSampleSize } from './two-arm';

describe('tQuantile', () => {
  // References: SciPy 1.17 scipy.stats.t.ppf(0.975, df). jStat's quantile (used below 1000 df)
  // is good to about 7e-8; the Cornish–Fisher branch to 2e-12.
  it('matches t_{0.975} at small and moderate df', () => {
    expect(tQuantile(0.975, 2.5)).toBeCloseTo(3.5746548420036817, 7);
    expect(tQuantile(0.975, 38)).toBeCloseTo(2.0243941639119694, 7);
    expect(tQuantile(0.975, 300)).toBeCloseTo(1.9679030112610865, 6);
  });

  it('matches t_{0.975} at large df, where the expansion takes over', () => {
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264083, 11);
    expect(tQuantile(0.975, 1e4)).toBeCloseTo(1.960201239890626, 12);
    expect(tQuantile(0.975, 1e5)).toBeCloseTo(1.9599877075346095, 12);
  });

  it('tends to the normal quantile as df grows (jStat alone gives 1.95698 at 1e8 df)', () => {
    expect(tQuantile(0.975, 1e12)).toBeCloseTo(1.959963984540054, 11);
  });
});

describe('twoArmPower and zSampleSize', () => {
  const scale = { effect: 0.5, sdNull: Math.SQRT2, sdAlt: Math.SQRT2 };

  it('are inverse to each other for the z test', () => {
    const n = zSampleSize(scale, 0.05, 0.8);
    expect(twoArmPower(scale, n, 0.05)).toBeCloseTo(0.8, 12);
  });

  it('gives power α (both tails, z and t) when there is no effect', () => {
    const none = { ...scale, effect: 0 };
    expect(twoArmPower(none, 100, 0.05)).toBeCloseTo(0.05, 12);
    expect(twoArmPower(none, 100, 0.05, 198)).toBeCloseTo(0.05, 7);
  });

  it('gives power 0 rather than NaN when the t test has (almost) no degrees of freedom', () => {
    expect(twoArmPower(scale, 1.0000001, 0.05, 2e-7)).toBe(0);
  });
});
