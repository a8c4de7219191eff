// Variance-based sensitivity: first-order and total Sobol indices from Saltelli's sampling design,
// with bootstrap intervals.
//
// Design (Saltelli 2002; Saltelli et al. 2010): two independent N × k matrices A and B of uniforms
// in (0, 1), and for each input i the matrix AB_i = A with column i taken from B — N(k + 2) model
// runs in all. Estimators (Saltelli et al. 2010, "Variance based sensitivity analysis of model
// output. Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181,
// 259–270, Table 2):
//   first order  V_i  = (1/N) Σ_j f(B)_j · (f(AB_i)_j − f(A)_j)          (their (b), Saltelli 2010)
//                with f(B) centred on the mean of f over A and B: the same expectation (the
//                difference has mean 0), far less variance when the output's mean is large
//                against its spread (money in CNY)
//   total        VT_i = (1/2N) Σ_j (f(A)_j − f(AB_i)_j)²                 (their (f), Jansen 1999)
//   S_i = V_i / V, ST_i = VT_i / V, V the variance of f over A and B together.
// Intervals: the rows j are resampled with replacement (the same rows for A, B and every AB_i),
// the indices recomputed, and the 5th/95th percentiles of the replicates reported with their SD
// (the bootstrap standard error).
import { createStream } from '../rng/streams';
import { quantileSorted, statOf } from '../stats/summary';

/** The sample points of Saltelli's design: A, B and each AB_i, as rows of k uniforms in (0, 1). */
export type SaltelliDesign = {
  n: number;
  k: number;
  a: Float64Array[];
  b: Float64Array[];
  /** ab[i][j]: row j of A with column i from B. */
  ab: Float64Array[][];
};

/** Saltelli's design for k inputs and N base rows, from a seeded stream (`seed|sobol|0|design`). */
export function saltelliDesign(k: number, n: number, seed: string): SaltelliDesign {
  const stream = createStream(seed, 'sobol', 0, 'design');
  const row = () => Float64Array.from({ length: k }, () => stream.next());
  const a = Array.from({ length: n }, row);
  const b = Array.from({ length: n }, row);
  const ab = Array.from({ length: k }, (_, i) =>
    a.map((r, j) => {
      const x = Float64Array.from(r);
      x[i] = b[j][i];
      return x;
    }),
  );
  return { n, k, a, b, ab };
}

/** The design's points in the order they are evaluated: A, then B, then AB_1 … AB_k. */
export function designPoints(d: SaltelliDesign): Float64Array[] {
  return [...d.a, ...d.b, ...d.ab.flat()];
}

export type SobolIndex = {
  /** The point estimate. */
  value: number;
  /** Bootstrap standard error (SD of the replicates). */
  se: number;
  /** 5th and 95th percentiles of the bootstrap replicates (a 90% interval). */
  p05: number;
  p95: number;
};

export type SobolResult = {
  /** Variance of the output over A and B. */
  variance: number;
  first: SobolIndex[];
  total: SobolIndex[];
};

/** Indices from outputs fA, fB (length N) and fAB[i] (length N each), on the rows `rows` (a bootstrap sample). */
function indices(
  fA: Float64Array,
  fB: Float64Array,
  fAB: Float64Array[],
  rows: ArrayLike<number>,
): { variance: number; first: number[]; total: number[] } {
  const n = rows.length;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += fA[rows[t]] + fB[rows[t]];
  const mean = sum / (2 * n);
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (fA[rows[t]] - mean) ** 2 + (fB[rows[t]] - mean) ** 2;
  const variance = ss / (2 * n - 1);
  const first = fAB.map((f) => {
    let acc = 0;
    for (let t = 0; t < n; t++) acc += (fB[rows[t]] - mean) * (f[rows[t]] - fA[rows[t]]);
    return acc / n / variance;
  });
  const total = fAB.map((f) => {
    let acc = 0;
    for (let t = 0; t < n; t++) acc += (fA[rows[t]] - f[rows[t]]) ** 2;
    return acc / (2 * n) / variance;
  });
  return { variance, first, total };
}

/**
 * First-order and total indices from the outputs at designPoints(d) (same order), with bootstrap
 * intervals from `resamples` resamples of the rows (seeded by `seed|sobol|0|bootstrap`).
 */
export function sobolIndices(
  d: SaltelliDesign,
  outputs: ArrayLike<number>,
  seed: string,
  resamples = 500,
): SobolResult {
  const { n, k } = d;
  if (outputs.length !== n * (k + 2))
    throw new Error(`Sobol: ${outputs.length} outputs for a design of ${n * (k + 2)} points`);
  const slice = (from: number) => Float64Array.from({ length: n }, (_, j) => outputs[from + j]);
  const fA = slice(0);
  const fB = slice(n);
  const fAB = Array.from({ length: k }, (_, i) => slice((2 + i) * n));
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = indices(fA, fB, fAB, all);
  const stream = createStream(seed, 'sobol', 0, 'bootstrap');
  const reps = {
    first: Array.from({ length: k }, () => [] as number[]),
    total: Array.from({ length: k }, () => [] as number[]),
  };
  const rows = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let t = 0; t < n; t++) rows[t] = Math.floor(stream.next() * n);
    const x = indices(fA, fB, fAB, rows);
    for (let i = 0; i < k; i++) {
      reps.first[i].push(x.first[i]);
      reps.total[i].push(x.total[i]);
    }
  }
  const summary = (value: number, values: number[]): SobolIndex => {
    const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
    return {
      value,
      se: statOf(values).sd,
      p05: quantileSorted(sorted, 0.05),
      p95: quantileSorted(sorted, 0.95),
    };
  };
  return {
    variance: point.variance,
    first: point.first.map((v, i) => summary(v, reps.first[i])),
    total: point.total.map((v, i) => summary(v, reps.total[i])),
  };
}
