// Choosing pilot and control branches for a branch-randomised pilot, checking that the two arms
// look alike (balance table), and checking a running pilot's arm sizes against the plan (sample
// ratio mismatch). Pure: randomness comes from a seeded stream, never Math.random.
import type { PopulationSummary } from '../results';
import { createStream, permutation, type Stream } from '../rng/streams';
import { chiSquareCdf } from '../stats/dist';
import { PlannerInputError } from './errors';

/** What the planner knows about one branch before the pilot. */
export type BranchInfo = {
  /** Branch id as rules and results name it (B01, B02, …). */
  name: string;
  region: string;
  customers: number;
  wealthManagers: number;
  remoteAgents: number;
  /** Total AUM of the branch's customers, CNY, when known (a proxy for branch wealth). */
  aumCny?: number;
};

/** `random`: a random draw of 2k branches, alternately assigned; `stratified`: matched pairs. */
export type SelectionMethod = 'random' | 'stratified';
export type StratifyBy = 'size' | 'region';

export type SelectionInput = {
  branches: readonly BranchInfo[];
  /** Branches per arm, k (at least 1; 2k may not exceed the number of branches). */
  perArm: number;
  method: SelectionMethod;
  /** For `stratified`: pair within region, by size, or both (default both). */
  stratifyBy?: readonly StratifyBy[];
  seed: string;
};

/** One characteristic of the arms: means per branch (`mean`) or the share of branches (`share`). */
export type BalanceRow = {
  /** `customers`, `wealthManagers`, `remoteAgents`, `aumCny` or `region:<id>`. */
  key: string;
  kind: 'mean' | 'share';
  treatment: number;
  control: number;
  /** Standardized difference (treatment − control) / pooled SD; 0 when both arms are constant and equal. */
  stdDiff: number;
  /** |stdDiff| above {@link IMBALANCE_THRESHOLD}. */
  isImbalanced: boolean;
};

export type BranchSelection = {
  method: SelectionMethod;
  stratifyBy: StratifyBy[];
  /** Treatment (pilot) branch names, in selection order. */
  pilot: string[];
  /** Control branch names; pilot[i] and control[i] form a matched pair when stratified. */
  control: string[];
  balance: BalanceRow[];
  /** Share of the selected branches' customers who are in pilot branches: the planned split by customers. */
  plannedTreatmentShare: number;
};

/**
 * |standardized difference| above which an arm characteristic counts as imbalanced. 0.25 SD is
 * the What Works Clearinghouse limit beyond which regression adjustment cannot be trusted;
 * 0.1 (Austin 2009) is usual for large samples but is exceeded by chance with a handful of
 * branches per arm.
 */
export const IMBALANCE_THRESHOLD = 0.25;

/** p-value below which a sample ratio mismatch is flagged (the usual A/B-testing threshold). */
export const SRM_P_THRESHOLD = 0.001;

/** The branch table of a population summary, as selection input. */
export function branchInfos(pop: Pick<PopulationSummary, 'branches'>): BranchInfo[] {
  return pop.branches.map((b) => ({
    name: b.name,
    region: b.region,
    customers: b.customers,
    wealthManagers: b.wealthManagers,
    remoteAgents: b.remoteAgents,
  }));
}

/**
 * Picks k pilot and k control branches. `random`: a seeded permutation of all branches; the first
 * 2k alternate pilot, control. `stratified`: branches are paired within strata (region) by size
 * (adjacent in size order), leftovers are paired across strata; pairs are drawn so that each
 * stratum's share of pairs follows its share of branches, and a coin flip decides which of a pair
 * is the pilot. Selections are nested: the k-branch selection is a prefix of the (k+1)-branch one
 * for the same seed, so power curves over k compare like with like.
 */
