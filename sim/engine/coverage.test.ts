// Seeded statistical checks of the pilot analysis on a strategy whose true effect is zero
// (every channel's response effect is 0, so nobody is moved; both arms buy only organically).
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { statOf } from '../stats/summary';
import { mustLoad, smallScenarioDoc } from './test-scenarios';

function zeroEffectScenario(level: 'customer' | 'branch') {
  const doc = smallScenarioDoc(4000, 20, 8);
  for (const c of doc.channels) c.responseEffect = 0;
  doc.strategies = [{ ...doc.strategies[1], holdout: { share: 0.5, level } }];
  doc.uncertainty = [];
  return mustLoad(doc);
}

const SEEDS = 200;
// Coverage is a Bernoulli(0.9) share over independent seeds: SE = sqrt(0.9 × 0.1 / 200) = 0.021.
// ±0.065 is about 3 SE, wide enough not to fail by chance (≈0.2%) and narrow enough to catch a
// test that is off by a factor (a wrong SE moves coverage to ~0.75 or ~0.98).
const TOLERANCE = 0.065;

function pilotCoverage(level: 'customer' | 'branch') {
  const scenario = zeroEffectScenario(level);
  let coveredConv = 0;
  let coveredAum = 0;
  for (let k = 0; k < SEEDS; k++) {
    const settings = { seed: `coverage-${level}-${k}`, replications: 1 };
    const s = simApi.summarize(scenario, settings, [simApi.runBlock(scenario, settings, 0, 1)]).strategies[0];
    // A two-sided 90% confidence interval covers 0 exactly when p ≥ 0.10.
    if (s.pilot.medianPConversion >= 0.1) coveredConv++;
    if (s.pilot.medianPAum >= 0.1) coveredAum++;
  }
  return { conv: coveredConv / SEEDS, aum: coveredAum / SEEDS };
}

describe('zero-effect strategy', () => {
  it('customer-level pilot: the 90% interval of the conversion and net-new-money uplift covers 0 in about 90% of seeds', () => {
    const c = pilotCoverage('customer');
    expect(Math.abs(c.conv - 0.9)).toBeLessThan(TOLERANCE);
    expect(Math.abs(c.aum - 0.9)).toBeLessThan(TOLERANCE);
  });

  it('branch-randomized pilot: the cluster-level 90% interval covers 0 in about 90% of seeds', () => {
    const c = pilotCoverage('branch');
    expect(Math.abs(c.conv - 0.9)).toBeLessThan(TOLERANCE);
  });

  it('the Monte Carlo mean uplift ± 1.645 standard errors covers 0 in about 90% of seeds', () => {
    const scenario = zeroEffectScenario('customer');
    const seeds = 100;
    const reps = 8;
    let covered = 0;
    for (let k = 0; k < seeds; k++) {
      const settings = { seed: `mc-${k}`, replications: reps };
      const s = simApi.summarize(scenario, settings, [simApi.runBlock(scenario, settings, 0, reps)])
        .strategies[0];
      const st = statOf(s.samples.conversionUpliftPp);
      const se = st.sd / Math.sqrt(reps);
      // With 8 replications the t quantile (1.895) replaces 1.645 for a 90% interval of the mean.
      if (Math.abs(st.mean) <= 1.895 * se) covered++;
    }
    // 100 seeds: SE of the coverage share = 0.03; ±0.09 is 3 SE.
    expect(Math.abs(covered / seeds - 0.9)).toBeLessThan(0.09);
  });
});
