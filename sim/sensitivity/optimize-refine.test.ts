import { describe, expect, it } from 'vitest';
import { type Choice, compassSearch, refineStep } from './optimize-refine';
import { OptimizeSpecSchema } from './optimize-spec';

const variables = OptimizeSpecSchema.parse({
  variables: [
    { param: 'x', from: 0, to: 1, step: 0.25 },
    { param: 'y', from: 0, to: 2, step: 0.5 },
    { param: 'channel', choices: ['sms', 'app_push'] },
  ],
  objective: { output: 'cost', sense: 'maximize' },
  selection: { indifference: 1 },
}).variables;

type Point = { values: Choice[]; f: number };

describe('the compass search between grid points', () => {
  it('finds the interior optimum of a separable quadratic within half its last step per variable', async () => {
    // f = −(x − 0.37)² − 2(y − 1.23)², plus 1 for app_push; from the grid's best (0.25, 1, sms).
    // At the end no ±h move improves f, which for a separable quadratic means |x − x*| ≤ h/2.
    const f = (v: Choice[]) =>
      -(((v[0] as number) - 0.37) ** 2) - 2 * ((v[1] as number) - 1.23) ** 2 + (v[2] === 'app_push' ? 1 : 0);
    const seen = new Map<string, Point>();
    const point = (values: Choice[]) => ({ values, f: f(values) });
    const r = await compassSearch<Point>({
      start: point([0.25, 1, 'sms']),
      variables,
      settings: { maxEvaluations: 200, halvings: 6 },
      better: (a, b) => a.f > b.f,
      known: (v) => seen.get(JSON.stringify(v)),
      evaluate: async (v) => {
        const p = point(v);
        seen.set(JSON.stringify(v), p);
        return p;
      },
    });
    const [hx, hy] = r.refinement.finalSteps as number[];
    expect(hx).toBe(0.25 / 64);
    expect(hy).toBe(0.5 / 64);
    expect(Math.abs((r.best.values[0] as number) - 0.37)).toBeLessThanOrEqual(hx / 2 + 1e-12);
    expect(Math.abs((r.best.values[1] as number) - 1.23)).toBeLessThanOrEqual(hy / 2 + 1e-12);
    // Choices are not searched.
    expect(r.best.values[2]).toBe('sms');
    expect(r.refinement.finalSteps[2]).toBeNull();
    expect(r.refinement.evaluations).toBe(seen.size);
  });

  it('keeps to its budget of new points and skips points the scenario refuses', async () => {
    let calls = 0;
    const r = await compassSearch<Point>({
      start: { values: [0.5, 1, 'sms'], f: 0 },
      variables,
      settings: { maxEvaluations: 5, halvings: 10 },
      better: (a, b) => a.f > b.f,
      known: () => undefined,
      evaluate: async (v) => {
        calls++;
        // Refuse every y move; x moves up improve.
        if (v[1] !== 1) return null;
        return { values: v, f: v[0] as number };
      },
    });
    expect(r.refinement.evaluations).toBe(5);
    expect(r.refinement.skipped).toBe(calls - 5);
    expect(r.best.values[0] as number).toBeGreaterThan(0.5);
  });

  it('halves an integer range in whole steps and stops below 1', () => {
    const v = OptimizeSpecSchema.parse({
      variables: [{ param: 'cap', from: 1, to: 13, step: 4 }],
      objective: { output: 'cost', sense: 'maximize' },
      selection: { indifference: 1 },
    }).variables[0];
    expect([1, 2, 3].map((k) => refineStep(v, k))).toEqual([2, 1, null]);
    expect(refineStep(variables[0], 2)).toBe(0.0625);
    expect(refineStep(variables[2], 1)).toBeNull();
  });
});
