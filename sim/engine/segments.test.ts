import { describe, expect, it } from 'vitest';
import longTail from '../../scenarios/long-tail-app-activation.json';
import omni from '../../scenarios/omnichannel-referral-pilot.json';
import { simApi } from '../api';
import { compileRule, prepareModel } from './model';
import { mustLoad } from './test-scenarios';

type Doc = typeof omni;

function withRules(doc: Doc, index: number, rules: unknown[]): Doc {
  const copy = JSON.parse(JSON.stringify(doc)) as Doc;
  (copy.strategies[index].target as { rules: unknown[] }).rules = rules;
  return copy;
}

/** Count straight from the engine's compiled rules, customer by customer. */
function directCounts(doc: unknown) {
  const scenario = mustLoad(doc);
  const model = prepareModel(scenario, String(scenario.monteCarlo.seed));
  const { pop } = model;
  return scenario.strategies.map((st, si) => {
    const offer = scenario.products.findIndex((p) => p.id === st.offer.product);
    const tests = st.target.rules.map((r) => compileRule(r, scenario, pop, offer));
    const byTier = scenario.population.tiers.map(() => 0);
    let customers = 0;
    let aum = 0;
    let total = 0;
    for (let i = 0; i < pop.n; i++) {
      total += pop.aum[i];
      if (tests.every((test) => test(i))) {
        customers++;
        aum += pop.aum[i];
        byTier[pop.tier[i]]++;
      }
    }
    const aumShare = aum / total;
    return { customers, byTier, aumShare, eligible: model.eligible[si].length, topK: st.target.topK?.share };
  });
}

describe('segment sizes in the population summary', () => {
  it.each([
    ['omnichannel-referral-pilot', omni],
    ['long-tail-app-activation', longTail],
  ])('%s: equal a direct count with the engine’s eligibility', (_, doc) => {
    const summary = simApi.populationSummary(mustLoad(doc));
    const direct = directCounts(doc);
    expect(summary.segments).toHaveLength(direct.length);
    summary.segments?.forEach((seg, si) => {
      const d = direct[si];
      expect(seg.matched.customers).toBe(d.customers);
      expect(seg.matched.byTier).toEqual(d.byTier);
      expect(seg.matched.share).toBeCloseTo(d.customers / summary.size, 12);
      // Summation order is the same up to the customers skipped; 1e-9 covers float rounding.
      expect(seg.matched.aumShare).toBeCloseTo(d.aumShare, 9);
      if (d.topK === undefined) {
        expect(seg.afterTopK).toBeNull();
        expect(seg.matched.customers).toBe(d.eligible);
      } else {
        // The cut keeps round(share × matched) customers: exactly the set replications randomize.
        expect(seg.afterTopK?.customers).toBe(d.eligible);
        expect(seg.afterTopK?.customers).toBe(Math.round(d.topK * d.customers));
        expect(seg.afterTopK?.byTier.reduce((a, b) => a + b, 0)).toBe(d.eligible);
      }
    });
    // The example's rules are not empty: the first strategy is a real subset.
    expect(summary.segments?.[0].matched.customers).toBeGreaterThan(0);
    expect(summary.segments?.[0].matched.customers).toBeLessThan(summary.size);
  });

  it('a strategy without rules counts the whole population (and all of its AUM)', () => {
    const summary = simApi.populationSummary(mustLoad(withRules(omni, 1, [])));
    const seg = summary.segments?.[1];
    expect(seg?.matched.customers).toBe(summary.size);
    expect(seg?.matched.share).toBe(1);
    expect(seg?.matched.aumShare).toBeCloseTo(1, 9);
    expect(seg?.matched.byTier).toEqual(summary.tiers.map((t) => t.customers));
  });

  it('contradictory rules give an empty segment with zero shares', () => {
    const rules = [
      { attr: 'tier', op: 'in', values: ['long_tail'] },
      { attr: 'tier', op: 'in', values: ['private'] },
    ];
    const seg = simApi.populationSummary(mustLoad(withRules(omni, 2, rules))).segments?.[2];
    expect(seg).toMatchObject({
      strategyId: 'app_activation',
      matched: { customers: 0, share: 0, aumShare: 0 },
    });
  });

  it('`not_in` negates a holds rule: holds + not_in is not_holds, and the two split everyone', () => {
    const count = (rule: unknown) =>
      simApi.populationSummary(mustLoad(withRules(omni, 1, [rule]))).segments?.[1].matched.customers ?? -1;
    const holds = count({ attr: 'holds', values: ['fund'] });
    const notHolds = count({ attr: 'not_holds', values: ['fund'] });
    expect(count({ attr: 'holds', op: 'not_in', values: ['fund'] })).toBe(notHolds);
    expect(count({ attr: 'not_holds', op: 'not_in', values: ['fund'] })).toBe(holds);
    expect(holds).toBeGreaterThan(0);
    expect(holds + notHolds).toBe(omni.population.size);
  });
});
