// Scoring rules of the challenges. Each is documented in docs/teaching.md with a worked example.

/**
 * Interval score of a central (1 − α) interval [low, high] for the true value x (Gneiting &
 * Raftery 2007, JASA 102:359, eq. 43): (high − low) + (2/α)(low − x)·1{x < low} + (2/α)(x − high)·1{x > high}.
 * Negatively oriented (lower is better): width is paid for, and a miss costs 2/α per unit.
 * A proper scoring rule: reporting one's true α/2 and 1 − α/2 quantiles minimizes its expectation.
 */
export function intervalScore(low: number, high: number, truth: number, alpha: number): number {
  const below = truth < low ? (2 / alpha) * (low - truth) : 0;
  const above = truth > high ? (2 / alpha) * (truth - high) : 0;
  return high - low + below + above;
}

/**
 * Best of N: 100 × (1 − regret), regret = (best − chosen) ÷ (best − worst) of the true values
 * (higher is better). 100 for the best option, 0 for the worst; 100 for all when they tie.
 */
export function bestOfScore(values: Readonly<Record<string, number>>, chosen: string): number {
  const xs = Object.values(values);
  const best = Math.max(...xs);
  const worst = Math.min(...xs);
  const v = values[chosen];
  if (v === undefined || !Number.isFinite(v)) return 0;
  return best === worst ? 100 : 100 * (1 - (best - v) / (best - worst));
}

export type DesignPoint = { branchesPerArm: number; power: number };

/**
 * Cost-aware score of a pilot design: a design that reaches the target power scores
 * 100 × (cheapest cost that reaches it ÷ its cost); one that does not scores 0. Cost is the
 * branch-weeks the pilot occupies, 2 × branches per arm × weeks (weeks fixed by the task), so the
 * ratio is one of branches. The true power of each design comes from the trainer's simulation.
 */
export function pilotDesignScore(
  table: readonly DesignPoint[],
  chosenBranchesPerArm: number,
  targetPower: number,
): { score: number; power: number | null; cheapest: number | null } {
  const reaching = table.filter((p) => p.power >= targetPower).map((p) => p.branchesPerArm);
  const cheapest = reaching.length ? Math.min(...reaching) : null;
  const point = table.find((p) => p.branchesPerArm === chosenBranchesPerArm);
  if (!point) return { score: 0, power: null, cheapest };
  if (point.power < targetPower || cheapest === null) return { score: 0, power: point.power, cheapest };
  return { score: (100 * cheapest) / point.branchesPerArm, power: point.power, cheapest };
}
