import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { useFmt } from '../../i18n/numbers';
import type { RunState } from '../../state/store';

/** Progress bar and one line: done/planned, replications per second and time left. */
export function RunStatus({ run, testId = 'run-status' }: { run: RunState; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFmt();
  const counts = { done: fmt.int(run.done), planned: fmt.int(run.planned) };
  let text: string;
  switch (run.status) {
    case 'running':
      text = [
        t('run.progress', counts),
        run.repsPerSecond ? t('run.rate', { rate: fmt.num(run.repsPerSecond, 1) }) : null,
        run.etaSeconds !== null ? t('run.eta', { time: fmt.seconds(run.etaSeconds) }) : t('run.etaUnknown'),
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'done':
      text =
        run.elapsedSeconds > 0
          ? t('run.finished', { ...counts, time: fmt.seconds(run.elapsedSeconds) })
          : t('run.finishedCount', counts);
      break;
    case 'cancelled':
      text = t('run.cancelledAt', counts);
      break;
    case 'error':
      text = t('run.failed', { error: run.error ?? '' });
      break;
    default:
      text = t('run.ready');
  }
  const tone = run.status === 'running' ? 'run' : run.status === 'done' ? 'done' : 'stopped';
  return (
    <div className={`runstatus runstatus--${run.status}`} data-testid={testId} data-status={run.status}>
      <ProgressBar
        value={run.done}
        max={Math.max(1, run.planned)}
        label={t('run.progressLabel')}
        tone={tone}
        testId={`${testId}-bar`}
      />
      <span className="runstatus__text" role="status" aria-live="polite" data-testid={`${testId}-text`}>
        {text}
      </span>
    </div>
  );
}
