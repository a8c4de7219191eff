// Root finding for the planner: every unknown (size, branches, branch size, MDE) is a value at
// which an increasing power curve crosses the target.

const MAX_STEPS = 1100;

/**
 * Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4; the
 * zeroin routine R's `uniroot` also uses): a root of `f` in [lo, hi], where f(lo) and f(hi)
 * have opposite signs (or one is 0). Converges to |Δx| ≤ 4·ε·|x| + xTol/2.
 */
export function findRoot(f: (x: number) => number, lo: number, hi: number, xTol = 1e-12): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new RangeError(`findRoot: f(${lo}) and f(${hi}) have the same sign`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < MAX_STEPS; i++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + xTol / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points differ.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * Smallest x in (lowerBound, ∞) with f(x) ≥ 0, for f increasing in x and negative near
 * `lowerBound`. Brackets by doubling the distance from `lowerBound` upwards from `start` (or
 * halving it downwards), then refines with {@link findRoot}. Returns `null` if no bracket is
 * found (f stays negative up to the largest finite double).
 */
export function solveIncreasing(f: (x: number) => number, start: number, lowerBound: number): number | null {
  let lo = lowerBound;
  let hi = start > lowerBound ? start : lowerBound + 1;
  let fHi = f(hi);
  if (fHi < 0) {
    for (let i = 0; fHi < 0; i++) {
      lo = hi;
      hi = lowerBound + 2 * (hi - lowerBound);
      if (i === MAX_STEPS || !Number.isFinite(hi)) return null;
      fHi = f(hi);
    }
  } else {
    let x = hi;
    for (let i = 0; ; i++) {
      if (i === MAX_STEPS) return x;
      x = lowerBound + (x - lowerBound) / 2;
      if (f(x) < 0) {
        lo = x;
        break;
      }
      hi = x;
    }
  }
  return findRoot(f, lo, hi, 1e-12 * Math.max(1, Math.abs(hi)));
}

/**
 * Smallest x ≥ `min` with f(x) ≥ 0 for f increasing: `min` itself when f(min) ≥ 0, else the
 * root above it found by {@link solveIncreasing} from `start`.
 */
export function solveFrom(f: (x: number) => number, min: number, start: number): number | null {
  if (f(min) >= 0) return min;
  return solveIncreasing(f, start, min);
}

/**
 * Ceiling that forgives floating-point dust: 50.000000000001 rounds to 50, not 51 (relative
 * tolerance 1e-9, far below any meaningful fraction of a customer or a branch).
 */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}
