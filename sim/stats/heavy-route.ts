// The conditional Monte Carlo route of the pilot's randomization tests (sim/stats/pilot-inference.ts),
// for outcomes whose randomization distribution is not close to normal because of a few units with
// a heavy tail (net new money). The units are split, by a rule that does not look at the arms, into
// the K with the largest |a − ā| (the heavy units) and the bulk. A re-randomization draws exactly
// which heavy units fall in the drawn arm (selection sampling, O(K)), and the bulk's sums of r and a
// over a uniform subset of the size left over from their normal limit with the bulk's exact finite-
// population mean and covariance: the limit normal-route.ts's criterion certifies for the bulk, as it
// does for whole outcomes. Same statistic and test inversion; method in docs/model.md.

import { higherMoments2, isCloseToNormal, type SecondMoments } from './normal-route';

/** Largest number of heavy units tried (a re-randomization costs O(K)). */
export const MAX_HEAVY = 256;
/** The heavy counts tried, smallest first: the route takes the first whose bulk passes. */
const LADDER = [8, 16, 32, 64, 128, 256];

/** Min-heap of the largest squared deviations while scanning; then the heavy units, largest first. */
const heapScore = new Float64Array(MAX_HEAVY);
const heapIdx = new Int32Array(MAX_HEAVY);
const heavyScore = new Float64Array(MAX_HEAVY);
const heavyA = new Float64Array(MAX_HEAVY);
const heavyR = new Float64Array(MAX_HEAVY);
/** Σd², Σd³, Σd⁴, max d² of d = a − ā over all units, max |r − r̄| (from the selection pass). */
export const scanTotals = new Float64Array(5);
const moments = new Float64Array(8);

/** A conditional route's reference distribution: heavy units first K of heavyA/heavyR, bulk limit. */
export type HeavyPlan = {
  K: number;
  /** Bulk means of r and a, and the Cholesky factor of its sums of squares and products. */
  muR: number;
  muA: number;
  l00: number;
  l10: number;
  l11: number;
};

/** Most heavy units listed for n units (at least 1: the scan's max d² is then exact). */
function heavyCap(n: number): number {
  return Math.max(1, Math.min(MAX_HEAVY, Math.floor(n / 8)));
}

/**
 * One pass over the units (before heavyPlan and normalTest): the heavy units listed by
 * selectHeavy, and scanTotals (Σd², Σd³, Σd⁴ and max d² of d = a − ā, max |r − r̄|).
 */
export function scanUnits(a: Float64Array, r: Float64Array, n: number, ma: number, mr: number): void {
  selectHeavy(a, r, n, ma, mr, heavyCap(n));
}

/**
 * The plan with the fewest heavy units (more than `from`) whose bulk passes the normal criterion
 * at τ = 0, or null (no such K ≤ MAX_HEAVY, or too few units for one); after scanUnits of the same
 * outcome. `mom`: a's and r's means and central sums.
 */
export function heavyPlan(
  n: number,
  m: number,
  mom: SecondMoments,
  from: number,
): HeavyPlan | null {
  const cap = heavyCap(n);
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  let k = 0;
  for (const K of LADDER) {
    if (K >= cap) break;
    for (; k < K; k++) {
      const d = heavyA[k] - mom.ma;
      const d2 = d * d;
      h1 += d;
      h2 += d2;
      h3 += d2 * d;
      h4 += d2 * d2;
    }
    if (K <= from) continue;
    const nb = n - K;
    const ok = bulkIsNormal(-h1, scanTotals[0] - h2, scanTotals[1] - h3, scanTotals[2] - h4, Math.sqrt(heavyScore[K]), nb, (m * nb) / n);
    if (ok) return planOf(K, n, mom);
  }
  return null;
}

