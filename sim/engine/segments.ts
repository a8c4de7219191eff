// The size of each strategy's target segment, from the engine's own eligibility (no second rule
// evaluator), so the studio shows exactly who a run will consider.
import type { Population } from '../population/build';
import type { SegmentCount, StrategySegment } from '../results';
import { type Model, ruleEligible } from './model';

/** Count a set of customer indices: customers, share of the population, AUM share (CNY ÷ CNY) and tiers. */
export function countSegment(
  pop: Population,
  tierCount: number,
  totalAumCny: number,
  members: ArrayLike<number>,
): SegmentCount {
  const byTier = new Array<number>(tierCount).fill(0);
  let aum = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    aum += pop.aum[i];
    byTier[pop.tier[i]]++;
  }
  return {
    customers: members.length,
    share: pop.n > 0 ? members.length / pop.n : 0,
    aumShare: totalAumCny > 0 ? aum / totalAumCny : 0,
    byTier,
  };
}

/**
 * Each strategy's segment (scenario order): customers matching every rule, and — with `topK` — the
 * model's eligible set after the top-share cut (`model.eligible`, the set replications randomize).
 */
export function summarizeSegments(model: Model): StrategySegment[] {
  const { scenario: s, pop } = model;
  const nTiers = s.population.tiers.length;
  let total = 0;
  for (let i = 0; i < pop.n; i++) total += pop.aum[i];
  const count = (members: ArrayLike<number>) => countSegment(pop, nTiers, total, members);
  return s.strategies.map((st, si) => {
    const eligible = model.eligible[si];
    return st.target.topK
      ? { strategyId: st.id, matched: count(ruleEligible(s, st, pop)), afterTopK: count(eligible) }
      : { strategyId: st.id, matched: count(eligible), afterTopK: null };
  });
}