export function selectBranches(input: SelectionInput): BranchSelection {
  const { branches, perArm, method, seed } = input;
  const n = branches.length;
  if (!(Number.isInteger(perArm) && perArm >= 1)) {
    throw new PlannerInputError('branchesPerArm', perArm, 'not-whole-branches');
  }
  if (2 * perArm > n) {
    throw new PlannerInputError('branchesPerArm', perArm, 'more-branches-than-available', {
      needed: 2 * perArm,
      count: n,
      max: Math.floor(n / 2),
    });
  }
  const stratifyBy = method === 'stratified' ? [...(input.stratifyBy ?? ['size', 'region'])] : [];
  const stream = createStream(seed, 'pilot-selection', 0, `${method}:${stratifyBy.join('+')}`);
  const pairs = method === 'random' ? randomPairs(n, stream) : stratifiedPairs(branches, stratifyBy, stream);
  const pilot: string[] = [];
  const control: string[] = [];
  for (const [a, b] of pairs.slice(0, perArm)) {
    pilot.push(branches[a].name);
    control.push(branches[b].name);
  }
  const byName = new Map(branches.map((b) => [b.name, b]));
  const pick = (names: string[]) => names.map((x) => byName.get(x)!);
  const regions = [...new Set(branches.map((b) => b.region))].sort();
  const customersT = sum(pick(pilot).map((b) => b.customers));
  const customersC = sum(pick(control).map((b) => b.customers));
  return {
    method,
    stratifyBy,
    pilot,
    control,
    balance: balanceTable(pick(pilot), pick(control), regions),
    plannedTreatmentShare: customersT + customersC > 0 ? customersT / (customersT + customersC) : 0.5,
  };
}

/** Random pairs: positions (0,1), (2,3), … of a permutation; the first of a pair is the pilot. */
function randomPairs(n: number, stream: Stream): Array<[number, number]> {
  const order = permutation(n, stream);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < n; i += 2) out.push([order[i], order[i + 1]]);
  return out;
}

function stratifiedPairs(
  branches: readonly BranchInfo[],
  stratifyBy: readonly StratifyBy[],
  stream: Stream,
): Array<[number, number]> {
  const bySize = stratifyBy.includes('size');
  const byRegion = stratifyBy.includes('region');
  const strata = new Map<string, number[]>();
  branches.forEach((b, i) => {
    const key = byRegion ? b.region : '';
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  const orderWithin = (members: number[]): number[] => {
    if (bySize) {
      return [...members].sort(
        (a, b) =>
          branches[b].customers - branches[a].customers || branches[a].name.localeCompare(branches[b].name),
      );
    }
    const p = permutation(members.length, stream);
    return Array.from(p, (k) => members[k]);
  };
  const groups: Array<Array<[number, number]>> = [];
  const leftovers: number[] = [];
  for (const key of [...strata.keys()].sort()) {
    const ordered = orderWithin(strata.get(key)!);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i + 1 < ordered.length; i += 2) pairs.push([ordered[i], ordered[i + 1]]);
    if (ordered.length % 2 === 1) leftovers.push(ordered[ordered.length - 1]);
    groups.push(pairs);
  }
  if (leftovers.length >= 2) {
    const ordered = orderWithin(leftovers);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i + 1 < ordered.length; i += 2) pairs.push([ordered[i], ordered[i + 1]]);
    groups.push(pairs);
  }
  // Draw order: shuffle pairs within each stratum, then interleave strata so that every prefix
  // holds each stratum in proportion to its pairs (largest deficit first, ties by stratum order).
  const shuffled = groups.map((g) => Array.from(permutation(g.length, stream), (k) => g[k]));
  const total = sum(shuffled.map((g) => g.length));
  const taken = shuffled.map(() => 0);
  const out: Array<[number, number]> = [];
  for (let t = 0; t < total; t++) {
    let best = -1;
    let bestDeficit = Number.NEGATIVE_INFINITY;
    shuffled.forEach((g, gi) => {
      if (taken[gi] >= g.length) return;
      const deficit = (g.length / total) * (t + 1) - taken[gi];
      if (deficit > bestDeficit + 1e-12) {
        best = gi;
        bestDeficit = deficit;
      }
    });
    out.push(shuffled[best][taken[best]++]);
  }
  return out.map(([a, b]) => (stream.next() < 0.5 ? [a, b] : [b, a]));
}

