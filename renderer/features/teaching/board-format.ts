// How the board shows answers, truths and hidden values (numbers in the studio's language).

import type { TFunction } from 'i18next';
import type { BoardRow, Challenge, ClassBoard, Truth } from '../../../sim/index';

export const num = (x: number, lang: string, digits = 2) =>
  Number.isFinite(x) ? new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x) : '—';

export function answerText(r: BoardRow, lang: string): string {
  const a = r.answer;
  if (a.kind === 'estimate') return `[${num(a.low, lang)}, ${num(a.high, lang)}]`;
  if (a.kind === 'best-of') return a.choice;
  return String(a.branchesPerArm);
}

export function truthText(board: ClassBoard, lang: string, t: TFunction<'teaching'>): string {
  const truth = board.truth;
  if (truth.kind === 'estimate') return num(truth.value, lang);
  if (truth.kind === 'best-of')
    return Object.entries(truth.values)
      .map(([k, v]) => `${k} ${num(v, lang)}`)
      .join(' · ');
  return truth.table
    .map((p) => t('board.designPower', { k: p.branchesPerArm, power: num(p.power * 100, lang, 0) }))
    .join(' · ');
}

/** The hidden values, each named as people know it in the challenge's scenario. */
export function hiddenText(truth: Truth, labelOf: (path: string) => string, lang: string): string {
  return truth.hidden
    .map(
      (h) =>
        `${labelOf(h.path)} = ${typeof h.value === 'number' ? num(h.value, lang, 6) : String(h.value)} (${h.path})`,
    )
    .join(' · ');
}

export function scoreText(c: Challenge, r: BoardRow, lang: string): string {
  return c.task.kind === 'estimate' ? num(r.score, lang, 3) : num(r.score, lang, 0);
}
