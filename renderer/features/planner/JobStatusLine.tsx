import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import type { Job } from './usePilotPlan';

/** Progress of a planner job (replications over all its runs), or how it ended. */
export function JobStatusLine({ job, testId }: { job: Job<unknown>; testId: string }) {
  const { t } = useTranslation('planner');
  if (job.status === 'idle') return null;
  const text =
    job.status === 'running'
      ? t('job.running', { done: job.done, planned: job.planned || '…' })
      : job.status === 'error'
        ? t('job.error', {
            error: job.errorInput
              ? `${t(`sim.${job.errorInput}`, { defaultValue: job.errorInput })}: ${job.error}`
              : job.error,
          })
        : t(`job.${job.status}`);
  return (
    <div className="planner-status no-print" data-testid={testId} data-status={job.status}>
      {job.status === 'running' ? (
        <ProgressBar
          value={job.done}
          max={Math.max(1, job.planned)}
          label={t('job.progress')}
          testId={`${testId}-bar`}
        />
      ) : null}
      <span role={job.status === 'error' ? 'alert' : 'status'} data-testid={`${testId}-text`}>
        {text}
      </span>
    </div>
  );
}
