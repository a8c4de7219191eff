import { describe, expect, it } from 'vitest';
import { bestOfScore, intervalScore, pilotDesignScore } from './scoring';

describe('intervalScore (Gneiting & Raftery 2007, eq. 43)', () => {
  // Hand-computed, 90% intervals (α = 0.1, so a miss costs 2/α = 20 per unit), truth 2.0.
  it('charges the width of an interval that covers the truth', () => {
    expect(intervalScore(1.5, 2.5, 2, 0.1)).toBeCloseTo(1.0, 12);
    expect(intervalScore(0, 6, 2, 0.1)).toBeCloseTo(6.0, 12);
  });
  it('adds 2/α per unit of miss', () => {
    // [3, 4]: width 1 + 20 × (3 − 2) = 21.
    expect(intervalScore(3, 4, 2, 0.1)).toBeCloseTo(21, 12);
    // [0.5, 1.5]: width 1 + 20 × (2 − 1.5) = 11.
    expect(intervalScore(0.5, 1.5, 2, 0.1)).toBeCloseTo(11, 12);
  });
  it('is proper: under a known normal truth, the true 5% and 95% quantiles have the lowest expected score', () => {
    // x ~ N(0, 1); E[S] for [−c, c] = 2c + (2/α)·2·E[(x − c)+], with E[(x − c)+] = φ(c) − c(1 − Φ(c)).
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const tail = (c: number) => {
      // 1 − Φ(c) by a fine midpoint sum of the density from c to 10.
      let s = 0;
      const h = 1e-4;
      for (let z = c + h / 2; z < 10; z += h) s += phi(z) * h;
      return s;
    };
    const expected = (c: number) => 2 * c + (2 / 0.1) * 2 * (phi(c) - c * tail(c));
    const atQuantile = expected(1.6449);
    for (const c of [1.2, 1.5, 1.8, 2.2]) expect(expected(c)).toBeGreaterThan(atQuantile);
  });
});

describe('bestOfScore', () => {
  const roi = { a: 3, b: 1, c: 2 };
  it('is 100 for the best, 0 for the worst and linear in regret between', () => {
    expect(bestOfScore(roi, 'a')).toBe(100);
    expect(bestOfScore(roi, 'b')).toBe(0);
    expect(bestOfScore(roi, 'c')).toBe(50);
    expect(bestOfScore(roi, 'zzz')).toBe(0);
    expect(bestOfScore({ a: 1, b: 1 }, 'b')).toBe(100);
  });
});

describe('pilotDesignScore', () => {
  const table = [
    { branchesPerArm: 4, power: 0.41 },
    { branchesPerArm: 6, power: 0.66 },
    { branchesPerArm: 8, power: 0.81 },
    { branchesPerArm: 10, power: 0.9 },
    { branchesPerArm: 16, power: 0.98 },
  ];
  it('gives full marks to the cheapest design that reaches 80%, less to dearer ones, none below target', () => {
    expect(pilotDesignScore(table, 8, 0.8)).toEqual({ score: 100, power: 0.81, cheapest: 8 });
    expect(pilotDesignScore(table, 10, 0.8).score).toBe(80);
    expect(pilotDesignScore(table, 16, 0.8).score).toBe(50);
    expect(pilotDesignScore(table, 6, 0.8).score).toBe(0);
    expect(pilotDesignScore(table, 7, 0.8)).toEqual({ score: 0, power: null, cheapest: 8 });
  });
});
