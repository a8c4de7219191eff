import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCK, planBlocks, shardRange } from './blocks';

describe('the block policy', () => {
  it('covers the range in order with blocks of 1 to MAX_BLOCK, the first one replication', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 64 }), (r, workers) => {
        const plan = planBlocks(r, { workers });
        expect(plan[0]).toEqual([0, 1]);
        expect(plan.at(-1)?.[1]).toBe(r);
        for (let i = 1; i < plan.length; i++) expect(plan[i][0]).toBe(plan[i - 1][1]);
        for (const [s, e] of plan) {
          expect(e - s).toBeGreaterThanOrEqual(1);
          expect(e - s).toBeLessThanOrEqual(MAX_BLOCK);
        }
      }),
    );
  });

  it('doubles once per round of workers up to an eighth of a worker’s share, then shrinks towards the end', () => {
    const sizes = planBlocks(1000, { workers: 2 }).map(([s, e]) => e - s);
    expect(sizes.slice(0, 10)).toEqual([1, 1, 2, 2, 4, 4, 8, 8, 16, 16]);
    expect(Math.max(...sizes)).toBe(25); // ceil(1000 / 16) = 63, capped at MAX_BLOCK
    expect(sizes.at(-1)).toBe(1);
  });

  it('takes a fixed block size and a sub-range (a shard)', () => {
    expect(planBlocks(10, { workers: 4, blockSize: 4 })).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(planBlocks(10, { workers: 1, blockSize: 4, range: [3, 7] })).toEqual([[3, 7]]);
  });

  it('cuts shards that cover [0, R) exactly once and differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 50 }), (r, n) => {
        const shards = Array.from({ length: n }, (_, k) => shardRange(r, k, n));
        expect(shards[0][0]).toBe(0);
        expect(shards.at(-1)?.[1]).toBe(r);
        for (let k = 1; k < n; k++) expect(shards[k][0]).toBe(shards[k - 1][1]);
        const sizes = shards.map(([s, e]) => e - s);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
