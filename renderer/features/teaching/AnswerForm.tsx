import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Challenge, type ChallengeAnswer, makeAnswer } from '../../../sim/index';
import { desktopApi } from '../../platform/desktop-api';

/** The learner's answer, saved as a file to hand in. */
export function AnswerForm({ challenge, pilotsUsed }: { challenge: Challenge; pilotsUsed: number }) {
  const { t } = useTranslation('teaching');
  const [name, setName] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [choice, setChoice] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = challenge.task;
  const answer: ChallengeAnswer['answer'] | null =
    task.kind === 'estimate'
      ? low.trim() &&
        high.trim() &&
        Number.isFinite(Number(low)) &&
        Number.isFinite(Number(high)) &&
        Number(low) <= Number(high)
        ? { kind: 'estimate', low: Number(low), high: Number(high) }
        : null
      : choice === ''
        ? null
        : task.kind === 'best-of'
          ? { kind: 'best-of', choice }
          : { kind: 'pilot-design', branchesPerArm: Number(choice) };
  const submit = async () => {
    if (!answer || !name.trim()) return;
    const doc = makeAnswer(challenge, name, answer, pilotsUsed);
    const file = `${challenge.id}-${name.trim().replace(/[^\p{L}\p{N}_-]+/gu, '_')}.json`;
    const r = await desktopApi.exportFile({
      kind: 'json',
      suggestedName: file,
      data: `${JSON.stringify(doc, null, 2)}\n`,
    });
    if (!r.ok) setError(r.error);
    else if (r.value) {
      setError(null);
      setSaved(file);
    }
  };
  const choices =
    task.kind === 'best-of'
      ? task.options
      : task.kind === 'pilot-design'
        ? task.branchesPerArm.map(String)
        : [];
  return (
    <form
      className="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="challenge-answer"
    >
      <h4>{t('challenge.answer')}</h4>
      <label>
        {t('challenge.name')}{' '}
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="answer-name"
        />
      </label>
      {task.kind === 'estimate' ? (
        <span className="answer-form__interval">
          <label>
            {t('challenge.low')}{' '}
            <input
              className="input"
              inputMode="decimal"
              value={low}
              onChange={(e) => setLow(e.target.value)}
              data-testid="answer-low"
            />
          </label>
          <label>
            {t('challenge.high')}{' '}
            <input
              className="input"
              inputMode="decimal"
              value={high}
              onChange={(e) => setHigh(e.target.value)}
              data-testid="answer-high"
            />
          </label>
        </span>
      ) : (
        <label>
          {task.kind === 'best-of' ? t('challenge.choice') : t('challenge.branchesPerArm')}{' '}
          <select
            className="input input--select"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="answer-choice"
          >
            <option value="">—</option>
            {choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="submit"
        className="btn btn--primary"
        disabled={!answer || !name.trim()}
        data-testid="answer-submit"
      >
        {t('challenge.submit')}
      </button>
      {saved ? (
        <p className="notice" role="status" data-testid="answer-saved">
          {t('challenge.saved', { file: saved })}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
