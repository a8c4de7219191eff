import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LessonQuestion, metricValue, scorePrediction, textIn } from '../../../sim/index';
import { useAppState, useStoreApi } from '../../state/hooks';
import { runScenario } from '../run/run-actions';
import { useCachedSummary } from '../run/useRunSummary';
import { useLessonStore } from './lesson-store';

const fmt = (x: number, lang: string) =>
  Number.isFinite(x)
    ? new Intl.NumberFormat(lang, { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 1 }).format(x)
    : '—';

/** Predict-then-run: commit a number or a choice, run, then see the result beside it, scored. */
export function QuestionBlock({ stepId, q }: { stepId: string; q: LessonQuestion }) {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const store = useStoreApi();
  const answer = useLessonStore((s) => (s.activeId ? s.progress[s.activeId]?.answers[stepId] : undefined));
  const runId = useLessonStore((s) => s.runs[stepId]);
  const { answer: save, waitFor } = useLessonStore.getState();
  const [draft, setDraft] = useState('');
  const run = useAppState((s) => s.run);
  const summary = useCachedSummary(runId);
  const isMine = runId !== undefined && run.runId === runId;
  const isDone = isMine && run.status === 'done';
  useEffect(() => {
    // The run this question waited for has finished: read its figure and score the prediction.
    if (!isDone || !summary || !answer || answer.score !== undefined) return;
    const strategy = summary.strategies.find((s) => s.id === q.strategy);
    if (!strategy) return;
    const actual = metricValue(strategy, q.metric);
    save(stepId, { ...answer, ...scorePrediction(q, answer.prediction, actual) });
  }, [isDone, summary, answer, q, save, stepId]);

  const committed = answer !== undefined;
  const isNumber = q.kind === 'number';
  const draftOk = isNumber ? draft.trim() !== '' && Number.isFinite(Number(draft)) : draft !== '';
  const shown = (v: number | string | undefined) =>
    typeof v === 'number'
      ? `${fmt(v, lang)} ${isNumber ? textIn(q.unit, lang) : ''}`
      : q.kind === 'choice'
        ? textIn(q.options.find((o) => o.id === v)?.text, lang)
        : '';
  return (
    <section className="lesson-question" data-testid="lesson-question" aria-label={t('lesson.question')}>
      <p>
        <strong>{t('lesson.predict')}</strong> {textIn(q.prompt, lang)}
      </p>
      {!committed ? (
        <div className="lesson-question__row">
          {q.kind === 'number' ? (
            <>
              <input
                className="input"
                inputMode="decimal"
                aria-label={t('lesson.yourPrediction')}
                data-testid="lesson-prediction"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
              <span>{textIn(q.unit, lang)}</span>
            </>
          ) : (
            <div role="radiogroup" aria-label={t('lesson.yourPrediction')}>
              {q.options.map((o) => (
                <label key={o.id} className="choice">
                  <input
                    type="radio"
                    name={`q-${stepId}`}
                    value={o.id}
                    checked={draft === o.id}
                    data-testid={`lesson-option-${o.id}`}
                    onChange={() => setDraft(o.id)}
                  />{' '}
                  {textIn(o.text, lang)}
                </label>
              ))}
            </div>
          )}
          <button
            type="button"
            className="btn btn--primary"
            disabled={!draftOk}
            data-testid="lesson-commit"
            onClick={() => save(stepId, { prediction: isNumber ? Number(draft) : draft })}
          >
            {t('lesson.commit')}
          </button>
        </div>
      ) : answer.score === undefined ? (
        <div className="lesson-question__row">
          <span data-testid="lesson-committed">
            {t('lesson.committed', { value: shown(answer.prediction) })}
          </span>
          <button
            type="button"
            className="btn btn--primary"
            disabled={run.status === 'running'}
            data-testid="lesson-run"
            onClick={() => {
              const id = runScenario(store);
              if (id) waitFor(stepId, id);
            }}
          >
            {run.status === 'running' && isMine ? t('lesson.running') : t('lesson.run')}
          </button>
        </div>
      ) : (
        <>
          <div className="lesson-result" data-testid="lesson-result">
            <div>
              <small>{t('lesson.yourPrediction')}</small>
              <strong data-testid="lesson-result-prediction">{shown(answer.prediction)}</strong>
            </div>
            <div>
              <small>{t('lesson.result')}</small>
              <strong data-testid="lesson-result-actual">
                {q.kind === 'choice' && answer.correctOption
                  ? shown(answer.correctOption)
                  : shown(answer.actual)}
              </strong>
              {q.kind === 'choice' ? <small>{fmt(answer.actual ?? Number.NaN, lang)}</small> : null}
            </div>
            <div>
              <small>{t('lesson.score')}</small>
              <strong data-testid="lesson-score">{answer.score}</strong>
            </div>
          </div>
          <p className="lesson-explain" data-testid="lesson-explanation">
            {textIn(q.explanation, lang)}
          </p>
          <button
            type="button"
            className="link-button"
            onClick={() => save(stepId, undefined)}
            data-testid="lesson-again"
          >
            {t('lesson.again')}
          </button>
        </>
      )}
    </section>
  );
}
