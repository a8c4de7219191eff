// Reading a naive multiple: trade reports quote "participants have N× the AUM (products, app
// logins) of non-participants" as if it were the campaign's effect. Which settings of the model
// reproduce the quoted multiples, and what causal uplift vs a randomized control do they imply?
// Two knobs are searched on a grid, then refined around the best point: the selection strength
// (a multiplier on the spread of relationship temperature and of the offered product's propensity,
// which make responders differ from others before any contact) and the campaign effect (a
// multiplier on the strategy's offer fit, which scales every response). Pure; runs are injected.
import { recordLayout } from '../engine/layout';
import type { RunSettings } from '../run-settings';
import { validateScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { quantileSorted } from '../stats/summary';
import type { BlockRunner } from './abc';
import { CalibrationError } from './errors';

export const NAIVE_METRICS = ['aum', 'products', 'logins'] as const;
export type NaiveMetric = (typeof NAIVE_METRICS)[number];

/** Relative error within which a quoted multiple counts as reproduced. */
export const REPRODUCED_WITHIN = 0.1;

export type NaiveCheckOptions = {
  /** Replications per evaluated setting (default 12). */
  replications?: number;
  /** Selection multipliers of the first grid (default 0, 0.5, 1, 1.5, 2, 3). */
  selectionGrid?: number[];
  /** Effect multipliers of the first grid (default 0.5, 1, 2). */
  effectGrid?: number[];
};

type PointMetrics = {
  selection: number;
  effect: number;
  /** Per metric: participants' mean ÷ non-participants' mean (ratio of means over replications). */
  multiple: Record<NaiveMetric, number>;
  participants: Record<NaiveMetric, number>;
  nonParticipants: Record<NaiveMetric, number>;
  /** Per replication: treatment − control mean per targeted customer. */
  uplift: Record<NaiveMetric, number[]>;
  /** Mean targeted treatment customers ÷ mean participants. */
  targetedPerParticipant: number;
  /** Modelled incremental net new money per participant (each treated customer's own counterfactual), CNY. */
  modelledNewMoneyPerParticipant: number;
};

export type NaiveMetricResult = {
  metric: NaiveMetric;
  quoted: number;
  /** The multiple the fitted setting produces (ratio of means over replications). */
  reproduced: number;
  relativeError: number;
  /** 'reproduced' within 10%; 'beyond-model' when no evaluated setting reaches it; 'not-jointly' when settings reach it but not together with the other quoted multiples; 'not-defined' when at the fitted setting the two means are not both positive (no multiple). */
  status: 'reproduced' | 'beyond-model' | 'not-jointly' | 'not-defined';
  /** The multiples the evaluated settings span. */
  reachable: { min: number; max: number };
  /** Causal uplift per targeted customer vs the randomized control: mean and 5th–95th percentile over replications. Units: CNY (aum, net new money), products, logins per month. */
  causalUplift: { mean: number; p05: number; p95: number };
  /** Participants' and non-participants' means at the fitted setting. */
  participantsMean: number;
  nonParticipantsMean: number;
  /** Share of the naive gap (participants − non-participants) that is selection: 1 − effect on participants ÷ gap (an estimate: noisy with few replications, and outside [0, 1] when the effect estimate is). */
  selectionShare: number;
};

export type NaiveCheckReport = {
  strategy: string;
  /** The fitted knobs: multipliers of the scenario's own values. */
  fitted: { selection: number; effect: number };
  /** Scenario paths each knob multiplies. */
  knobs: { selection: string[]; effect: string[] };
  replications: number;
  settingsEvaluated: number;
  metrics: NaiveMetricResult[];
};

const MAX = { temperature: 3, propensity: 4, fit: 100 };

/** The scenario with one strategy (others dropped, so a setting runs fast) and both knobs applied. */
function knobbed(base: Scenario, strategy: string, selection: number, effect: number): Scenario {
  const s = JSON.parse(JSON.stringify(base)) as Scenario;
  s.strategies = s.strategies.filter((x) => x.id === strategy);
  delete s.compare;
  const st = s.strategies[0];
  const product = s.products.find((p) => p.id === st.offer.product);
  s.population.temperature.sdLogit = Math.min(
    MAX.temperature,
    base.population.temperature.sdLogit * selection,
  );
  if (product) product.propensity.sdLogit = Math.min(MAX.propensity, product.propensity.sdLogit * selection);
  st.offer.fit = Math.min(MAX.fit, st.offer.fit * effect);
  return s;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function readPoint(
  s: Scenario,
  records: Float64Array,
  n: number,
  selection: number,
  effect: number,
): PointMetrics {
  const L = recordLayout(s);
  const sc = L.strategies[0].scalar;
  const col = (f: (o: number) => number) => Array.from({ length: n }, (_, r) => f(r * L.length));
  const v = (o: number, k: keyof typeof sc) => records[o + sc[k]];
  const part = col((o) => v(o, 'participants'));
  const non = col((o) => v(o, 'nonParticipants'));
  const tT = col((o) => v(o, 'targetedT'));
  const tC = col((o) => v(o, 'targetedC'));
  const keys = {
    aum: { p: 'participantsNewMoney', t: 'netNewMoneyT', c: 'netNewMoneyC' },
    products: { p: 'participantsProductsHeld', t: 'productsHeldT', c: 'productsHeldC' },
    logins: { p: 'participantsLogins', t: 'loginsT', c: 'loginsC' },
  } as const;
  const out = {
    selection,
    effect,
    multiple: {},
    participants: {},
    nonParticipants: {},
    uplift: {},
    targetedPerParticipant: mean(tT) / mean(part),
    modelledNewMoneyPerParticipant: mean(col((o) => v(o, 'modelledNewMoneyT'))) / mean(part),
  } as PointMetrics;
  for (const m of NAIVE_METRICS) {
    const k = keys[m];
    const pSum = col((o) => v(o, k.p));
    // Everyone else: targeted non-participants and the control group.
    const nSum =
      m === 'aum'
        ? col((o) => v(o, 'nonParticipantsNewMoney'))
        : col((o) => v(o, k.t) + v(o, k.c) - v(o, k.p));
    // Ratios of means: totals over replications ÷ customers over replications.
    out.participants[m] = mean(pSum) / mean(part);
    out.nonParticipants[m] = mean(nSum) / mean(non);
    out.multiple[m] = out.participants[m] / out.nonParticipants[m];
    const cSum = col((o) => v(o, k.c));
    out.uplift[m] = col((o) => v(o, k.t)).map((x, r) => x / tT[r] - cSum[r] / tC[r]);
  }
  return out;
}

function loss(p: PointMetrics, quoted: Partial<Record<NaiveMetric, number>>): number {
  let l = 0;
  for (const [m, q] of Object.entries(quoted) as Array<[NaiveMetric, number]>) {
    const x = p.multiple[m];
    l += x > 0 && q > 0 ? Math.log(x / q) ** 2 : 1e6;
  }
  return l;
}

/**
 * Find the selection strength and campaign effect whose naive multiples (participants ÷
 * non-participants, per targeted and control customer) come closest to the quoted ones (least
 * squares on the log scale), and report at that setting the causal uplift and the share of each
 * naive gap that is selection. Deterministic: each setting is a run on the scenario's seed.
 */
export async function naiveCheck(
  scenario: Scenario,
  strategy: string,
  quoted: Partial<Record<NaiveMetric, number>>,
  options: NaiveCheckOptions,
  run: BlockRunner,
  onProgress?: (done: number, total: number) => void,
): Promise<NaiveCheckReport> {
  if (!scenario.strategies.some((s) => s.id === strategy))
    throw new CalibrationError('unknown-strategy', {
      value: strategy,
      known: scenario.strategies.map((s) => s.id).join(', '),
    });
  const R = options.replications ?? 12;
  const sGrid = options.selectionGrid ?? [0, 0.5, 1, 1.5, 2, 3];
  const eGrid = options.effectGrid ?? [0.5, 1, 2];
  const settings: RunSettings = { seed: String(scenario.monteCarlo.seed), replications: R };
  const points = new Map<string, PointMetrics>();
  const plan = (list: Array<[number, number]>) => list.filter(([a, b]) => !points.has(`${a}|${b}`));
  const total = () => sGrid.length * eGrid.length + 8;
  let done = 0;
  const evaluate = async (list: Array<[number, number]>) => {
    for (const [sel, eff] of plan(list)) {
      const s = knobbed(scenario, strategy, sel, eff);
      const checked = validateScenario(s);
      const sc = checked.ok ? checked.scenario : s;
      const blocks = await run(sc, settings, [0, R], (d) => onProgress?.(done * R + d, total() * R));
      const len = recordLayout(sc).length;
      const records = new Float64Array(R * len);
      for (const b of blocks) records.set(b.data, b.start * len);
      points.set(`${sel}|${eff}`, readPoint(sc, records, R, sel, eff));
      done++;
    }
  };
  await evaluate(sGrid.flatMap((sel) => eGrid.map((eff): [number, number] => [sel, eff])));
  const best = () => [...points.values()].reduce((a, b) => (loss(b, quoted) < loss(a, quoted) ? b : a));
  // Refine once around the best grid point: halfway to each neighbour on both knobs.
  const b0 = best();
  const near = (grid: number[], x: number) => {
    const i = grid.indexOf(x);
    return [i > 0 ? (grid[i - 1] + x) / 2 : x, x, i < grid.length - 1 ? (grid[i + 1] + x) / 2 : x];
  };
  const sNear = near(sGrid, b0.selection);
  const eNear = near(eGrid, b0.effect);
  await evaluate(sNear.flatMap((sel) => eNear.map((eff): [number, number] => [sel, eff])));
  const fit = best();
  const all = [...points.values()];
  const metrics = (Object.keys(quoted) as NaiveMetric[])
    .filter((m) => NAIVE_METRICS.includes(m))
    .map((m): NaiveMetricResult => {
      const q = quoted[m] as number;
      const x = fit.multiple[m];
      // A multiple is a ratio of two positive means; where non-participants' mean is not positive
      // (net new money can be negative) there is no multiple to compare.
      const span = all.map((p) => p.multiple[m]).filter((v) => Number.isFinite(v) && v > 0);
      const reachable = span.length
        ? { min: Math.min(...span), max: Math.max(...span) }
        : { min: Number.NaN, max: Number.NaN };
      const isDefined = x > 0 && Number.isFinite(x);
      const rel = x / q - 1;
      const isWithin = Math.abs(rel) <= REPRODUCED_WITHIN;
      const isReachable =
        q >= reachable.min * (1 - REPRODUCED_WITHIN) && q <= reachable.max * (1 + REPRODUCED_WITHIN);
      const up = [...fit.uplift[m]].sort((a, c) => a - c);
      const gap = fit.participants[m] - fit.nonParticipants[m];
      // The effect on participants: for net new money the modelled counterfactual (free of the
      // randomized comparison's heavy-tailed noise); otherwise the randomized uplift per targeted
      // customer scaled to participants (non-participants unaffected).
      const onParticipants =
        m === 'aum' ? fit.modelledNewMoneyPerParticipant : mean(fit.uplift[m]) * fit.targetedPerParticipant;
      return {
        metric: m,
        quoted: q,
        reproduced: x,
        relativeError: rel,
        status: !isDefined
          ? 'not-defined'
          : isWithin
            ? 'reproduced'
            : isReachable
              ? 'not-jointly'
              : 'beyond-model',
        reachable,
        causalUplift: { mean: mean(up), p05: quantileSorted(up, 0.05), p95: quantileSorted(up, 0.95) },
        participantsMean: fit.participants[m],
        nonParticipantsMean: fit.nonParticipants[m],
        selectionShare: gap !== 0 ? 1 - onParticipants / gap : Number.NaN,
      };
    });
  const st = scenario.strategies.find((s) => s.id === strategy)!;
  return {
    strategy,
    fitted: { selection: fit.selection, effect: fit.effect },
    knobs: {
      selection: ['population.temperature.sdLogit', `products[${st.offer.product}].propensity.sdLogit`],
      effect: [`strategies[${strategy}].offer.fit`],
    },
    replications: R,
    settingsEvaluated: points.size,
    metrics,
  };
}
