import './teaching.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { glossaryEntry, textIn } from '../../../sim/index';
import { useStoreApi } from '../../state/hooks';
import { openGlossary } from './glossary-store';
import { applyStepAction } from './lesson-actions';
import { lessonById } from './lesson-data';
import { useLessonStore } from './lesson-store';
import { QuestionBlock } from './QuestionBlock';
import { useHighlight } from './useHighlight';

/** The lesson being taken, floating over the studio so every screen stays usable beside it. */
export function LessonPanel() {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const store = useStoreApi();
  const activeId = useLessonStore((s) => s.activeId);
  const progress = useLessonStore((s) => (s.activeId ? s.progress[s.activeId] : undefined));
  const { goto, finish, exit } = useLessonStore.getState();
  const lesson = activeId ? lessonById(activeId) : undefined;
  const index = Math.min(progress?.step ?? 0, (lesson?.steps.length ?? 1) - 1);
  const step = lesson?.steps[index];
  useHighlight(step?.highlight);
  const [isFolded, setFolded] = useState(false);
  if (!lesson || !step) return null;
  const isLast = index === lesson.steps.length - 1;
  const needsAnswer = step.question !== undefined && progress?.answers[step.id]?.score === undefined;
  return (
    <aside className="lesson-panel no-print" aria-label={t('lesson.panel')} data-testid="lesson-panel">
      <div className="lesson-panel__head">
        <span>{textIn(lesson.title, lang)}</span>
        <span>
          <span data-testid="lesson-step-count">
            {t('lesson.stepOf', { n: index + 1, total: lesson.steps.length })}
          </span>{' '}
          <button
            type="button"
            className="link-button"
            aria-expanded={!isFolded}
            onClick={() => setFolded(!isFolded)}
            data-testid="lesson-fold"
          >
            {isFolded ? t('lesson.unfold') : t('lesson.fold')}
          </button>
        </span>
      </div>
      {isFolded ? null : (
        <>
          <h3 data-testid="lesson-step-title">{textIn(step.title, lang)}</h3>
          {textIn(step.text, lang)
            .split('\n\n')
            .map((para) => (
              <p key={para}>{para}</p>
            ))}
          {step.glossary.length ? (
            <div className="lesson-panel__links">
              <span>{t('lesson.terms')}</span>
              {step.glossary.map((k) => (
                <button key={k} type="button" className="link-button" onClick={() => openGlossary(k)}>
                  {glossaryEntry(k, lang)?.term ?? k}
                </button>
              ))}
            </div>
          ) : null}
          {step.action ? (
            <button
              type="button"
              className="btn"
              data-testid="lesson-action"
              onClick={() => applyStepAction(store, step)}
            >
              {step.action.type === 'goto'
                ? t('lesson.goto', { screen: t(`translation:nav.${step.action.screen}`) })
                : textIn(step.action.label, lang)}
            </button>
          ) : null}
          {step.question ? <QuestionBlock key={step.id} stepId={step.id} q={step.question} /> : null}
        </>
      )}
      <div className="lesson-panel__nav">
        <button type="button" className="btn" onClick={exit} data-testid="lesson-exit">
          {t('lesson.exit')}
        </button>
        <span>
          <button type="button" className="btn" disabled={index === 0} onClick={() => goto(index - 1)}>
            {t('lesson.back')}
          </button>{' '}
          <button
            type="button"
            className="btn btn--primary"
            data-testid="lesson-next"
            title={needsAnswer ? t('lesson.answerFirst') : undefined}
            onClick={() => (isLast ? finish() : goto(index + 1))}
          >
            {isLast ? t('lesson.finish') : t('lesson.next')}
          </button>
        </span>
      </div>
    </aside>
  );
}