/** Whether the bulk passes at τ = lo and hi (the interval's bounds), as at τ = 0 when planned. */
export function boundsOk(
  a: Float64Array,
  r: Float64Array,
  n: number,
  m: number,
  mom: SecondMoments,
  K: number,
  lo: number,
  hi: number,
): boolean {
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
    // Bound on the bulk's largest |v − c|: |a − ā| ≤ the first bulk unit's, |τ|·|r − r̄| ≤ |τ|·max.
    const reach = Math.sqrt(heavyScore[K]) + Math.abs(tau) * scanTotals[4];
    if (!bulkIsNormal(-h1, moments[o] - h2, moments[o + 1] - h3, moments[o + 2] - h4, reach, nb, (m * nb) / n))
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
function planOf(K: number, n: number, mom: SecondMoments): HeavyPlan | null {
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
  return { K, muR: mom.mr + dR, muA: mom.ma + dA, l00, l10, l11: Math.sqrt(Math.max(0, saa - l10 * l10)) };
}

/**
 * One conditional re-randomization of the smaller arm (m of n): which heavy units it holds by
 * selection sampling (Knuth's Algorithm S over the heavy units listed first: unit j joins with
 * probability (m − joined) / (n − j), exactly the first K steps of a uniform m-subset), then the
 * bulk's sums of r and a over the m − joined units left to draw from their normal limit. Sums into
 * out[0] (r) and out[1] (a); returns the generator's state (mulberry32, as the full draws).
 */
export function drawHeavy(plan: HeavyPlan, n: number, m: number, seed: number, out: Float64Array): number {
  const K = plan.K;
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
 * One pass over the units: the `cap` largest (a − ā)² (ties to the lower index), listed largest
 * first in heavyScore/heavyA/heavyR, and totals: Σd², Σd³, Σd⁴ of d = a − ā, max |r − r̄|.
 */
function selectHeavy(a: Float64Array, r: Float64Array, n: number, ma: number, mr: number, cap: number): void {
  let size = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let rMax = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - ma;
    const s = d * d;
    s2 += s;
    s3 += s * d;
    s4 += s * s;
    const dr = Math.abs(r[i] - mr);
    if (dr > rMax) rMax = dr;
    if (size < cap) {
      let k = size++;
      while (k > 0) {
        const p = (k - 1) >> 1;
        if (!(s < heapScore[p] || (s === heapScore[p] && i > heapIdx[p]))) break;
        heapScore[k] = heapScore[p];
        heapIdx[k] = heapIdx[p];
        k = p;
      }
      heapScore[k] = s;
      heapIdx[k] = i;
    } else if (s > heapScore[0]) {
      siftDown(s, i, size);
    }
  }
  scanTotals[0] = s2;
  scanTotals[1] = s3;
  scanTotals[2] = s4;
  scanTotals[3] = rMax;
  // Pop the smallest into the last free place: the list ends up largest first.
  for (let k = size - 1; k >= 0; k--) {
    const idx = heapIdx[0];
    heavyScore[k] = heapScore[0];
    heavyA[k] = a[idx];
    heavyR[k] = r[idx];
    if (k > 0) siftDown(heapScore[k], heapIdx[k], k);
  }
  // Past the list: the bound on the bulk's largest deviation when every listed unit is heavy.
  if (size < MAX_HEAVY) heavyScore[size] = size > 0 ? heavyScore[size - 1] : 0;
}

/** Put (s, i) at the root of the min-heap of the first `size` entries and sift it down. */
function siftDown(s: number, i: number, size: number): void {
  let k = 0;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= size) break;
    let c = l;
    const rr = l + 1;
    if (rr < size && (heapScore[rr] < heapScore[l] || (heapScore[rr] === heapScore[l] && heapIdx[rr] > heapIdx[l])))
      c = rr;
    if (!(heapScore[c] < s || (heapScore[c] === s && heapIdx[c] > i))) break;
    heapScore[k] = heapScore[c];
    heapIdx[k] = heapIdx[c];
    k = c;
  }
  heapScore[k] = s;
  heapIdx[k] = i;
}
