// How a real pilot would analyse one replication: a covariate-adjusted randomization test and
// interval per outcome, at the customer level, or on branch means when whole branches were
// randomized (cluster-level analysis). The method and its measured size are in docs/model.md.

import { WARM_UP_CALLS } from '../stats/heavy-route';
import { pilotInferenceOf, pilotSums } from '../stats/pilot-inference';
import { type RandomizationResult, randomizationTests } from '../stats/randomization';

/**
 * Re-randomizations per test of a branch-level design (a few dozen units: cheap): p-values in
 * steps of 1/200, 10 draws beyond each 90% interval bound, size exact ((B + 1)·α/2 = 5 and
 * (B + 1)·0.05 = 10 are whole numbers). Customer-level designs draw at most as many, and only where
 * they can matter (sim/stats/pilot-inference.ts; docs/model.md).
 */
export const PILOT_PERMUTATIONS = 199;

/** Per-customer data of one strategy's targeted customers, filled by the engine (length ≥ n). */
export type PilotData = {
  n: number;
  /** Outcome under analysis, the pre-period AUM covariate, arm, branch. */
  y: Float64Array;
  /** A second outcome parked for the next analysis (the engine: 1/0 bought, while y is net new money). */
  y2: Float64Array;
  x: Float64Array;
  isTreated: Uint8Array;
  branch: Int32Array;
  /** Scratch: residuals of y and y2, and of the arm. */
  e: Float64Array;
  e2: Float64Array;
  r: Float64Array;
};

export function createPilotData(n: number, nBranches: number): PilotData & { units: UnitScratch } {
  if (!residualizeWarm) {
    // Two-unit analyses so that residualizeBoth's reads after its loops have type feedback when V8
    // compiles the first loop mid-run (without it, that code deopted after the loop on every call).
    residualizeWarm = true;
    const d = createPilotData(2, 0);
    d.n = 2;
    d.x[1] = 1;
    for (let k = 0; k < WARM_UP_CALLS; k++) residualizeBoth(d, new Float64Array(12));
  }
  return {
    n: 0,
    y: new Float64Array(n),
    y2: new Float64Array(n),
    x: new Float64Array(n),
    isTreated: new Uint8Array(n),
    branch: new Int32Array(n),
    e: new Float64Array(n),
    e2: new Float64Array(n),
    r: new Float64Array(n),
    units: {
      a: new Float64Array(nBranches),
      a2: new Float64Array(nBranches),
      r: new Float64Array(nBranches),
      count: new Float64Array(nBranches),
      isTreated: new Uint8Array(nBranches),
    },
  };
}

let residualizeWarm = false;

type UnitScratch = {
  a: Float64Array;
  a2: Float64Array;
  r: Float64Array;
  count: Float64Array;
  isTreated: Uint8Array;
};

/**
 * The pilot's analysis of the two outcomes in `d.y` and `d.y2`: residualize them and the arm on the
 * pre-period AUM (Rosenbaum 2002 covariance adjustment; the point estimate is Lin's 2013 ANCOVA
 * difference), then a randomization test and 90% interval of each (customers: pilotInference,
 * which draws only where the normal limit is not close enough; branches: randomizationTests), both
 * against the same re-randomizations. With `nBranches` > 0 the units are branches (equal weight
 * per branch mean, as the branches were randomized), else customers.
 */
export function pilotAnalysis(
  d: PilotData & { units: UnitScratch },
  nBranches: number,
  seed: number,
): [RandomizationResult, RandomizationResult] {
  const { n } = d;
  residualizeBoth(d, pilotSums);
  if (nBranches === 0) return pilotInferenceOf(d.e, d.e2, d.r, d.isTreated, n, seed, true, pilotSums);
  const u = d.units;
  u.a.fill(0);
  u.a2.fill(0);
  u.r.fill(0);
  u.count.fill(0);
  for (let i = 0; i < n; i++) {
    const b = d.branch[i];
    u.a[b] += d.e[i];
    u.a2[b] += d.e2[i];
    u.r[b] += d.r[i];
    u.count[b]++;
    u.isTreated[b] = d.isTreated[i];
  }
  // Branches without targeted customers drop out; the rest are packed in branch order.
  let k = 0;
  for (let b = 0; b < nBranches; b++) {
    if (u.count[b] === 0) continue;
    u.a[k] = u.a[b] / u.count[b];
    u.a2[k] = u.a2[b] / u.count[b];
    u.r[k] = u.r[b] / u.count[b];
    u.isTreated[k] = u.isTreated[b];
    k++;
  }
  const [a, b] = randomizationTests([u.a, u.a2], u.r, u.isTreated, k, PILOT_PERMUTATIONS, seed);
  return [a, b];
}

