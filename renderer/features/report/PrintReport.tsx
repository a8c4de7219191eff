import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { type RunSummary, textIn } from '../../../sim/index';
import { ChartRendererContext } from '../../components/charts/chart-context';
import { RunStatus } from '../results/RunStatus';
import { PANEL_SECTIONS, StrategyPanel } from '../results/StrategyPanel';
import { LedgerTable } from '../sensitivity/LedgerTable';
import '../results/results.css';
import type { PrintJob } from './print-job';

export type PrintReportProps = { summary: RunSummary; job: PrintJob; now?: Date };

/**
 * The printed report: every strategy of the run, each from a new page, charts as SVG (vector in
 * the PDF) at the page's width. Laid out off screen while it exists; in print it is all there is.
 */
export function PrintReport({ summary, job, now }: PrintReportProps) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.body.classList.add('has-print-report');
    job.onMounted();
    return () => document.body.classList.remove('has-print-report');
  }, [job]);
  const isProvisional = summary.replicationsDone < summary.replicationsPlanned;
  const date = (now ?? new Date()).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  const count = summary.strategies.length;
  return createPortal(
    <div className="print-report" data-testid="print-report" aria-hidden="true">
      <ChartRendererContext.Provider value="svg">
        <div className="st-results">
          <p className="print-report__title">{t('report.printTitle')}</p>
          <p className="st-muted">{t('report.printGenerated', { date })}</p>
          <RunStatus summary={summary} isRunning={false} />
          <LedgerTable />
          {summary.strategies.map((strategy, i) => (
            <section
              key={strategy.id}
              className="print-report__strategy"
              data-testid={`print-strategy-${strategy.id}`}
            >
              <h2 className="print-report__heading">
                {t('report.printStrategy', {
                  index: i + 1,
                  count,
                  label: textIn(strategy.label, i18n.language),
                })}
              </h2>
              <StrategyPanel
                summary={summary}
                strategy={strategy}
                isProvisional={isProvisional}
                revealed={PANEL_SECTIONS}
                exportPrefix={strategy.id}
              />
            </section>
          ))}
        </div>
      </ChartRendererContext.Provider>
    </div>,
    document.body,
  );
}
