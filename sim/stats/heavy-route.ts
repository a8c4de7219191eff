// The conditional Monte Carlo route of the pilot's randomization tests (pilot-inference.ts), for
// outcomes whose randomization distribution is not close to normal because of a few units with a
// heavy tail (net new money). The units are split, by a rule that does not look at the arms, into
// the heavy units (the K whose (a − ā)² is above a share of Σ(a − ā)²) and the bulk. A
// re-randomization draws exactly which heavy units fall in the drawn arm (selection sampling,
// O(K)), and the bulk's sums of r and a over a uniform subset of the size left over from their
// normal limit with the bulk's exact finite-population mean and covariance: the limit that
// normal-route.ts's criterion certifies for the bulk, as it does for whole outcomes. Same statistic
// and test inversion; method in docs/model.md.

import { higherMoments2, isCloseToNormal, type SecondMoments } from './normal-route';

/** Largest number of heavy units (a re-randomization costs O(K)). */
export const MAX_HEAVY = 256;
/**
 * The heavy units are those whose squared deviation is above a share of Σ(a − ā)²: 2^−5 (about 3%)
 * for the first level tried, halved at each further level; the route takes the first level whose
 * bulk passes.
 */
const LEVELS = 6;
const TOP_SHARE = 2 ** -5;
/** The last level's floor, 2^−10 of Σ(a − ā)²: fewer than 1,024 units can be above it. */
const FLOOR_SHARE = TOP_SHARE * 2 ** -(LEVELS - 1);

/**
 * One outcome's scan: its units above the last level's floor, the heavy units' values in level
 * order, and its totals. Filled by scanUnits, or by the caller's own pass (foundIdx, found, totals,
 * levelFloor) and then `list`. One per outcome slot, reused between analyses.
 */
/** Calls on empty input that make V8 collect a function's type feedback (see HeavyScan). */
export const WARM_UP_CALLS = 16;

export class HeavyScan {
  readonly foundIdx = new Int32Array(Math.ceil(1 / FLOOR_SHARE));
  /** Units found above the floor; if more than foundIdx holds, only the first are listed. */
  found = 0;
  /** The value the levels measure deviations from (ā, or 0 for residuals of mean 0 up to rounding). */
  center = 0;
  readonly heavyA = new Float64Array(MAX_HEAVY);
  readonly heavyR = new Float64Array(MAX_HEAVY);
  readonly levelFloor = new Float64Array(LEVELS);
  readonly levelCount = new Int32Array(LEVELS);
  readonly levelStart = new Int32Array(LEVELS);
  /** Heavy units listed up to each level, or −1 if more than the cap. */
  readonly levelEnd = new Int32Array(LEVELS);
  /** Σd², Σd³, Σd⁴, max d² of d = a − ā over all units, then max |r − r̄| (or a bound on it). */
  readonly totals = new Float64Array(5);

  constructor() {
    // Passes over no units, so that the reads after selectHeavy's loop have type feedback when V8
    // compiles that loop mid-run: compiled without it, the code deopted after the loop on every
    // call (~8 times a replication of W1). V8 collects feedback only after a function has run a
    // while (lazy feedback allocation), hence a few calls.
    for (let k = 0; k < WARM_UP_CALLS; k++)
      selectHeavy(this, this, this.totals, this.totals, this.totals, 0, 0, 0, 0);
  }

  /** selectHeavy's results: the count of units found, then the totals. */
  setTotals(found: number, s2: number, s3: number, s4: number, top: number, rMax: number): void {
    this.found = found;
    const t = this.totals;
    t[0] = s2;
    t[1] = s3;
    t[2] = s4;
    t[3] = top;
    t[4] = rMax;
  }

  /** The levels' floors from Σ(a − ā)² (or any label-free scale of it). */
  setLevels(saa: number): void {
    for (let j = 0; j < LEVELS; j++) this.levelFloor[j] = saa * TOP_SHARE * 2 ** -j;
  }

