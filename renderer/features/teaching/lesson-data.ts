// The lessons bundled from scenarios/lessons/*.json, each validated once. An invalid file is
// listed with its errors (a trainer editing a lesson sees what is wrong), never dropped silently.
import { type Lesson, loadLessonText, type ScenarioIssue } from '../../../sim/index';

const files = import.meta.glob<string>('../../../scenarios/lessons/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export type LessonEntry =
  | { file: string; ok: true; lesson: Lesson }
  | { file: string; ok: false; issues: ScenarioIssue[] };

const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);

export const LESSONS: LessonEntry[] = Object.keys(files)
  .sort()
  .map((key) => {
    const r = loadLessonText(files[key]);
    return r.ok
      ? { file: fileOf(key), ok: true, lesson: r.lesson }
      : { file: fileOf(key), ok: false, issues: r.issues };
  });

export function lessonById(id: string): Lesson | undefined {
  for (const e of LESSONS) if (e.ok && e.lesson.id === id) return e.lesson;
  return undefined;
}
