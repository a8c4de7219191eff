import { useTranslation } from 'react-i18next';
import { sensitivityErrorText } from '../../../messages/index';
import { ProgressBar } from '../../components/ProgressBar';
import { useMessages } from '../../i18n/messages';
import { useFmt } from '../../i18n/numbers';
import type { OptimizeState } from './optimize-store';

/** Which stage, which candidate, replications done and the stage's ETA while running; how it ended otherwise. */
export function OptimizeStatus({ state }: { state: OptimizeState }) {
  const { t } = useTranslation('optimize');
  const fmt = useFmt();
  const messages = useMessages();
  if (state.status === 'idle') return null;
  const spec = state.spec;
  const r = state.result;
  let text: string;
  if (state.status === 'running' && spec) {
    const n0 = spec.screening.replications;
    const runs = Math.max(1, Math.round(state.total / n0));
    const eta =
      state.done > 0 ? ((state.stageElapsedMs / state.done) * (state.total - state.done)) / 1000 : Number.NaN;
    text = t(`status.${state.stage ?? 'screening'}`, {
      k: Math.min(runs, Math.floor(state.done / n0) + 1),
      n: runs,
      done: fmt.int(state.done),
      total: fmt.int(state.total),
      eta: fmt.seconds(eta),
      evaluated: state.evaluations.filter((e) => e.stage === 'selection').length,
    });
  } else if (state.status === 'done' && r)
    text = t('status.done', {
      candidates: r.path.filter((e) => e.stage === 'screening').length,
      n0: r.screeningReplications,
      finalists: r.finalists.length,
      n1: r.selectionReplications,
      seconds: fmt.seconds(state.elapsedMs / 1000),
    });
  else if (state.status === 'cancelled') text = t('status.cancelled', { count: state.evaluations.length });
  else
    text = t('status.error', {
      error:
        state.failure?.kind === 'code'
          ? sensitivityErrorText(state.failure.error, messages.t)
          : (state.failure?.text ?? ''),
    });
  return (
    <div className="sens-status" data-testid="opt-status" data-status={state.status}>
      {state.status === 'running' ? (
        <ProgressBar
          value={state.done}
          max={Math.max(1, state.total)}
          label={t('status.progress')}
          testId="opt-bar"
        />
      ) : null}
      <span role={state.status === 'error' ? 'alert' : 'status'} data-testid="opt-status-text">
        {text}
      </span>
    </div>
  );
}
