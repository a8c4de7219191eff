import { describe, expect, it } from 'vitest';
import {
  bitsUniform,
  createStream,
  entityMix,
  keyedBits,
  keyedUniform,
  mixedBits,
  mixedUniform,
  permutation,
  slotMixA,
  slotMixB,
  uniformKey,
} from './streams';

describe('streams', () => {
  it('sequential streams are reproducible, in (0,1), and differ by purpose and replication', () => {
    const a = createStream('m', 'p', 0, 'c');
    const b = createStream('m', 'p', 0, 'c');
    const c = createStream('m', 'p', 1, 'c');
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x > 0 && x < 1)).toBe(true);
    expect(c.next()).not.toBe(xs[0]);
  });

  it('keyed uniforms are in the open interval and look uniform (mean 0.5 ± 4 SE, SE = 0.289/√n)', () => {
    const key = uniformKey('m', 'behaviour', 3);
    const n = 200_000;
    let sum = 0;
    const bins = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = keyedUniform(key, i, i % 7);
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan((4 * 0.2887) / Math.sqrt(n));
    // χ² with 9 df: the 99.9th percentile is 27.9.
    const chi = bins.reduce((a, b) => a + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('keyed uniforms: adjacent entities and slots are uncorrelated (|r| < 4/√n)', () => {
    const key = uniformKey('m', 'contact', 0, 's');
    const n = 50_000;
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += (keyedUniform(key, i, 0) - 0.5) * (keyedUniform(key, i + 1, 0) - 0.5);
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
    sxy = 0;
    for (let i = 0; i < n; i++) sxy += (keyedUniform(key, i, 0) - 0.5) * (keyedUniform(key, i, 1) - 0.5);
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('mixedUniform from the split mixes equals keyedUniform bit for bit (keys of either sign)', () => {
    const keys = [
      uniformKey('m', 'behaviour', 3),
      { a: -1, b: 0x7fffffff },
      { a: 0x7fffffff, b: -(2 ** 31) },
    ];
    for (const key of keys) {
      for (const slot of [0, 1, 7, 10, 25, 1000, 1099, 2 ** 20]) {
        const sb = slotMixB(key, slot);
        const sa = slotMixA(key, slot);
        for (let i = 0; i < 5000; i += 7) {
          expect(mixedUniform(entityMix(key, i), sb, sa)).toBe(keyedUniform(key, i, slot));
          expect(bitsUniform(mixedBits(entityMix(key, i), sb, sa))).toBe(keyedUniform(key, i, slot));
          expect(bitsUniform(keyedBits(key, i, slot))).toBe(keyedUniform(key, i, slot));
        }
        const big = 2 ** 31 - 1;
        expect(mixedUniform(entityMix(key, big), sb, sa)).toBe(keyedUniform(key, big, slot));
        expect(bitsUniform(keyedBits(key, big, slot))).toBe(keyedUniform(key, big, slot));
      }
    }
  });

  it('permutation is a permutation', () => {
    const p = permutation(100, createStream('m', 'lhs', 0, 'x'));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
