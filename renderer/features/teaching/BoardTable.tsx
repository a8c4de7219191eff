import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Challenge, type ClassBoard, setValue, type Truth } from '../../../sim/index';
import { useParamLabel } from '../compare/useParamLabel';
import { answerText, hiddenText, scoreText, truthText } from './board-format';

/** The class board: the truth, every answer ranked by its score, and the common mistakes. */
export function BoardTable({
  challenge,
  truth,
  board,
}: {
  challenge: Challenge;
  truth: Truth;
  board: ClassBoard;
}) {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  // The trainer has the truth: put the hidden values back so each is named as in the studio.
  const fullDoc = useMemo(() => {
    const doc = structuredClone(challenge.scenario);
    for (const h of truth.hidden) setValue(doc, h.path, h.value, { canCreate: true });
    return doc;
  }, [challenge.scenario, truth.hidden]);
  const labelOf = useParamLabel(fullDoc);
  return (
    <div className="board" data-testid="board">
      <p data-testid="board-truth">
        <strong>{t('board.truth')}</strong> {truthText(board, lang, t)}
      </p>
      <p className="st-muted" data-testid="board-hidden">
        <strong>{t('board.hiddenValues')}</strong> {hiddenText(truth, labelOf, lang)}
      </p>
      <table className="st-table" data-testid="board-table">
        <thead>
          <tr>
            <th>{t('board.rank')}</th>
            <th>{t('board.learner')}</th>
            <th>{t('board.answer')}</th>
            <th>{challenge.task.kind === 'estimate' ? t('board.intervalScore') : t('board.score')}</th>
            <th>{t('board.pilotsUsed')}</th>
            <th>{t('board.mistakes')}</th>
          </tr>
        </thead>
        <tbody>
          {board.rows.map((r) => (
            <tr key={r.learner} data-testid="board-row">
              <td>{r.rank}</td>
              <td>{r.learner}</td>
              <td>{answerText(r, lang)}</td>
              <td data-testid="board-score">{scoreText(challenge, r, lang)}</td>
              <td>
                {r.pilotsUsed} / {challenge.budget.pilots}
              </td>
              <td>{r.mistakes.map((m) => t(`mistake.${m}.short`)).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.rows.length === 0 ? <p className="st-muted">{t('board.noAnswers')}</p> : null}
      {board.mistakes.length ? (
        <>
          <h4>{t('board.commonMistakes')}</h4>
          <ul data-testid="board-mistakes">
            {board.mistakes.map((m) => (
              <li key={m.code}>
                <strong>{t(`mistake.${m.code}.short`)}</strong> × {m.count} — {t(`mistake.${m.code}.why`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
