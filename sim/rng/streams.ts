// Reproducible randomness. Two kinds, both derived from the master seed by hashing
// `masterSeed|purpose|replication|component` (never a worker id, never consecutive integers):
//  - sequential streams (seedrandom's fast `alea`, `.double()` mapped into the open interval)
//    for the population build, parameter draws, Latin hypercube permutations and the market;
//  - keyed uniforms: a counter-based hash of (stream key, customer, slot). Each customer's
//    behaviour and contact outcomes are then the same draws whatever else changes — common random
//    numbers across strategies, arms and scenario variants, and independence from worker count.
import seedrandom from 'seedrandom';

export type Stream = {
  /** Uniform in the open interval (0, 1). */
  next(): number;
};

const TWO_POW_32 = 4294967296;
/** 2^-32: multiplying by it is exact, and cheaper than dividing by 2^32 (same result). */
const TWO_POW_M32 = 1 / TWO_POW_32;

/** 32-bit FNV-1a followed by a murmur3 finalizer. Exact on every platform (Math.imul, >>>). */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // fmix32, written out: a call here had no type feedback when V8 compiled the loop on a long key
  // (on-stack replacement), and the optimized code then bailed out ~10 times a replication.
  h = h >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// hash32 on short keys before anything else calls it: V8 gives a function its feedback vector only
// after a few calls, and the first calls here hash whole scenario texts, long enough for the loop
// to be compiled mid-call (on-stack replacement) before the code after it had run with feedback.
// That compiled loop was then entered on every later call and bailed out after it: ~37 deopts a
// replication (--trace-deopt, W1), one per stream key.
for (let k = 0; k < 16; k++) hash32('warm-up', k);

function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key string of a stream: `masterSeed|purpose|replication|component`. */
export function streamKey(
  masterSeed: string,
  purpose: string,
  replication: number,
  component: string,
): string {
  return `${masterSeed}|${purpose}|${replication}|${component}`;
}

/** A sequential stream (alea) for one purpose. */
export function createStream(
  masterSeed: string,
  purpose: string,
  replication: number,
  component = '',
): Stream {
  const key = streamKey(masterSeed, purpose, replication, component);
  // Hash first so that nearby keys give unrelated generator states.
  const prng = seedrandom.alea(`${hash32(key).toString(16)}:${hash32(key, 0x9747b28c).toString(16)}:${key}`);
  return {
    next() {
      let u = prng.double();
      while (u <= 0 || u >= 1) u = prng.double();
      return u;
    },
  };
}

/**
 * Two 32-bit words that key a family of keyed uniforms, held as signed int32: the hash only uses
 * their bits, and int32 fields (never a double above 2^31) keep every key object one shape.
 */
export type UniformKey = { a: number; b: number };

export function uniformKey(
  masterSeed: string,
  purpose: string,
  replication: number,
  component = '',
): UniformKey {
  const key = streamKey(masterSeed, purpose, replication, component);
  return { a: hash32(key) | 0, b: hash32(key, 0x2545f491) | 0 };
}

/**
 * Keyed uniform in (0, 1) for (key, entity, slot): a counter-based hash with 32-bit resolution
 * (min 1.2e-10), never 0 or 1. Slots number the independent draws an entity makes.
 */
export function keyedUniform(key: UniformKey, entity: number, slot: number): number {
  let h = Math.imul(entity ^ key.a, 0x9e3779b1) ^ Math.imul(slot + 0x7f4a7c15, 0x85ebca77);
  h = fmix32(h ^ key.b);
  // fmix32 reduces the sum mod 2^32 (>>> 0), so key.a's sign does not matter.
  h = fmix32(h + Math.imul(slot, 0xc2b2ae3d) + key.a);
  return (h + 0.5) * TWO_POW_M32;
}

/**
 * keyedUniform split in three for loops that draw many slots per entity or many entities per
 * slot: `entityMix(key, entity)` once per entity, `slotMixB`/`slotMixA(key, slot)` once per slot,
 * then `mixedUniform(entityMix, slotMixB, slotMixA)` equals keyedUniform(key, entity, slot) bit for
 * bit (streams.test.ts checks it).
 */
export function entityMix(key: UniformKey, entity: number): number {
  return Math.imul(entity ^ key.a, 0x9e3779b1);
}

export function slotMixB(key: UniformKey, slot: number): number {
  return Math.imul(slot + 0x7f4a7c15, 0x85ebca77) ^ key.b;
}

export function slotMixA(key: UniformKey, slot: number): number {
  // Reduced to int32: fmix32 reduces the sum mod 2^32 anyway.
  return (Math.imul(slot, 0xc2b2ae3d) + key.a) | 0;
}

export function mixedUniform(em: number, sb: number, sa: number): number {
  return bitsUniform(mixedBits(em, sb, sa));
}

/**
 * keyedUniform's and mixedUniform's 32 hash bits as an int32, and the uniform they stand for:
 * bitsUniform(keyedBits(key, entity, slot)) equals keyedUniform(key, entity, slot) bit for bit
 * (streams.test.ts). For loops too large for V8 to inline the uniform's whole hash: a call that is
 * not inlined returns its double boxed on the heap (an allocation per draw), an int32 unboxed, and
 * bitsUniform is small enough to be inlined always.
 */
export function keyedBits(key: UniformKey, entity: number, slot: number): number {
  let h = Math.imul(entity ^ key.a, 0x9e3779b1) ^ Math.imul(slot + 0x7f4a7c15, 0x85ebca77);
  h = fmix32(h ^ key.b);
  return fmix32(h + Math.imul(slot, 0xc2b2ae3d) + key.a) | 0;
}

export function mixedBits(em: number, sb: number, sa: number): number {
  let h = em ^ sb;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h = (h + sa) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export function bitsUniform(h: number): number {
  return ((h >>> 0) + 0.5) * TWO_POW_M32;
}

/** A random permutation of 0..n-1 (Fisher–Yates) from a stream. */
export function permutation(n: number, stream: Stream): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