/**
 * Balance of two arms of branches: per-branch means of customers, wealth managers, remote agents
 * and AUM (when every branch has it), and the share of branches in each region, with standardized
 * differences d = (x̄_T − x̄_C) / √((s_T² + s_C²)/2) for means and (p_T − p_C) / √((p_T q_T + p_C q_C)/2)
 * for shares (Austin 2009, Stat Med 28:3083).
 */
export function balanceTable(
  treatment: readonly BranchInfo[],
  control: readonly BranchInfo[],
  regions: readonly string[],
): BalanceRow[] {
  const rows: BalanceRow[] = [];
  const meanRow = (key: string, f: (b: BranchInfo) => number) => {
    const t = treatment.map(f);
    const c = control.map(f);
    const mt = mean(t);
    const mc = mean(c);
    rows.push(row(key, 'mean', mt, mc, Math.sqrt((variance(t) + variance(c)) / 2)));
  };
  meanRow('customers', (b) => b.customers);
  meanRow('wealthManagers', (b) => b.wealthManagers);
  meanRow('remoteAgents', (b) => b.remoteAgents);
  if ([...treatment, ...control].every((b) => b.aumCny !== undefined)) meanRow('aumCny', (b) => b.aumCny!);
  for (const r of regions) {
    const pt = treatment.length ? treatment.filter((b) => b.region === r).length / treatment.length : 0;
    const pc = control.length ? control.filter((b) => b.region === r).length / control.length : 0;
    rows.push(row(`region:${r}`, 'share', pt, pc, Math.sqrt((pt * (1 - pt) + pc * (1 - pc)) / 2)));
  }
  return rows;
}

function row(key: string, kind: BalanceRow['kind'], t: number, c: number, sd: number): BalanceRow {
  const diff = t - c;
  const stdDiff = sd > 0 ? diff / sd : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY;
  return {
    key,
    kind,
    treatment: t,
    control: c,
    stdDiff,
    isImbalanced: Math.abs(stdDiff) > IMBALANCE_THRESHOLD,
  };
}

export type SrmResult = {
  /** Pearson's χ² = Σ (observed − expected)² / expected. */
  chiSquare: number;
  df: number;
  pValue: number;
  expected: number[];
  /** p < {@link SRM_P_THRESHOLD}: the arms' sizes do not match the plan; check the assignment before reading the results. */
  isMismatch: boolean;
};

/**
 * Sample ratio mismatch check: Pearson's χ² goodness-of-fit test of the observed counts per arm
 * (e.g. targeted customers in treatment and control) against the planned shares, df = arms − 1;
 * flagged at p < 0.001 (Fabijan et al. 2019, KDD). Shares are normalized to sum to 1.
 */
export function sampleRatioMismatch(
  observed: readonly number[],
  plannedShares: readonly number[],
): SrmResult {
  if (observed.length < 2 || observed.length !== plannedShares.length) {
    throw new PlannerInputError('plannedShares', plannedShares.length, 'shares-mismatch', {
      count: observed.length,
    });
  }
  observed.forEach((x, i) => {
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new PlannerInputError(`observed[${i}]`, x, 'not-a-count');
    }
  });
  plannedShares.forEach((x, i) => {
    if (!(Number.isFinite(x) && x > 0)) {
      throw new PlannerInputError(`plannedShares[${i}]`, x, 'not-a-planned-share');
    }
  });
  const total = sum(observed);
  if (!(total > 0)) throw new PlannerInputError('observed', total, 'counts-nobody');
  const shareSum = sum(plannedShares);
  const expected = plannedShares.map((s) => (total * s) / shareSum);
  const chiSquare = sum(observed.map((x, i) => (x - expected[i]) ** 2 / expected[i]));
  const df = observed.length - 1;
  const pValue = Math.min(1, Math.max(0, 1 - chiSquareCdf(chiSquare, df)));
  return { chiSquare, df, pValue, expected, isMismatch: pValue < SRM_P_THRESHOLD };
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function mean(xs: readonly number[]): number {
  return xs.length ? sum(xs) / xs.length : Number.NaN;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}
