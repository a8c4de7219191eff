// Lesson progress, kept in the browser's local storage (per machine, per user profile): the step
// reached and each committed prediction with its result and score. Nothing leaves the machine.

export type Answer = { prediction: number | string; actual?: number; score?: number; correctOption?: string };
export type LessonProgress = { step: number; answers: Record<string, Answer>; isDone: boolean };
export type Progress = Record<string, LessonProgress>;

const KEY = 'sandtable.lessons.progress';

export function loadProgress(): Progress {
  try {
    const raw = localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as unknown) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Progress) : {};
  } catch {
    return {};
  }
}

export function saveProgress(p: Progress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or disabled: progress lasts for this session only.
  }
}

export const emptyProgress = (): LessonProgress => ({ step: 0, answers: {}, isDone: false });