  /** The last level's floor: units above it are listed in foundIdx (fewer than 1 / FLOOR_SHARE). */
  get floor(): number {
    return this.levelFloor[LEVELS - 1];
  }

  /**
   * The heavy units' values, by level (of (a − center)²) then unit order, from the found units
   * (after the scan); no level is usable if more units were found than listed.
   */
  list(a: Float64Array, r: Float64Array, n: number, center: number): void {
    const cap = this.found > this.foundIdx.length ? -1 : heavyCap(n);
    const ma = center;
    this.center = center;
    this.levelCount.fill(0);
    for (let k = 0; k < Math.min(this.found, this.foundIdx.length); k++) {
      const d = a[this.foundIdx[k]] - ma;
      this.levelCount[this.levelOf(d * d)]++;
    }
    // Where each level starts in the list, and whether it fits in `cap`.
    let end = 0;
    for (let j = 0; j < LEVELS; j++) {
      this.levelStart[j] = end;
      end += this.levelCount[j];
      this.levelEnd[j] = end <= cap ? end : -1;
    }
    for (let k = 0; k < Math.min(this.found, this.foundIdx.length); k++) {
      const i = this.foundIdx[k];
      const d = a[i] - ma;
      const at = this.levelStart[this.levelOf(d * d)]++;
      if (at >= cap) continue;
      this.heavyA[at] = a[i];
      this.heavyR[at] = r[i];
    }
  }

  /** The level of a unit above the last floor: the first whose floor it is above. */
  private levelOf(s: number): number {
    let j = 0;
    while (j < LEVELS - 1 && !(s > this.levelFloor[j])) j++;
    return j;
  }
}

const moments = new Float64Array(8);

/** A conditional route's reference distribution: heavy units first K of heavyA/heavyR, bulk limit. */
export type HeavyPlan = {
  /** The level (heavy: d² above levelFloor[level]) and the number of heavy units. */
  level: number;
  K: number;
  heavyA: Float64Array;
  heavyR: Float64Array;
  /** Bulk means of r and a, and the Cholesky factor of its sums of squares and products. */
  muR: number;
  muA: number;
  l00: number;
  l10: number;
  l11: number;
};

/** Most heavy units listed for n units. */
function heavyCap(n: number): number {
  return Math.min(MAX_HEAVY, Math.floor(n / 8));
}

/**
 * One pass over the units (before heavyPlan and normalTest) filling `scan0` for outcome a0 and
 * `scan1` for a1 (the same arm residuals r): the heavy units at every level and the totals.
 * `saa0`, `saa1`: Σ(a − ā)² of each, which set the levels.
 */
export function scanUnits(
  scan0: HeavyScan,
  scan1: HeavyScan,
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  n: number,
  ma0: number,
  ma1: number,
  mr: number,
  saa0: number,
  saa1: number,
): void {
  scan0.setLevels(saa0);
  scan1.setLevels(saa1);
  selectHeavy(scan0, scan1, a0, a1, r, n, ma0, ma1, mr);
  scan0.list(a0, r, n, ma0);
  scan1.list(a1, r, n, ma1);
}

/**
 * The plan at the first level after `from` (−1: from the first) with at least one heavy unit
 * whose bulk passes the normal criterion at τ = 0, or null (none within the cap); after the scan
 * of the same outcome. `mom`: a's and r's means and central sums.
 */
export function heavyPlan(
  scan: HeavyScan,
  n: number,
  m: number,
  mom: SecondMoments,
  from: number,
): HeavyPlan | null {
  const { heavyA, levelEnd, levelFloor, totals } = scan;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  let k = 0;
  for (let level = 0; level < LEVELS; level++) {
    const K = levelEnd[level];
    if (K < 0) break;
    for (; k < K; k++) {
      const d = heavyA[k] - mom.ma;
      const d2 = d * d;
      h1 += d;
      h2 += d2;
      h3 += d2 * d;
      h4 += d2 * d2;
    }
    if (level <= from || K === 0) continue;
    const nb = n - K;
    const reach = Math.sqrt(levelFloor[level]) + Math.abs(scan.center - mom.ma);
    const ok = bulkIsNormal(-h1, totals[0] - h2, totals[1] - h3, totals[2] - h4, reach, nb, (m * nb) / n);
    if (ok) return planOf(scan, level, K, n, mom);
  }
  return null;
}

