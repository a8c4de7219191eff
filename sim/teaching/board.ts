// The class board: every answer scored against the truth, ranked, with the common mistakes.
import type { Challenge, ChallengeAnswer, Truth } from './challenge';
import { bestOfScore, intervalScore, pilotDesignScore } from './scoring';

export const MISTAKES = [
  /** The interval leaves out the true value. */
  'missed-truth',
  /** The interval holds the naive participants-vs-non-participants gap but not the truth. */
  'read-naive-as-effect',
  /** The chosen option is the one with the largest naive gap, and it is not the best. */
  'picked-by-naive',
  /** A best-of choice that is not the best. */
  'not-best',
  /** A pilot design below the target power. */
  'underpowered',
  /** A pilot design that reaches the target with more branches than needed. */
  'oversized',
  /** More simulated pilots looked at than the budget allows. */
  'over-budget',
] as const;
export type Mistake = (typeof MISTAKES)[number];

export type BoardRow = {
  learner: string;
  answer: ChallengeAnswer['answer'];
  /** Estimate: the interval score (lower is better). Best-of, pilot design: 0–100 (higher is better). */
  score: number;
  rank: number;
  covers?: boolean;
  /** Pilot design: the true power of the chosen design. */
  power?: number | null;
  mistakes: Mistake[];
  pilotsUsed: number;
};

export type ClassBoard = {
  kind: Challenge['task']['kind'];
  /** Whether a lower score is better (the interval score). */
  isLowerBetter: boolean;
  truth: Truth['answer'];
  rows: BoardRow[];
  mistakes: Array<{ code: Mistake; count: number }>;
};

function scoreOne(c: Challenge, truth: Truth, a: ChallengeAnswer): Omit<BoardRow, 'rank'> {
  const mistakes: Mistake[] = [];
  if (a.pilotsUsed > c.budget.pilots) mistakes.push('over-budget');
  const base = { learner: a.learner, answer: a.answer, pilotsUsed: a.pilotsUsed, mistakes };
  const t = truth.answer;
  if (a.answer.kind === 'estimate' && t.kind === 'estimate' && c.task.kind === 'estimate') {
    const { low, high } = a.answer;
    const covers = low <= t.value && t.value <= high;
    const naive = c.naiveGapPp[c.task.strategy];
    if (!covers) mistakes.push('missed-truth');
    if (
      !covers &&
      c.task.metric === 'conversion-uplift-pp' &&
      naive !== undefined &&
      low <= naive &&
      naive <= high
    )
      mistakes.push('read-naive-as-effect');
    return { ...base, score: intervalScore(low, high, t.value, 1 - c.task.level), covers };
  }
  if (a.answer.kind === 'best-of' && t.kind === 'best-of') {
    const score = bestOfScore(t.values, a.answer.choice);
    if (score < 100) {
      mistakes.push('not-best');
      const byNaive = Object.entries(c.naiveGapPp).sort((x, y) => y[1] - x[1])[0]?.[0];
      if (byNaive === a.answer.choice) mistakes.push('picked-by-naive');
    }
    return { ...base, score };
  }
  if (a.answer.kind === 'pilot-design' && t.kind === 'pilot-design' && c.task.kind === 'pilot-design') {
    const r = pilotDesignScore(t.table, a.answer.branchesPerArm, c.task.targetPower);
    if (r.power !== null && r.power < c.task.targetPower) mistakes.push('underpowered');
    else if (r.score < 100) mistakes.push('oversized');
    return { ...base, score: r.score, power: r.power };
  }
  throw new Error(`an ${a.answer.kind} answer to a ${c.task.kind} task`);
}

/** Score every answer and rank them (ties share a rank); count the mistakes, most common first. */
export function classBoard(c: Challenge, truth: Truth, answers: readonly ChallengeAnswer[]): ClassBoard {
  const isLowerBetter = c.task.kind === 'estimate';
  const scored = answers.map((a) => scoreOne(c, truth, a));
  const better = (x: number, y: number) => (isLowerBetter ? x - y : y - x);
  const sorted = [...scored].sort((x, y) => better(x.score, y.score) || x.learner.localeCompare(y.learner));
  const rows = sorted.map((r) => ({
    ...r,
    rank: 1 + sorted.filter((o) => better(o.score, r.score) < 0).length,
  }));
  const counts = new Map<Mistake, number>();
  for (const r of rows) for (const m of r.mistakes) counts.set(m, (counts.get(m) ?? 0) + 1);
  const mistakes = MISTAKES.filter((m) => counts.has(m))
    .map((code) => ({ code, count: counts.get(code) ?? 0 }))
    .sort((x, y) => y.count - x.count);
  return { kind: c.task.kind, isLowerBetter, truth: truth.answer, rows, mistakes };
}
