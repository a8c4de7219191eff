// The synthetic customer base, struct-of-arrays, built once per (scenario, seed).
// AUM follows a capped lognormal whose two parameters are solved so that the declared
// long-tail share and the "top q% hold h% of AUM" concentration are met, then assigned by rank of
// a latent wealth score (life stage and occupation shift it), on a stratified quantile grid —
// so the declared figures hold at any size, not only on average.
import { createStream, type Stream } from '../rng/streams';
import { branchName } from '../scenario/cross-check';
import type { Scenario } from '../scenario/schema';
import { REACH_KINDS } from '../scenario/schema';
import { normalQuantile } from '../stats/normal';

/** Quantile-grid points used to solve the AUM distribution (the top-share error is far below ±0.1 pp). */
const CALIBRATION_GRID = 20_000;

/** Indices that sort `values` ascending (ties by index), via a native numeric sort of packed keys. */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Int32Array(n);
  // Each value's rank by binary search in the sorted copy; equal values take consecutive ranks.
  const used = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = n - 1;
    const v = values[i];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const rank = lo + used[lo]++;
    out[rank] = i;
  }
  return out;
}

export type Branch = {
  id: number;
  name: string;
  region: string;
  customers: number;
  wealthManagers: number;
  remoteAgents: number;
  /** Random effect on response log-odds. */
  effect: number;
};

export type Population = {
  n: number;
  nProducts: number;
  branches: Branch[];
  branch: Uint16Array;
  aum: Float64Array;
  tier: Uint8Array;
  wealthLevel: Uint8Array;
  lifeStage: Uint8Array;
  occupation: Uint8Array;
  /** wealthLevel × (lifeStages × occupations) + lifeStage × occupations + occupation */
  cell: Uint16Array;
  isAppUser: Uint8Array;
  isPayroll: Uint8Array;
  /** Relationship temperature (log-odds scale, mean 0). */
  temperature: Float32Array;
  /** Per reach kind (REACH_KINDS order): probability one attempt can reach the customer that way. */
  reach: Float32Array[];
  /** propensity[p * n + i]: chance to accept a neutral offer of product p when reached. */
  propensity: Float32Array;
  /** holds[p * n + i] */
  holds: Uint8Array;
  productsHeld: Uint8Array;
  /** Share of the customer's financial wealth held at other institutions. */
  outsideShare: Float32Array;
  /** Day (from the start) of the first wealth-product maturity, or -1 for non-holders. */
  maturityPhaseDay: Int32Array;
  /** Calibrated AUM distribution parameters. */
  aumModel: { mu: number; sigma: number; cap: number };
};

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp01 = (x: number) => (x < 0 ? 0 : Math.min(x, 1));

/** Index of the band an AUM falls in (bands ascending by minAumCny). */
export function bandOf(aum: number, mins: ArrayLike<number>): number {
  let k = 0;
  while (k + 1 < mins.length && aum >= mins[k + 1]) k++;
  return k;
}

/** Share of total held by the top `topShare` of a sorted-ascending array. */
export function topShareOf(sortedAsc: ArrayLike<number>, topShare: number): number {
  const n = sortedAsc.length;
  const k = Math.max(1, Math.round(n * topShare));
  let total = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    total += sortedAsc[i];
    if (i >= n - k) top += sortedAsc[i];
  }
  return total > 0 ? top / total : 0;
}

/**
 * Solve the capped lognormal (mu, sigma) so that P(AUM < threshold) = longTailShare and the top
 * `topShare` hold `holdsShare` of AUM, by bisection on sigma over a quantile grid of `gridSize`
 * points (mu follows from the long-tail quantile: mu = ln(threshold) − sigma·Φ⁻¹(longTailShare)).
 */
export function calibrateAum(
  a: Scenario['population']['aum'],
  gridSize: number,
): { mu: number; sigma: number } {
  const zTail = normalQuantile(a.longTailShare);
  const m = Math.min(gridSize, 200_000);
  const z = new Float64Array(m);
  for (let k = 0; k < m; k++) z[k] = normalQuantile((k + 0.5) / m);
  const grid = new Float64Array(m);
  const shareFor = (sigma: number) => {
    const mu = Math.log(a.longTailThresholdCny) - sigma * zTail;
    for (let k = 0; k < m; k++) grid[k] = Math.min(a.capCny, Math.exp(mu + sigma * z[k]));
    return topShareOf(grid, a.concentration.topShare);
  };
  let lo = 0.05;
  let hi = 8;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (shareFor(mid) < a.concentration.holdsShare) lo = mid;
    else hi = mid;
  }
  const sigma = (lo + hi) / 2;
  return { mu: Math.log(a.longTailThresholdCny) - sigma * zTail, sigma };
}

