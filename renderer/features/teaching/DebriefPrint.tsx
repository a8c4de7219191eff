import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { type Challenge, type ClassBoard, type Truth, textIn } from '../../../sim/index';
import type { PrintJob } from '../report/print-job';
import { BoardTable } from './BoardTable';
import { DistributionPlot } from './DistributionPlot';
import { TaskText } from './TaskText';

/**
 * The debrief deck for the class, printed through the report's print job: the task and the truth,
 * the answers against it, the ranking, and each common mistake with why it misleads — a page each.
 */
export function DebriefPrint({
  challenge,
  truth,
  board,
  job,
}: {
  challenge: Challenge;
  truth: Truth;
  board: ClassBoard;
  job: PrintJob;
}) {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  useEffect(() => {
    document.body.classList.add('has-print-report');
    job.onMounted();
    return () => document.body.classList.remove('has-print-report');
  }, [job]);
  return createPortal(
    <div className="print-report debrief" data-testid="debrief-print" aria-hidden="true">
      <section className="print-report__strategy">
        <p className="print-report__title">{t('debrief.title')}</p>
        <h2 className="print-report__heading">{textIn(challenge.title, lang)}</h2>
        <p>{textIn(challenge.brief, lang)}</p>
        <TaskText challenge={challenge} />
        <p>{t('debrief.answers', { count: board.rows.length })}</p>
      </section>
      <section className="print-report__strategy">
        <h2 className="print-report__heading">{t('debrief.truthPage')}</h2>
        <DistributionPlot challenge={challenge} board={board} />
        <BoardTable challenge={challenge} truth={truth} board={board} />
      </section>
      <section className="print-report__strategy">
        <h2 className="print-report__heading">{t('debrief.lessons')}</h2>
        <ul>
          {(board.mistakes.length ? board.mistakes.map((m) => m.code) : []).map((code) => (
            <li key={code}>
              <strong>{t(`mistake.${code}.short`)}</strong>: {t(`mistake.${code}.why`)}
            </li>
          ))}
          <li>{t('debrief.keyControl')}</li>
          <li>{t('debrief.keyInterval')}</li>
        </ul>
      </section>
    </div>,
    document.body,
  );
}