/** Whether the bulk passes at τ = lo and hi (the interval's bounds), as at τ = 0 when planned. */
export function boundsOk(
  scan: HeavyScan,
  a: Float64Array,
  r: Float64Array,
  n: number,
  m: number,
  mom: SecondMoments,
  plan: HeavyPlan,
  lo: number,
  hi: number,
): boolean {
  const { K, heavyA, heavyR } = plan;
  const c1 = mom.ma - lo * mom.mr;
  const c2 = mom.ma - hi * mom.mr;
  higherMoments2(a, r, n, c1, lo, c2, hi, moments);
  const nb = n - K;
  for (let side = 0; side < 2; side++) {
    const tau = side === 0 ? lo : hi;
    const c = side === 0 ? c1 : c2;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let h4 = 0;
    for (let k = 0; k < K; k++) {
      const d = heavyA[k] - tau * heavyR[k] - c;
      const d2 = d * d;
      h1 += d;
      h2 += d2;
      h3 += d2 * d;
      h4 += d2 * d2;
    }
    const o = 4 * side;
    // Bound on the bulk's largest |v − c|: |a − ā| by its level's floor, |τ|·|r − r̄| ≤ |τ|·max.
    const reach =
      Math.sqrt(scan.levelFloor[plan.level]) +
      Math.abs(scan.center - mom.ma) +
      Math.abs(tau) * scan.totals[4];
    if (
      !bulkIsNormal(-h1, moments[o] - h2, moments[o + 1] - h3, moments[o + 2] - h4, reach, nb, (m * nb) / n)
    )
      return false;
  }
  return true;
}

/**
 * The criterion for the bulk from its power sums P1..P4 about a centre c and a bound on its largest
 * |v − c|: converted to central sums about the bulk's mean c + δ (δ = P1 / nb).
 */
function bulkIsNormal(p1: number, p2: number, p3: number, p4: number, reach: number, nb: number, mb: number) {
  const delta = p1 / nb;
  const d2 = delta * delta;
  const c2 = p2 - nb * d2;
  const c3 = p3 - 3 * delta * p2 + 2 * nb * d2 * delta;
  const c4 = p4 - 4 * delta * p3 + 6 * d2 * p2 - 3 * nb * d2 * d2;
  const top = (reach + Math.abs(delta)) ** 2;
  return isCloseToNormal(c2, c3, c4, top, nb, mb);
}

/** The bulk's means and Cholesky factor once the first K heavy units are set aside. */
function planOf(scan: HeavyScan, level: number, K: number, n: number, mom: SecondMoments): HeavyPlan | null {
  const { heavyA, heavyR } = scan;
  let hr = 0;
  let ha = 0;
  let hrr = 0;
  let har = 0;
  let haa = 0;
  for (let k = 0; k < K; k++) {
    const dr = heavyR[k] - mom.mr;
    const da = heavyA[k] - mom.ma;
    hr += dr;
    ha += da;
    hrr += dr * dr;
    har += da * dr;
    haa += da * da;
  }
  const nb = n - K;
  const dR = -hr / nb;
  const dA = -ha / nb;
  const srr = mom.srr - hrr - nb * dR * dR;
  const sar = mom.sar - har - nb * dA * dR;
  const saa = mom.saa - haa - nb * dA * dA;
  if (!(srr > 0) || !(saa > 0)) return null;
  const l00 = Math.sqrt(srr);
  const l10 = sar / l00;
  return {
    level,
    K,
    heavyA,
    heavyR,
    muR: mom.mr + dR,
    muA: mom.ma + dA,
    l00,
    l10,
    l11: Math.sqrt(Math.max(0, saa - l10 * l10)),
  };
}

