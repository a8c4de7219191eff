// Seeded statistical checks of the pilot analysis on a strategy whose true effect is zero
// (every channel's response effect is 0, so nobody is moved; both arms buy only organically).
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import type { Scenario } from '../scenario';
import { statOf } from '../stats/summary';
import { recordLayout } from './layout';
import { mustLoad, smallScenarioDoc } from './test-scenarios';

function zeroEffectScenario(level: 'customer' | 'branch') {
  const doc = smallScenarioDoc(4000, 20, 8);
  for (const c of doc.channels) c.responseEffect = 0;
  doc.strategies = [{ ...doc.strategies[1], holdout: { share: 0.5, level } }];
  doc.uncertainty = [];
  return mustLoad(doc);
}

// Each seed's population is built once and shared by that run's replications: a replication draws
// its own assignment and behaviour, so the replications are independent pilots on that population,
// and with no true effect a valid test covers 0 in 90% of them whatever the population. A few
// populations (rather than one per pilot, which made this file the suite's slowest) keep the check
// from resting on one draw of branches and customers.
const POPULATIONS = 4;
const PILOTS_PER_POPULATION = 50;
const PILOTS = POPULATIONS * PILOTS_PER_POPULATION;
// Coverage is a Bernoulli(0.9) share over 200 independent pilots: SE = sqrt(0.9 × 0.1 / 200) = 0.021.
// ±0.065 is about 3 SE, wide enough not to fail by chance (≈0.2%) and narrow enough to catch a
// test that is off by a factor (a wrong SE moves coverage to ~0.75 or ~0.98).
const TOLERANCE = 0.065;

/** The strategy's summary over `replications` replications of one seed (one population). */
function summaryOf(scenario: Scenario, seed: string, replications: number) {
  const settings = { seed, replications };
  return simApi.summarize(scenario, settings, [simApi.runBlock(scenario, settings, 0, replications)])
    .strategies[0];
}

/** Per-replication p-values of the pilot's own test, read from the replication records. */
function pilotPValues(scenario: Scenario, seed: string, replications: number) {
  const settings = { seed, replications };
  const { data } = simApi.runBlock(scenario, settings, 0, replications);
  const layout = recordLayout(scenario);
  const at = (k: number, field: number) => data[k * layout.length + field];
  const { pConversion, pAum } = layout.strategies[0].scalar;
  return Array.from({ length: replications }, (_, k) => ({ conv: at(k, pConversion), aum: at(k, pAum) }));
}

function pilotCoverage(level: 'customer' | 'branch') {
  const scenario = zeroEffectScenario(level);
  let coveredConv = 0;
  let coveredAum = 0;
  for (let k = 0; k < POPULATIONS; k++) {
    for (const p of pilotPValues(scenario, `coverage-${level}-${k}`, PILOTS_PER_POPULATION)) {
      // A two-sided 90% confidence interval covers 0 exactly when p > 0.10 (it excludes 0 when p ≤ 0.10).
      if (p.conv > 0.1) coveredConv++;
      if (p.aum > 0.1) coveredAum++;
    }
  }
  return { conv: coveredConv / PILOTS, aum: coveredAum / PILOTS };
}

describe('zero-effect strategy', () => {
  it('customer-level pilot: the 90% interval of the conversion and net-new-money uplift covers 0 in about 90% of pilots', () => {
    const c = pilotCoverage('customer');
    expect(Math.abs(c.conv - 0.9)).toBeLessThan(TOLERANCE);
    expect(Math.abs(c.aum - 0.9)).toBeLessThan(TOLERANCE);
  });

  it('branch-randomized pilot: the cluster-level 90% interval covers 0 in about 90% of pilots', () => {
    const c = pilotCoverage('branch');
    expect(Math.abs(c.conv - 0.9)).toBeLessThan(TOLERANCE);
  });

  it('the Monte Carlo mean uplift ± 1.645 standard errors covers 0 in about 90% of runs', () => {
    const scenario = zeroEffectScenario('customer');
    const runs = 100;
    const reps = 8;
    // 100 runs of 8 replications: consecutive groups of 8 of one 800-replication run per population.
    const perPopulation = runs / POPULATIONS;
    let covered = 0;
    for (let k = 0; k < POPULATIONS; k++) {
      const upliftPp = summaryOf(scenario, `mc-${k}`, perPopulation * reps).samples.conversionUpliftPp;
      for (let g = 0; g < perPopulation; g++) {
        const st = statOf(upliftPp.slice(g * reps, (g + 1) * reps));
        const se = st.sd / Math.sqrt(reps);
        // With 8 replications the t quantile (1.895) replaces 1.645 for a 90% interval of the mean.
        if (Math.abs(st.mean) <= 1.895 * se) covered++;
      }
    }
    // 100 runs: SE of the coverage share = 0.03; ±0.09 is 3 SE.
    expect(Math.abs(covered / runs - 0.9)).toBeLessThan(0.09);
  });
});
