// Parameter recovery (slow, statistical): pilots made by pilot-data from a bank whose parameters
// are drawn from the wide prior are calibrated from that prior; the 90% posterior intervals must
// cover the truth in 90% ± the tolerance below of the intervals, and be narrower than the prior's.
// Truths are drawn from the prior, so a calibrated method covers at the nominal rate whatever the
// truth (Cook, Gelman & Rubin 2006). CPU: TRIALS × (ROUNDS × PARTICLES + PREDICTIVE) replications
// of a 4+4-branch, 8-week pilot at ~3.6 ms each, plus a population per run: about 20 s on one core.
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { branchInfos } from '../planner/branch-selection';
import { createStream } from '../rng/streams';
import { setParam } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { calibrate } from './abc';
import { checkObserved } from './observed-check';
import { observedFromRecord, pilotDataReplication, pilotDataScenario, pilotRunSettings } from './pilot-data';
import { RECOVERY_PRIORS, smallBank } from './test-scenario';

const TRIALS = 24;
const PARTICLES = 300;
const ROUNDS = 2;
const PREDICTIVE = 50;
const INTERVALS = TRIALS * RECOVERY_PRIORS.length;
// Coverage is a share of INTERVALS Bernoulli(0.9) outcomes: SE = sqrt(0.9 × 0.1 / 48) = 0.043.
// 3 SE (0.13) keeps a chance failure near 0.3% (the two intervals of a trial are not independent,
// which only widens the true SE a little); an interval off by a factor (coverage ~0.6 or a
// posterior as wide as the prior) still fails the two checks below.
const TOLERANCE = 3 * Math.sqrt((0.9 * 0.1) / INTERVALS);

const run = (s: Scenario, settings: Parameters<typeof simApi.runBlock>[1], range: [number, number]) =>
  Promise.resolve([simApi.runBlock(s, settings, range[0], range[1])]);

describe('calibration recovers known parameters (slow)', () => {
  it(`puts the truth inside 90% posterior intervals in 90% ± ${TOLERANCE.toFixed(3)} of ${INTERVALS} intervals`, async () => {
    const bank = smallBank(12_000, 8, 8);
    const branches = branchInfos(simApi.populationSummary(bank, String(bank.monteCarlo.seed)));
    let covered = 0;
    let narrower = 0;
    const ratios: number[][] = RECOVERY_PRIORS.map(() => []);
    const stream = createStream('calibration-recovery', 'truth', 0);
    for (let trial = 0; trial < TRIALS; trial++) {
      const truth = RECOVERY_PRIORS.map((u) => u.prior.min + stream.next() * (u.prior.max - u.prior.min));
      const truthBank = JSON.parse(JSON.stringify(bank)) as Scenario;
      RECOVERY_PRIORS.forEach((u, j) => {
        setParam(truthBank, u.param, truth[j]);
      });
      truthBank.uncertainty = [];
      const seed = `trial-${trial}`;
      const pilot = pilotDataScenario(
        truthBank,
        { strategy: 'maturity_retention', branchesPerArm: 4, weeks: 8, seed },
        branches,
      );
      const r = pilotDataReplication(seed);
      const block = simApi.runBlock(pilot, pilotRunSettings(bank), r, r + 1);
      const observed = observedFromRecord(pilot, 'maturity_retention', block.data, 0);
      const checked = checkObserved(observed, bank, branches);
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      const report = await calibrate(
        bank,
        checked.pilot,
        branches,
        { particles: PARTICLES, rounds: ROUNDS, predictive: PREDICTIVE },
        run,
      );
      report.params.forEach((p, j) => {
        if (p.posterior.p05 <= truth[j] && truth[j] <= p.posterior.p95) covered++;
        if (p.widthRatio < 1) narrower++;
        ratios[j].push(p.widthRatio);
      });
    }
    const coverage = covered / INTERVALS;
    console.log(
      `recovery: coverage ${coverage.toFixed(3)} (${covered}/${INTERVALS}), ${narrower} narrower than the prior`,
    );
    expect(Math.abs(coverage - 0.9)).toBeLessThanOrEqual(TOLERANCE);
    // Narrower than the prior: per parameter, the mean over trials of posterior ÷ prior 90% width
    // is below 1 (a single small pilot may leave one interval as wide as the prior).
    const meanRatio = ratios.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
    console.log(`recovery: mean 90% width ratio ${meanRatio.map((x) => x.toFixed(3)).join(', ')}`);
    for (const m of meanRatio) expect(m).toBeLessThan(1);
  }, 600_000);
});
