// The lesson being taken: which one, its progress (persisted), and the run each question waits for.
import { create } from 'zustand';
import {
  type Answer,
  emptyProgress,
  type LessonProgress,
  loadProgress,
  type Progress,
  saveProgress,
} from './lesson-progress';

type LessonState = {
  activeId: string | null;
  progress: Progress;
  /** The run a step's question waits for, by step id (this session only). */
  runs: Record<string, string>;
  begin(id: string): void;
  goto(step: number): void;
  /** Save a step's answer; undefined clears it (try again). */
  answer(stepId: string, answer: Answer | undefined): void;
  waitFor(stepId: string, runId: string): void;
  finish(): void;
  exit(): void;
  restart(id: string): void;
};

export const useLessonStore = create<LessonState>((set, get) => {
  const patch = (id: string, f: (p: LessonProgress) => LessonProgress) => {
    const progress = { ...get().progress, [id]: f(get().progress[id] ?? emptyProgress()) };
    saveProgress(progress);
    set({ progress });
  };
  return {
    activeId: null,
    progress: loadProgress(),
    runs: {},
    begin: (id) => {
      patch(id, (p) => p);
      set({ activeId: id, runs: {} });
    },
    goto: (step) => {
      const id = get().activeId;
      if (id) patch(id, (p) => ({ ...p, step }));
    },
    answer: (stepId, answer) => {
      const id = get().activeId;
      if (!id) return;
      patch(id, (p) => {
        const { [stepId]: _old, ...rest } = p.answers;
        return { ...p, answers: answer ? { ...rest, [stepId]: answer } : rest };
      });
    },
    waitFor: (stepId, runId) => set({ runs: { ...get().runs, [stepId]: runId } }),
    finish: () => {
      const id = get().activeId;
      if (id) patch(id, (p) => ({ ...p, isDone: true }));
      set({ activeId: null });
    },
    exit: () => set({ activeId: null }),
    restart: (id) => patch(id, () => emptyProgress()),
  };
});
