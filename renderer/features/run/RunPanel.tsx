import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useActions, useAppState, useRun, useStoreApi } from '../../state/hooks';
import { ScenarioNumber, ScenarioText } from '../editor/fields';
import { cancelActiveRun } from './active-run';
import { RunStatus } from './RunStatus';
import { runScenario } from './run-actions';
import { runCostOf, useRunEstimate } from './useRunEstimate';

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
  const cost = useRunEstimate();
  // A large run asks first: the question stays until answered or the run's cost changes.
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const costText = cost ? t(`messages:${cost.message.code}`, cost.message.params) : null;
  const reason =
    errorCount > 0
      ? t('run.invalid', { count: errorCount })
      : isComparing
        ? t('run.busyCompare')
        : cost?.isRefused
          ? t('estimate:refused', { reason: costText })
          : null;
  const isAsking = askedFor !== null && askedFor === costText && cost?.isLarge === true;
  const start = () => {
    setAskedFor(null);
    if (runScenario(store)) setScreen('results');
  };
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
              // The cost of the scenario as just typed (validation otherwise waits for a pause).
              store.getState().validateNow();
              const { scenario, workers: w } = store.getState();
              const now = scenario ? runCostOf(scenario, w) : null;
              if (now?.isRefused) return;
              if (now?.isLarge) setAskedFor(t(`messages:${now.message.code}`, now.message.params));
              else start();
            }}
          >
            ▶ {t('run.run')}
          </button>
        )}
        {isAsking && !isRunning ? (
          <span className="runpanel__ask" role="alertdialog" data-testid="run-ask">
            {t('estimate:ask', { summary: costText })}
            <button type="button" className="btn btn--primary" data-testid="run-ask-confirm" onClick={start}>
              {t('estimate:confirm')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="run-ask-cancel"
              onClick={() => setAskedFor(null)}
            >
              {t('estimate:cancel')}
            </button>
          </span>
        ) : null}
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
      {cost && !cost.isRefused && !isRunning ? (
        <span
          className="runpanel__estimate"
          role="note"
          aria-label={t('estimate:label')}
          data-testid="run-estimate"
        >
          {costText}
        </span>
      ) : null}
      <RunStatus run={run} />
    </fieldset>
  );
}
