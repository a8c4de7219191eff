// The optimizer's spec (opt.json): decision variables, an objective and constraints, checked with
// zod so every problem names its path in the file, the value found and what was expected.
import { z } from 'zod';
import { SENSITIVITY_OUTPUTS } from './outputs';

const finite = z.number().finite();
const output = z.enum(SENSITIVITY_OUTPUTS);
const strategy = z.string().min(1).nullable().optional();
/** A whole number in [min, max], `fallback` when left out. */
const count = (min: number, max: number, fallback: number) =>
  z.number().int().min(min).max(max).default(fallback);

const RangeVariable = z
  .object({
    param: z.string().min(1),
    from: finite,
    to: finite,
    step: finite.positive(),
  })
  .strict()
  .refine((v) => v.from < v.to, { message: 'expected from < to', path: ['to'] })
  .refine((v) => (v.to - v.from) / v.step <= 1000, {
    message: 'expected at most 1000 steps from `from` to `to`',
    path: ['step'],
  });

const ChoiceVariable = z
  .object({
    param: z.string().min(1),
    choices: z.array(z.union([z.string().min(1), finite])).min(1),
  })
  .strict();

const Constraint = z
  .object({
    output,
    strategy,
    max: finite.optional(),
    min: finite.optional(),
  })
  .strict()
  .refine((c) => c.max !== undefined || c.min !== undefined, { message: 'expected max or min' })
  .refine((c) => c.max === undefined || c.min === undefined || c.min <= c.max, {
    message: 'expected min ≤ max',
    path: ['max'],
  });

export const OptimizeSpecSchema = z
  .object({
    kind: z.literal('sandtable.optimize').optional(),
    variables: z.array(z.union([RangeVariable, ChoiceVariable])).min(1),
    objective: z.object({ output, strategy, sense: z.enum(['maximize', 'minimize']) }).strict(),
    constraints: z.array(Constraint).default([]),
    /** Pareto front: objective against this output (default cost, all strategies). */
    tradeOff: z.object({ output, strategy }).strict().optional(),
    screening: z
      .object({
        replications: count(2, 100_000, 20),
        maxCandidates: count(1, 10_000, 40),
      })
      .strict()
      .prefault({}),
    /**
     * Search between grid points around the best screened candidate (range variables only):
     * compass search halving the step `halvings` times, at most `maxEvaluations` new points, on the
     * screening's replications. maxEvaluations 0 turns it off.
     */
    refine: z
      .object({
        maxEvaluations: count(0, 1000, 12),
        halvings: count(0, 20, 3),
      })
      .strict()
      .prefault({}),
    selection: z
      .object({
        finalists: count(1, 20, 4),
        /** Indifference zone δ: differences of the objective below it are not worth telling apart. */
        indifference: finite.positive(),
        /** Probability of correct selection wanted (1 − α), given the indifference zone. */
        confidence: z.number().gt(0.5).lt(1).default(0.9),
        maxReplications: count(2, 1_000_000, 1000),
      })
      .strict(),
  })
  .strict();

export type OptimizeSpec = z.output<typeof OptimizeSpecSchema>;
export type OptimizeVariable = OptimizeSpec['variables'][number];

export type SpecProblem = { path: string; value: unknown; expected: string };

function pathText(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function valueAt(doc: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** The spec, or every problem with its path, the value found there and what was expected. */
export function parseOptimizeSpec(
  doc: unknown,
): { ok: true; spec: OptimizeSpec } | { ok: false; problems: SpecProblem[] } {
  const r = OptimizeSpecSchema.safeParse(doc);
  if (r.success) return { ok: true, spec: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
      return { path: pathText(path) || '(top level)', value: valueAt(doc, path), expected: i.message };
    }),
  };
}
