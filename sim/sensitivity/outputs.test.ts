import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { mustLoad, smallScenarioDoc } from '../engine/test-scenarios';
import { estimateOf, outputSamples, replicationFigures, type SensitivityOutput } from './outputs';

describe('the constraint outputs agree with the run summary', () => {
  // A tight contact policy, so that it holds contacts back.
  const doc = smallScenarioDoc(1500, 5, 6);
  doc.contactPolicy = { maxContactsPerWeek: 1, maxContactsPer4Weeks: 2 };
  const s = mustLoad(doc);
  const settings = { seed: 'outputs', replications: 12 };
  const blocks = [simApi.runBlock(s, settings, 0, 6), simApi.runBlock(s, settings, 6, 12)];
  const fig = replicationFigures(s, blocks);
  const sum = simApi.summarize(s, settings, blocks);
  const est = (o: SensitivityOutput, st: string | null) => estimateOf(outputSamples(fig, o, st));

  it('pilot power: the summary’s share of replications whose test rejects at α = 0.05', () => {
    for (const st of sum.strategies) {
      expect(est('pilotPowerConversion', st.id)).toBeCloseTo(st.pilot.powerConversion, 12);
      expect(est('pilotPowerAum', st.id)).toBeCloseTo(st.pilot.powerAum, 12);
    }
  });

  it('contacts per targeted customer, contacts held back, staff hours per branch and week', () => {
    for (const st of sum.strategies) {
      const attempts = st.channels.reduce((a, c) => a + c.attempts.mean, 0);
      expect(est('contactsPerCustomer', st.id)).toBeCloseTo(attempts / st.funnelTreatment.targeted, 10);
    }
    // Held back per strategy, summed, is the run's count of contacts the policy suppressed.
    expect(sum.suppressedByPolicy.mean).toBeGreaterThan(0);
    expect(est('policySuppressed', null)).toBeCloseTo(sum.suppressedByPolicy.mean, 10);
    const hours = sum.strategies.reduce((a, st) => a + st.cost.staffHours.mean, 0);
    expect(hours).toBeGreaterThan(0);
    expect(est('staffHoursPerBranchWeek', null)).toBeCloseTo(hours / (5 * 6), 10);
  });
});
