import { useTranslation } from 'react-i18next';
import { type RunSummary, textIn } from '../../../sim/index';
import { useFormat } from './useFormat';

export type RunStatusProps = { summary: RunSummary; isRunning: boolean };

/** Scenario line, and a banner while numbers are provisional (running, stopped early, or 1 replication). */
export function RunStatus({ summary, isRunning }: RunStatusProps) {
  const { t, i18n } = useTranslation('results');
  const f = useFormat();
  const done = f.count(summary.replicationsDone);
  const planned = f.count(summary.replicationsPlanned);
  const isPartial = summary.replicationsDone < summary.replicationsPlanned;
  return (
    <header className="st-run">
      <h2 className="st-run__title">{textIn(summary.scenarioName, i18n.language)}</h2>
      <p className="st-run__meta">
        {t('dashboard.meta', {
          customers: f.count(summary.customers),
          weeks: summary.weeks,
          replications: done,
          seed: summary.seed,
          sampling: t(`dashboard.sampling.${summary.sampling}`),
        })}
      </p>
      {isRunning ? (
        <div role="status" className="st-banner st-banner--provisional" data-testid="provisional-banner">
          <span>{t('dashboard.provisional', { done, planned })}</span>
          <progress
            max={Math.max(1, summary.replicationsPlanned)}
            value={summary.replicationsDone}
            aria-label={t('dashboard.progress')}
          />
        </div>
      ) : isPartial ? (
        <p role="status" className="st-banner" data-testid="partial-banner">
          {t('dashboard.stopped', { done, planned })}
        </p>
      ) : null}
      {summary.replicationsDone < 2 ? (
        <p className="st-banner" data-testid="one-replication-note">
          {t('dashboard.oneReplication')}
        </p>
      ) : null}
    </header>
  );
}
