// The pilot's test weighs branch means equally. Its power with unequal branches follows the
// unweighted design effect 1 + (m − 1)·ICC + CV²·(1 − ICC), not the customer-weighted one of
// Eldridge et al. (which is ≈ 1 at a small ICC): checked against a Monte Carlo of that very test.
import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/streams';
import { tQuantile } from '../stats/dist';
import { sizeCv } from '../stats/icc';
import { normalQuantile } from '../stats/normal';
import { planPower } from './analytic';

/** Share of R replications in which a pooled two-sample t test on unweighted branch means rejects. */
function simulatedPower(sizes: number[], icc: number, delta: number, replications: number): number {
  const k = sizes.length / 2;
  const rng = createStream('unequal-branches', 'mc', 0);
  const crit = tQuantile(0.975, 2 * (k - 1));
  let rejected = 0;
  for (let r = 0; r < replications; r++) {
    // A fresh random half of the branches is the pilot (as the engine re-draws it), unit customer SD.
    const order = sizes.map((m) => ({ m, u: rng.next() })).sort((a, b) => a.u - b.u);
    const means = order.map(({ m }, i) => {
      const branch = Math.sqrt(icc) * normalQuantile(rng.next());
      const noise = Math.sqrt((1 - icc) / m) * normalQuantile(rng.next());
      return (i < k ? delta : 0) + branch + noise;
    });
    const t = means.slice(0, k);
    const c = means.slice(k);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ss = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0);
    const pooled = (ss(t) + ss(c)) / (2 * k - 2);
    const stat = (mean(t) - mean(c)) / Math.sqrt((2 * pooled) / k);
    if (Math.abs(stat) > crit) rejected++;
  }
  return rejected / replications;
}

describe('power of the equal-weight branch-mean test with unequal branches', () => {
  // 6 branches per arm with lognormal sizes (as the population draws them: sizeCv 0.6, mean 200),
  // at the quantiles (i − ½)/12; ICC 0.001, δ = 0.12 SD.
  const s2 = Math.log(1 + 0.6 ** 2);
  const sizes = Array.from({ length: 12 }, (_, i) =>
    Math.round(200 * Math.exp(Math.sqrt(s2) * normalQuantile((i + 0.5) / 12) - s2 / 2)),
  );
  const k = sizes.length / 2;
  const m = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const cv = sizeCv(sizes);
  const icc = 0.001;
  const delta = 0.12;
  const formula = (analysis: 'weighted' | 'unweighted') =>
    planPower({
      outcome: { kind: 'mean', sd: 1, delta },
      alpha: 0.05,
      test: 't',
      cluster: { icc, cv, clusterSize: m, clustersPerArm: k, analysis },
    }).power;

  it('matches the unweighted formula within Monte Carlo error, not the weighted one', () => {
    const R = 4000;
    const simulated = simulatedPower(sizes, icc, delta, R);
    const se = Math.sqrt((simulated * (1 - simulated)) / R);
    // 3 binomial SEs (≈ 0.023): the MC error; the formula's own delta-method error is far smaller here.
    expect(Math.abs(simulated - formula('unweighted'))).toBeLessThan(3 * se);
    // The customer-weighted formula overstates the power of this test by many SEs.
    expect(formula('weighted') - simulated).toBeGreaterThan(5 * se);
  });
});
