// What a lesson does to the studio: open its example with its setup, apply a step's action.
import { type Lesson, type LessonStep, setValue } from '../../../sim/index';
import type { AppStoreApi } from '../../state/store';
import { EXAMPLES } from '../file/examples';

type SetList = ReadonlyArray<{ path: string; value: number | string | boolean }>;

function withValues(doc: unknown, sets: SetList): unknown {
  const next = structuredClone(doc);
  for (const s of sets) {
    const why = setValue(next, s.path, s.value);
    if (why) throw new Error(`${s.path}: ${why.code}`);
  }
  return next;
}

/** Load the lesson's example with its setup applied, as a new unsaved document. */
export async function openLessonScenario(store: AppStoreApi, lesson: Lesson): Promise<void> {
  const example = EXAMPLES.find((e) => e.file === lesson.scenario);
  if (!example) throw new Error(`${lesson.scenario}: not an example scenario`);
  const doc = withValues(JSON.parse(await example.load()), lesson.setup);
  store.getState().loadText(`${JSON.stringify(doc, null, 2)}\n`, { name: lesson.scenario, path: null });
}

/** Do a step's action: change screen, or set values (one undo step). */
export function applyStepAction(store: AppStoreApi, step: LessonStep): void {
  const action = step.action;
  if (!action) return;
  if (action.type === 'goto') {
    store.getState().setScreen(action.screen);
    return;
  }
  store.getState().replaceDoc(withValues(store.getState().doc, action.set));
}
