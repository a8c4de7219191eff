import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useAppState, useStoreApi } from '../../state/hooks';
import { notify } from '../shell/toast';
import { openLessonScenario } from './lesson-actions';
import { LESSONS } from './lesson-data';
import { useLessonStore } from './lesson-store';

/** The lessons of scenarios/lessons/, with each one's progress; an invalid file shows its errors. */
export function LessonList() {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const messages = useMessages();
  const store = useStoreApi();
  const isDirty = useAppState((s) => s.isDirty);
  const progress = useLessonStore((s) => s.progress);
  const [confirming, setConfirming] = useState<string | null>(null);
  const start = async (id: string) => {
    const entry = LESSONS.find((e) => e.ok && e.lesson.id === id);
    if (!entry?.ok) return;
    if (isDirty && confirming !== id) {
      setConfirming(id);
      return;
    }
    setConfirming(null);
    try {
      await openLessonScenario(store, entry.lesson);
      useLessonStore.getState().begin(id);
    } catch (e) {
      notify(t('lesson.cannotOpen', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <ul className="lesson-list" data-testid="lesson-list">
      {LESSONS.map((entry) => {
        if (!entry.ok)
          return (
            <li
              key={entry.file}
              className="lesson-card lesson-card--invalid"
              data-testid={`lesson-invalid-${entry.file}`}
            >
              <strong>{entry.file}</strong>
              <ul className="issue-lines">
                {entry.issues.slice(0, 5).map((issue) => (
                  <li key={`${issue.path}:${issue.code}`}>
                    {issue.line !== undefined ? `${issue.line}:${issue.column ?? 1} ` : ''}
                    <code>{issue.path}</code> {messages.issue(issue)}
                  </li>
                ))}
              </ul>
            </li>
          );
        const { lesson } = entry;
        const p = progress[lesson.id];
        const questions = lesson.steps.filter((s) => s.question).length;
        const scored = lesson.steps.flatMap((s) => {
          const score = p?.answers[s.id]?.score;
          return score === undefined ? [] : [score];
        });
        return (
          <li key={lesson.id} className="lesson-card" data-testid={`lesson-${lesson.id}`}>
            <h3>{textIn(lesson.title, lang)}</h3>
            <p className="lesson-card__meta">
              {t('lesson.meta', { minutes: lesson.minutes, steps: lesson.steps.length, questions })}
            </p>
            <p>{textIn(lesson.summary, lang)}</p>
            <p className="lesson-card__progress" data-testid={`lesson-progress-${lesson.id}`}>
              {p?.isDone
                ? t('lesson.done', {
                    count: questions,
                    answered: scored.length,
                    questions,
                    mean: mean(scored),
                  })
                : p
                  ? t('lesson.inProgress', {
                      n: Math.min(p.step + 1, lesson.steps.length),
                      total: lesson.steps.length,
                    })
                  : t('lesson.notStarted')}
            </p>
            {confirming === lesson.id ? (
              <p className="notice" role="alert">
                {t('lesson.replaceWarning')}
              </p>
            ) : null}
            <button
              type="button"
              className="btn btn--primary"
              data-testid={`lesson-start-${lesson.id}`}
              onClick={() => start(lesson.id)}
            >
              {confirming === lesson.id
                ? t('lesson.startAnyway')
                : p && !p.isDone
                  ? t('lesson.continue')
                  : t('lesson.start')}
            </button>
            {p ? (
              <button
                type="button"
                className="link-button"
                onClick={() => useLessonStore.getState().restart(lesson.id)}
              >
                {t('lesson.restart')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function mean(xs: number[]): number {
  return xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0;
}
