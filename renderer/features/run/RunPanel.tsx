import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useActions, useAppState, useRun, useStoreApi } from '../../state/hooks';
import { ScenarioNumber, ScenarioText } from '../editor/fields';
import { cancelActiveRun } from './active-run';
import { RunStatus } from './RunStatus';
import { runScenario } from './run-actions';

/** Replications, seed and workers; Run (disabled with the reason when the scenario is invalid) and Cancel. */
export function RunPanel() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const run = useRun();
  const workers = useAppState((s) => s.workers);
  const errorCount = useAppState((s) =>
    s.scenario ? 0 : s.issues.filter((i) => i.severity === 'error').length,
  );
  const hasDoc = useAppState((s) => s.doc !== null);
  const isComparing = useAppState((s) => s.compare.status === 'running');
  const { setWorkers, setScreen } = useActions();
  const isRunning = run.status === 'running';
  const reason =
    errorCount > 0 ? t('run.invalid', { count: errorCount }) : isComparing ? t('run.busyCompare') : null;
  return (
    <fieldset className="runpanel" data-testid="run-panel">
      <legend className="sr-only">{t('run.panel')}</legend>
      <div className="runpanel__inputs">
        {hasDoc ? (
          <>
            <ScenarioNumber idPrefix="run-" path="monteCarlo.replications" label={t('run.replications')} />
            <ScenarioText idPrefix="run-" path="monteCarlo.seed" label={t('run.seed')} />
          </>
        ) : null}
        <FieldShell id="run-workers" label={t('run.workers')}>
          <NumberInput
            id="run-workers"
            testId="run-workers"
            value={workers}
            disabled={isRunning}
            onChange={(v) => {
              if (typeof v === 'number' && v >= 1) setWorkers(v);
            }}
          />
        </FieldShell>
      </div>
      <div className="runpanel__actions">
        {isRunning ? (
          <button
            type="button"
            className="btn btn--danger"
            onClick={cancelActiveRun}
            data-testid="cancel-button"
          >
            {t('run.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--primary"
            disabled={reason !== null}
            aria-describedby={reason ? 'run-disabled-reason' : undefined}
            data-testid="run-button"
            onClick={() => {
              if (runScenario(store)) setScreen('results');
            }}
          >
            ▶ {t('run.run')}
          </button>
        )}
        {reason && !isRunning ? (
          <span
            id="run-disabled-reason"
            className="runpanel__reason"
            role="note"
            data-testid="run-disabled-reason"
          >
            {reason}
          </span>
        ) : null}
      </div>
      <RunStatus run={run} />
    </fieldset>
  );
}