/**
 * One conditional re-randomization of the smaller arm (m of n): which heavy units it holds by
 * selection sampling (Knuth's Algorithm S over the heavy units listed first: unit j joins with
 * probability (m − joined) / (n − j), exactly the first K steps of a uniform m-subset), then the
 * bulk's sums of r and a over the m − joined units left to draw from their normal limit. Sums into
 * out[0] (r) and out[1] (a); returns the generator's state (mulberry32, as the full draws).
 */
export function drawHeavy(plan: HeavyPlan, n: number, m: number, seed: number, out: Float64Array): number {
  const { K, heavyA, heavyR } = plan;
  let state = seed;
  let sr = 0;
  let sa = 0;
  let joined = 0;
  for (let j = 0; j < K; j++) {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    const u = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    if (u * (n - j) < m - joined) {
      joined++;
      sr += heavyR[j];
      sa += heavyA[j];
    }
  }
  // Box–Muller from two more uniforms in (0, 1].
  state = (state + 0x6d2b79f5) | 0;
  let z = Math.imul(state ^ (state >>> 15), state | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  const u1 = (((z ^ (z >>> 14)) >>> 0) + 1) / 4294967296;
  state = (state + 0x6d2b79f5) | 0;
  z = Math.imul(state ^ (state >>> 15), state | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  const u2 = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  const radius = Math.sqrt(-2 * Math.log(u1));
  const g1 = radius * Math.cos(2 * Math.PI * u2);
  const g2 = radius * Math.sin(2 * Math.PI * u2);
  // A uniform mb-subset of nb values: mean mb·μ, covariance mb·(nb − mb) / (nb·(nb − 1))·S.
  const nb = n - K;
  const mb = m - joined;
  const sd = Math.sqrt((mb * (nb - mb)) / (nb * (nb - 1)));
  out[0] = sr + mb * plan.muR + sd * plan.l00 * g1;
  out[1] = sa + mb * plan.muA + sd * (plan.l10 * g1 + plan.l11 * g2);
  return state;
}

/**
 * One pass over the units for two outcomes a0, a1 (scan0, scan1): each scan's totals (Σd², Σd³,
 * Σd⁴ and max d² of d = a − ā, max |r − r̄|) and its found units, those with d² above the last
 * level's floor (fewer than 1 / FLOOR_SHARE: their d² sum to at most Σd²). A listing by
 * thresholds on d² alone (not the arms), one compare a unit. (One pass for both: r is read once.)
 */
function selectHeavy(
  scan0: HeavyScan,
  scan1: HeavyScan,
  a0: Float64Array,
  a1: Float64Array,
  r: Float64Array,
  n: number,
  ma0: number,
  ma1: number,
  mr: number,
): void {
  const floor0 = scan0.floor;
  const floor1 = scan1.floor;
  const foundIdx0 = scan0.foundIdx;
  const foundIdx1 = scan1.foundIdx;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let top = 0;
  let found = 0;
  let t2 = 0;
  let t3 = 0;
  let t4 = 0;
  let tTop = 0;
  let tFound = 0;
  let rMax = 0;
  for (let i = 0; i < n; i++) {
    const d = a0[i] - ma0;
    const s = d * d;
    s2 += s;
    s3 += s * d;
    s4 += s * s;
    if (s > top) top = s;
    if (s > floor0) {
      if (found < foundIdx0.length) foundIdx0[found] = i;
      found++;
    }
    const e = a1[i] - ma1;
    const q = e * e;
    t2 += q;
    t3 += q * e;
    t4 += q * q;
    if (q > tTop) tTop = q;
    if (q > floor1) {
      if (tFound < foundIdx1.length) foundIdx1[tFound] = i;
      tFound++;
    }
    const dr = Math.abs(r[i] - mr);
    if (dr > rMax) rMax = dr;
  }
  scan0.setTotals(found, s2, s3, s4, top, rMax);
  scan1.setTotals(tFound, t2, t3, t4, tTop, rMax);
}
