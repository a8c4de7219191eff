import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { loadScenarioText } from '../scenario';
import { plannerPrefill } from './prefill';

const loaded = loadScenarioText(readFileSync('tests/fixtures/tiny.json', 'utf8'));
if (!loaded.ok) throw new Error('tiny.json is not valid');
const tiny = loaded.scenario;

describe('plannerPrefill (tiny fixture)', () => {
  const pop = simApi.populationSummary(tiny);

  it('reads branches, eligible customers per branch, their CV and the horizon from the scenario', () => {
    const p = plannerPrefill(tiny, pop, 0);
    expect(p.branchCount).toBe(tiny.population.branches.count);
    const segment = pop.segments!.find((s) => s.strategyId === tiny.strategies[0].id)!;
    const eligible = (segment.afterTopK ?? segment.matched).customers;
    expect(p.customersPerBranch).toBeCloseTo(eligible / pop.branches.length, 12);
    expect(p.weeks).toBe(tiny.calendar.weeks);
    expect(p.accrualPerBranchWeek).toBeCloseTo(p.customersPerBranch / tiny.calendar.weeks, 12);
    const sizes = pop.branches.map((b) => b.customers);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const sd = Math.sqrt(sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (sizes.length - 1));
    expect(p.cv).toBeCloseTo(sd / mean, 12);
    expect(p.rates).toBeNull();
    const s = tiny.population.branches.effectSd;
    expect(p.icc).toBeCloseTo(0.05 * 0.95 * s * s, 12);
  });

  it('takes the rates (and the ICC at the control rate) from a run of the scenario', () => {
    const settings = { seed: 's', replications: 4 };
    const run = simApi.summarize(tiny, settings, [simApi.runBlock(tiny, settings, 0, 4)]);
    const p = plannerPrefill(tiny, pop, 0, run);
    const st = run.strategies[0];
    expect(p.rates).toEqual({
      pControl: st.conversionRate.control.mean,
      pTreat: st.conversionRate.treatment.mean,
    });
    const q = st.conversionRate.control.mean;
    const s = tiny.population.branches.effectSd;
    expect(p.icc).toBeCloseTo(q * (1 - q) * s * s, 12);
  });
});