/**
 * randomization.ts's residualize of y and y2 on x at once, in two passes over the units instead of
 * six: the first takes the sums of squares and products about the first unit's values (a shift
 * that keeps the differences small: AUM, money and the arm vary by far more than their means, so
 * Σ(x − c)² − n·(x̄ − c)² loses no more than a few digits of the 16), the second writes the
 * residuals and fills `s` with the sums pilotInferenceOf starts from (pilotSums' layout), its
 * second moments about 0: the residuals' means are 0 up to rounding, so Σe² is Σ(e − ē)² to that
 * rounding. Branch-free in the arm (a random 0/1 would mispredict).
 */
export function residualizeBoth(d: PilotData, s: Float64Array): void {
  const { n, y, y2, x, isTreated, e, e2, r } = d;
  if (n === 0) {
    s.fill(0);
    return;
  }
  const cx = x[0];
  const cy = y[0];
  const cy2 = y2[0];
  let sx = 0;
  let sy = 0;
  let sy2 = 0;
  let st = 0;
  let sxx = 0;
  let sxy = 0;
  let sxy2 = 0;
  let sxt = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - cx;
    const dy = y[i] - cy;
    const dy2 = y2[i] - cy2;
    const ti = isTreated[i];
    sx += dx;
    sy += dy;
    sy2 += dy2;
    st += ti;
    sxx += dx * dx;
    sxy += dx * dy;
    sxy2 += dx * dy2;
    sxt += dx * ti;
  }
  const mdx = sx / n;
  const my = cy + sy / n;
  const my2 = cy2 + sy2 / n;
  const mx = cx + mdx;
  const mt = st / n;
  const vxx = sxx - sx * mdx;
  const by = vxx > 0 ? (sxy - sx * (sy / n)) / vxx : 0;
  const by2 = vxx > 0 ? (sxy2 - sx * (sy2 / n)) / vxx : 0;
  const bt = vxx > 0 ? (sxt - sx * mt) / vxx : 0;
  let n1 = 0;
  let sr = 0;
  let r1 = 0;
  let s0 = 0;
  let s1 = 0;
  let t0 = 0;
  let t1 = 0;
  let s00 = 0;
  let s0r = 0;
  let s11 = 0;
  let s1r = 0;
  let srr = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const ti = isTreated[i];
    const ei = y[i] - my - by * dx;
    const e2i = y2[i] - my2 - by2 * dx;
    const ri = ti - mt - bt * dx;
    e[i] = ei;
    e2[i] = e2i;
    r[i] = ri;
    sr += ri;
    s0 += ei;
    s1 += e2i;
    s00 += ei * ei;
    s0r += ei * ri;
    s11 += e2i * e2i;
    s1r += e2i * ri;
    srr += ri * ri;
    n1 += ti;
    r1 += ti * ri;
    t0 += ti * ei;
    t1 += ti * e2i;
  }
  s[0] = n1;
  s[1] = sr;
  s[2] = r1;
  s[3] = s0;
  s[4] = s1;
  s[5] = t0;
  s[6] = t1;
  // Central sums from the sums about 0: Σ(a − ā)² = Σa² − n·ā².
  s[7] = s00 - (s0 * s0) / n;
  s[8] = s0r - (s0 * sr) / n;
  s[9] = s11 - (s1 * s1) / n;
  s[10] = s1r - (s1 * sr) / n;
  s[11] = srr - (sr * sr) / n;
}
