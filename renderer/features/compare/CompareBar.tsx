import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import type { CompareState, RunState } from '../../state/store';
import { cancelActiveRun } from '../run/active-run';
import { RunStatus } from '../run/RunStatus';
import { runCompare } from './compare-actions';

function asRunState(c: CompareState): RunState {
  return {
    status: c.status,
    runId: c.compareId,
    done: c.done,
    planned: c.planned,
    error: c.error,
    etaSeconds: null,
    repsPerSecond: null,
    elapsedSeconds: 0,
    summaryVersion: c.summaryVersion,
    source: c.source,
  };
}

/** Replications per variant, Run / Cancel (with why Run is off) and the comparison's progress. */
export function CompareBar({ reason, variantCount }: { reason: string | null; variantCount: number }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const compare = useAppState((s) => s.compare);
  const { patchCompare } = useActions();
  const isRunning = compare.status === 'running';
  return (
    <div className="compare-bar">
      <FieldShell id="compare-replications" label={t('compare.replications')}>
        <NumberInput
          id="compare-replications"
          testId="compare-replications"
          value={compare.replications}
          disabled={isRunning}
          onChange={(v) => {
            if (typeof v === 'number' && Number.isInteger(v) && v >= 1) patchCompare({ replications: v });
          }}
        />
      </FieldShell>
      {isRunning ? (
        <button
          type="button"
          className="btn btn--danger"
          onClick={cancelActiveRun}
          data-testid="compare-cancel"
        >
          {t('run.cancel')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          disabled={reason !== null}
          onClick={() => runCompare(store)}
          data-testid="compare-run"
        >
          ▶ {t('compare.run', { count: variantCount })}
        </button>
      )}
      {reason && !isRunning ? (
        <span className="disabled-reason" data-testid="compare-disabled-reason">
          {reason}
        </span>
      ) : null}
      <RunStatus testId="compare-status" run={asRunState(compare)} />
    </div>
  );
}