function pickByShares(u: number, cumulative: Float64Array): number {
  let k = 0;
  while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
  return k;
}

function cumulativeOf(shares: number[]): Float64Array {
  const c = new Float64Array(shares.length);
  let s = 0;
  const total = shares.reduce((x, y) => x + y, 0);
  shares.forEach((v, i) => {
    s += v / total;
    c[i] = s;
  });
  return c;
}

function buildBranches(pop: Scenario['population'], rng: Stream): { branches: Branch[]; counts: Int32Array } {
  const b = pop.branches;
  const sigma = Math.sqrt(Math.log(1 + b.sizeCv * b.sizeCv));
  const weights =
    b.sizeWeights ??
    Array.from({ length: b.count }, () => Math.exp(sigma * normalQuantile(rng.next()) - (sigma * sigma) / 2));
  const total = weights.reduce((x, y) => x + y, 0);
  // Largest-remainder apportionment of customers to branches (every branch gets at least one).
  const raw = weights.map((w) => (w / total) * pop.size);
  const counts = new Int32Array(b.count);
  let assigned = 0;
  raw.forEach((r, i) => {
    counts[i] = Math.max(1, Math.floor(r));
    assigned += counts[i];
  });
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; assigned < pop.size; k = (k + 1) % order.length, assigned++) counts[order[k][1]]++;
  for (let k = counts.length - 1; assigned > pop.size; k = (k - 1 + counts.length) % counts.length) {
    if (counts[k] > 1) {
      counts[k]--;
      assigned--;
    }
  }
  const branches: Branch[] = [];
  for (let i = 0; i < b.count; i++) {
    branches.push({
      id: i,
      name: branchName(i),
      region: b.regions[i % b.regions.length],
      customers: counts[i],
      wealthManagers: Math.max(1, Math.round((b.wealthManagersPer10k * counts[i]) / 10_000)),
      remoteAgents: Math.max(1, Math.round((b.remoteAgentsPer10k * counts[i]) / 10_000)),
      effect: b.effectSd * normalQuantile(rng.next()),
    });
  }
  return { branches, counts };
}

