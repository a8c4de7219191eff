import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../sim/index';
import { ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { useFmt } from '../../i18n/numbers';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { useIsStale } from '../../state/staleness';
import { ResultsDashboard } from '../results/ResultsDashboard';
import { ConvergencePanel } from '../run/ConvergencePanel';
import { runScenario } from '../run/run-actions';
import { useLatestSummary } from '../run/useRunSummary';
import { ExportBar } from './ExportBar';
import { PrintReport } from './PrintReport';
import { usePrintJob } from './print-job';
import { useThrottledSummary } from './useThrottledSummary';

// Progress ticks re-render this screen many times a second; the dashboard only when its props change.
const Dashboard = memo(ResultsDashboard);

/** The latest run: convergence, the results dashboard (the printed report) and exports. */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const fmt = useFmt();
  const store = useStoreApi();
  const status = useAppState((s) => s.run.status);
  const summary = useLatestSummary();
  const isValid = useAppState((s) => s.scenario !== null);
  const { setScreen } = useActions();
  const isRunning = status === 'running';
  const dashboardSummary = useThrottledSummary(summary, isRunning);
  const printJob = usePrintJob();
  const source = useAppState((s) => s.run.source);
  const isStale = useIsStale(source) && !isRunning;
  return (
    <div className="screen" data-testid="screen-results">
      <ScreenHeader
        title={t('nav.results')}
        subtitle={
          summary
            ? t('report.meta', {
                name: textIn(summary.scenarioName, i18n.language),
                seed: summary.seed,
                done: fmt.int(summary.replicationsDone),
                planned: fmt.int(summary.replicationsPlanned),
              })
            : t('report.subtitle')
        }
        actions={<ExportBar isDisabled={!summary || isRunning} />}
      />
      {!summary ? (
        <div className="empty" data-testid="results-empty">
          <p>
            {isRunning
              ? t('report.waiting')
              : status === 'cancelled'
                ? t('report.cancelledEmpty')
                : t('report.empty')}
          </p>
          {!isRunning ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={!isValid}
              onClick={() => {
                if (runScenario(store)) setScreen('results');
              }}
            >
              ▶ {t('run.run')}
            </button>
          ) : null}
        </div>
      ) : (
        <>
          {isStale && source ? (
            <StaleNotice
              sourceName={source.fileName}
              testId="results-stale"
              onRerun={isValid ? () => runScenario(store) : undefined}
            />
          ) : null}
          {status === 'cancelled' ? (
            <p className="notice" data-testid="results-partial">
              {t('report.partial', { done: fmt.int(summary.replicationsDone) })}
            </p>
          ) : null}
          <div
            className={`print-area${isStale ? ' is-stale' : ''}`}
            data-testid="results-print-area"
            data-stale={isStale || undefined}
          >
            <Dashboard summary={dashboardSummary ?? summary} isRunning={isRunning} />
          </div>
          <ConvergencePanel summary={summary} />
          {printJob ? <PrintReport summary={summary} job={printJob} /> : null}
        </>
      )}
    </div>
  );
}
