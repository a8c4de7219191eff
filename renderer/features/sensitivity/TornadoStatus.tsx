import { useTranslation } from 'react-i18next';
import { sensitivityErrorText } from '../../../messages/index';
import { ProgressBar } from '../../components/ProgressBar';
import { useMessages } from '../../i18n/messages';
import { useFmt } from '../../i18n/numbers';
import type { SensitivityState } from './sensitivity-store';

/** Progress with ETA while running; how the last run ended otherwise. */
export function TornadoStatus({ state }: { state: SensitivityState }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFmt();
  const messages = useMessages();
  if (state.status === 'idle') return null;
  const n = state.settings?.replications ?? 0;
  const points = n > 0 ? Math.round(state.total / n) : 0;
  let text: string;
  if (state.status === 'running') {
    const eta =
      state.done > 0 ? ((state.elapsedMs / state.done) * (state.total - state.done)) / 1000 : Number.NaN;
    text = t('tornado.running', {
      point: Math.min(points, Math.floor(state.done / Math.max(1, n)) + 1),
      points,
      done: fmt.int(state.done),
      total: fmt.int(state.total),
      eta: fmt.seconds(eta),
    });
  } else if (state.status === 'done')
    text = t('tornado.done', { points, replications: n, seconds: fmt.seconds(state.elapsedMs / 1000) });
  else if (state.status === 'cancelled') text = t('tornado.cancelled');
  else
    text = t('tornado.error', {
      error:
        state.failure?.kind === 'code'
          ? sensitivityErrorText(state.failure.error, messages.t)
          : (state.failure?.text ?? ''),
    });
  return (
    <div className="sens-status" data-testid="tornado-status" data-status={state.status}>
      {state.status === 'running' ? (
        <ProgressBar
          value={state.done}
          max={Math.max(1, state.total)}
          label={t('tornado.progress')}
          testId="tornado-bar"
        />
      ) : null}
      <span role={state.status === 'error' ? 'alert' : 'status'} data-testid="tornado-status-text">
        {text}
      </span>
    </div>
  );
}
