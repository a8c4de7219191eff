import { useTranslation } from 'react-i18next';
import { plannerErrorText } from '../../../messages/index';
import { ProgressBar } from '../../components/ProgressBar';
import { useMessages } from '../../i18n/messages';
import type { Job } from './usePilotPlan';

/** Progress of a planner job (replications over all its runs), or how it ended. */
export function JobStatusLine({ job, testId }: { job: Job<unknown>; testId: string }) {
  const { t } = useTranslation('planner');
  const messages = useMessages();
  if (job.status === 'idle') return null;
  const error = job.plannerError ? plannerErrorText(job.plannerError, messages.t) : job.error;
  const text =
    job.status === 'running'
      ? t('job.running', { done: job.done, planned: job.planned || '…' })
      : job.status === 'error'
        ? t('job.error', {
            error: job.errorInput
              ? `${t(`sim.${job.errorInput}`, { defaultValue: job.errorInput })}: ${error}`
              : error,
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
