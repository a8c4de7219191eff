// Search between grid points: a compass (pattern) search with step halving around the best
// screened candidate, over the range variables (choices stay as they are). Every point runs on the
// screening's seed and replications, so on common random numbers the objective is one fixed
// function of the variables — the sample-path problem (Gürkan, Özge & Robinson 1994; Robinson
// 1996) — and a deterministic direct search applies to it (Kolda, Lewis & Torczon 2003, compass
// search): from the current point try ± h on each range variable; move to the best neighbour that
// beats it, else halve h; stop after `halvings` halvings or `maxEvaluations` new points.
import type { OptimizeVariable } from './optimize-spec';

export type Choice = number | string;

export type RefineSettings = { maxEvaluations: number; halvings: number };

/** What the search reports: where it started and ended, what it ran, its last step per variable. */
export type Refinement = {
  start: Choice[];
  end: Choice[];
  /** New points run (points already screened are read, not re-run). */
  evaluations: number;
  /** Points the scenario refused (e.g. a share above 1): skipped, not run. */
  skipped: number;
  /** The smallest step tried per variable (null for a choice, or an integer range with step 1). */
  finalSteps: (number | null)[];
};

const isInteger = (v: OptimizeVariable) =>
  'step' in v && Number.isInteger(v.from) && Number.isInteger(v.step) && Number.isInteger(v.to);

/**
 * The step of variable v after `level` halvings: step / 2^level, whole for an integer range (a
 * count, a cap) and null once below 1 there, or for a choice.
 */
export function refineStep(v: OptimizeVariable, level: number): number | null {
  if (!('step' in v)) return null;
  const h = v.step / 2 ** level;
  if (!isInteger(v)) return h;
  const whole = Math.floor(h);
  return whole >= 1 ? whole : null;
}

const round = (x: number) => Number(x.toPrecision(12));

/**
 * Compass search from `start`. `known` returns a point already evaluated at these replications (or
 * undefined); `evaluate` runs a new one, or returns null when the scenario refuses the values.
 * `better(a, b)`: a strictly beats b. Deterministic: neighbours in variable order, − before +.
 */
export async function compassSearch<E extends { values: Choice[] }>(opts: {
  start: E;
  variables: readonly OptimizeVariable[];
  settings: RefineSettings;
  better: (a: E, b: E) => boolean;
  known: (values: Choice[]) => E | undefined;
  evaluate: (values: Choice[]) => Promise<E | null>;
}): Promise<{ best: E; refinement: Refinement }> {
  const { variables, settings } = opts;
  let x = opts.start;
  let evaluations = 0;
  let skipped = 0;
  let level = 1;
  let steps = variables.map((v) => refineStep(v, level));
  const tried: (number | null)[] = variables.map(() => null);
  const refused = new Set<string>();
  while (level <= settings.halvings && evaluations < settings.maxEvaluations) {
    let next: E | null = null;
    for (const [i, v] of variables.entries()) {
      const h = steps[i];
      if (h === null || !('step' in v)) continue;
      tried[i] = h;
      for (const d of [-1, 1]) {
        const xi = x.values[i] as number;
        const value = round(Math.min(v.to, Math.max(v.from, xi + d * h)));
        if (value === xi) continue;
        const values = x.values.map((c, j) => (j === i ? value : c));
        const key = JSON.stringify(values);
        if (refused.has(key)) continue;
        let e = opts.known(values);
        if (e === undefined) {
          if (evaluations >= settings.maxEvaluations) continue;
          const run = await opts.evaluate(values);
          if (run === null) {
            refused.add(key);
            skipped++;
            continue;
          }
          evaluations++;
          e = run;
        }
        if (opts.better(e, next ?? x)) next = e;
      }
    }
    if (next) x = next;
    else {
      level++;
      if (level <= settings.halvings) steps = variables.map((v) => refineStep(v, level));
    }
  }
  return {
    best: x,
    refinement: { start: opts.start.values, end: x.values, evaluations, skipped, finalSteps: tried },
  };
}
