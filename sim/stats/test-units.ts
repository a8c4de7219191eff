// Test data for the pilot-inference tests: their own uniforms and random assignments (not the
// engine's streams).

/** mulberry32 uniforms in [0, 1). */
export function uniforms(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let z = Math.imul(s ^ (s >>> 15), s | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random assignment of exactly n1 of n units to treatment (partial Fisher–Yates). */
export function assign(n: number, n1: number, u: () => number): Uint8Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const t = new Uint8Array(n);
  for (let k = 0; k < n1; k++) {
    const j = k + Math.floor(u() * (n - k));
    const s = idx[k];
    idx[k] = idx[j];
    idx[j] = s;
    t[idx[k]] = 1;
  }
  return t;
}