/** Build the population for a scenario from the master seed (deterministic). */
export function buildPopulation(scenario: Scenario, masterSeed: string): Population {
  const pop = scenario.population;
  const n = pop.size;
  const rng = createStream(masterSeed, 'population', 0, 'attributes');
  const { branches, counts } = buildBranches(pop, createStream(masterSeed, 'population', 0, 'branches'));
  const branch = new Uint16Array(n);
  for (let b = 0, i = 0; b < counts.length; b++) for (let k = 0; k < counts[b]; k++) branch[i++] = b;

  const lsCum = cumulativeOf(pop.lifeStages.map((g) => g.share));
  const occCum = cumulativeOf(pop.occupations.map((g) => g.share));
  const lifeStage = new Uint8Array(n);
  const occupation = new Uint8Array(n);
  const latent = new Float64Array(n);
  const isPayroll = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const ls = pickByShares(rng.next(), lsCum);
    const oc = pickByShares(rng.next(), occCum);
    lifeStage[i] = ls;
    occupation[i] = oc;
    latent[i] = normalQuantile(rng.next()) + pop.lifeStages[ls].wealthShift + pop.occupations[oc].wealthShift;
    isPayroll[i] =
      rng.next() < (pop.lifeStages[ls].payrollShare + pop.occupations[oc].payrollShare) / 2 ? 1 : 0;
  }

  // AUM by rank of the latent score on a jittered quantile grid.
  const { mu, sigma } = calibrateAum(pop.aum, CALIBRATION_GRID);
  const order = argsort(latent);
  const aum = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = (k + rng.next()) / n;
    aum[order[k]] = Math.min(pop.aum.capCny, Math.exp(mu + sigma * normalQuantile(u)));
  }

  const tierMins = pop.tiers.map((t) => t.minAumCny);
  const wlMins = pop.wealthLevels.map((t) => t.minAumCny);
  const tierIds = pop.tiers.map((t) => t.id);
  const tier = new Uint8Array(n);
  const wealthLevel = new Uint8Array(n);
  const cell = new Uint16Array(n);
  const nLs = pop.lifeStages.length;
  const nOc = pop.occupations.length;
  for (let i = 0; i < n; i++) {
    tier[i] = bandOf(aum[i], tierMins);
    wealthLevel[i] = bandOf(aum[i], wlMins);
    cell[i] = wealthLevel[i] * nLs * nOc + lifeStage[i] * nOc + occupation[i];
  }

  const isAppUser = new Uint8Array(n);
  const temperature = new Float32Array(n);
  const outsideShare = new Float32Array(n);
  const reach = REACH_KINDS.map(() => new Float32Array(n));
  const tierMult = (rec: Record<string, number>, t: number) => rec[tierIds[t]] ?? 1;
  const reachByTier = REACH_KINDS.map((kind) => {
    const r = pop.reachability[kind];
    return Float64Array.from(tierIds.map((_, t) => clamp01(r.base * tierMult(r.byTier, t))));
  });
  const appShareByTier = Float64Array.from(tierIds.map((id) => pop.app.userShareByTier[id] ?? 0.5));
  for (let i = 0; i < n; i++) {
    const t = tier[i];
    isAppUser[i] = rng.next() < appShareByTier[t] ? 1 : 0;
    temperature[i] = pop.temperature.sdLogit * normalQuantile(rng.next());
    // Wealthier customers keep a larger share elsewhere (multi-banking).
    outsideShare[i] = sigmoid(-0.6 + 0.15 * t + 0.8 * normalQuantile(rng.next()));
    for (let k = 0; k < REACH_KINDS.length; k++) {
      const kind = REACH_KINDS[k];
      const p = reachByTier[k][t];
      const u = rng.next();
      if (kind === 'app') reach[k][i] = isAppUser[i] && u < p ? 1 : 0;
      else if (kind === 'sms' || kind === 'wecom') reach[k][i] = u < p ? 1 : 0;
      // Phone connect and branch-visit chances vary by customer around the tier mean.
      else
        reach[k][i] = clamp01(sigmoid(logit(Math.min(0.999, Math.max(0.001, p))) + 0.5 * normalQuantile(u)));
    }
  }

  const nProducts = scenario.products.length;
  const propensity = new Float32Array(nProducts * n);
  const holds = new Uint8Array(nProducts * n);
  const productsHeld = new Uint8Array(n);
  scenario.products.forEach((p, pi) => {
    const prng = createStream(masterSeed, 'population', 0, `product:${p.id}`);
    const baseByTier = Float64Array.from(
      tierIds.map((_, t) =>
        Math.min(0.999, Math.max(1e-6, p.propensity.base * tierMult(p.propensity.byTier, t))),
      ),
    );
    for (let i = 0; i < n; i++) {
      const base = baseByTier[tier[i]];
      const x = logit(base) + 0.5 * temperature[i] + p.propensity.sdLogit * normalQuantile(prng.next());
      const prop = sigmoid(x);
      propensity[pi * n + i] = prop;
      const holdP = clamp01(p.holdShare * Math.sqrt(prop / base));
      const h = prng.next() < holdP ? 1 : 0;
      holds[pi * n + i] = h;
      productsHeld[i] += h;
    }
  });

  // First wealth-product maturity day (holders of any wmp-family product).
  const maturityPhaseDay = new Int32Array(n).fill(-1);
  const rate = pop.events.wmpMaturity.maturitiesPerYear;
  const wmpIdx = scenario.products.flatMap((p, pi) => (p.family === 'wmp' ? [pi] : []));
  if (rate > 0 && wmpIdx.length > 0) {
    const period = 365 / rate;
    const mrng = createStream(masterSeed, 'population', 0, 'maturity');
    for (let i = 0; i < n; i++) {
      const u = mrng.next();
      if (wmpIdx.some((pi) => holds[pi * n + i] === 1)) maturityPhaseDay[i] = Math.floor(u * period);
    }
  }

  return {
    n,
    nProducts,
    branches,
    branch,
    aum,
    tier,
    wealthLevel,
    lifeStage,
    occupation,
    cell,
    isAppUser,
    isPayroll,
    temperature,
    reach,
    propensity,
    holds,
    productsHeld,
    outsideShare,
    maturityPhaseDay,
    aumModel: { mu, sigma, cap: pop.aum.capCny },
  };
}
