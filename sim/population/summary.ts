// Summary statistics of a built population for the studio's live preview and the CLI.
import type { PopulationSummary } from '../results';
import type { Scenario } from '../scenario/schema';
import { type Population, topShareOf } from './build';

/** Lorenz points, tier mix, the KYC grid counts and branch table of a population. */
export function summarizePopulation(scenario: Scenario, pop: Population): PopulationSummary {
  const p = scenario.population;
  const n = pop.n;
  const sorted = Float64Array.from(pop.aum).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  // Lorenz curve: 40 even points plus a finer top end where the concentration lives.
  const shares = [...Array.from({ length: 40 }, (_, k) => k / 40), 0.96, 0.97, 0.98, 0.99, 0.995, 0.999, 1];
  const lorenz = [];
  let cum = 0;
  let idx = 0;
  for (const s of shares) {
    const upto = Math.round(s * n);
    for (; idx < upto; idx++) cum += sorted[idx];
    lorenz.push({ customerShare: s, aumShare: total > 0 ? cum / total : 0 });
  }
  const tiers = p.tiers.map((t) => ({
    id: t.id,
    label: t.label ?? t.id,
    customers: 0,
    share: 0,
    aumShare: 0,
  }));
  const tierAum = new Float64Array(p.tiers.length);
  const counts = p.wealthLevels.map(() => p.lifeStages.map(() => p.occupations.map(() => 0)));
  let app = 0;
  let payroll = 0;
  let longTail = 0;
  for (let i = 0; i < n; i++) {
    tiers[pop.tier[i]].customers++;
    tierAum[pop.tier[i]] += pop.aum[i];
    counts[pop.wealthLevel[i]][pop.lifeStage[i]][pop.occupation[i]]++;
    app += pop.isAppUser[i];
    payroll += pop.isPayroll[i];
    if (pop.aum[i] < p.aum.longTailThresholdCny) longTail++;
  }
  tiers.forEach((t, k) => {
    t.share = t.customers / n;
    t.aumShare = total > 0 ? tierAum[k] / total : 0;
  });
  return {
    size: n,
    totalAumCny: total,
    meanAumCny: total / n,
    medianAumCny: n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    topShareAum: {
      topShare: p.aum.concentration.topShare,
      aumShare: topShareOf(sorted, p.aum.concentration.topShare),
      target: p.aum.concentration.holdsShare,
    },
    longTail: { share: longTail / n, target: p.aum.longTailShare, thresholdCny: p.aum.longTailThresholdCny },
    lorenz,
    tiers,
    grid: {
      wealthLevels: p.wealthLevels.map((w) => w.label ?? w.id),
      lifeStages: p.lifeStages.map((w) => w.label ?? w.id),
      occupations: p.occupations.map((w) => w.label ?? w.id),
      counts,
    },
    branches: pop.branches.map((b) => ({ ...b })),
    appUserShare: app / n,
    payrollShare: payroll / n,
  };
}
