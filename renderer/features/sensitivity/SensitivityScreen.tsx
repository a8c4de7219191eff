import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { assumptionLedger, defaultSettings, type Executor } from '../../../sim/index';
import { ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { useLocalText } from '../../i18n/local-text';
import { webExecutor } from '../../sim-client/pool';
import { useActions, useAppState, useStoreApi } from '../../state/hooks';
import { useParamLabel } from '../compare/useParamLabel';
import { SensitivityResults } from './SensitivityResults';
import { SweepForm, sweepAxes } from './SweepForm';
import {
  cancelSensitivity,
  DEFAULT_REPLICATIONS_PER_POINT,
  DEFAULT_SOBOL_BASE_ROWS,
  DEFAULT_SOBOL_REPLICATIONS,
  sensitivityStore,
  startSensitivity,
} from './sensitivity-store';
import { TornadoControls } from './TornadoControls';
import { TornadoStatus } from './TornadoStatus';
import { useSensitivitySource } from './useSensitivitySource';
import './sensitivity.css';

export type SensitivityScreenProps = {
  /** Where points run; default the Web Worker pool. Tests pass an in-process executor. */
  executor?: Executor;
};

/** Which assumption moves the chosen output most: tornado, Sobol indices or sweeps, on common random numbers. */
export function SensitivityScreen({ executor }: SensitivityScreenProps = {}) {
  const { t } = useTranslation('sensitivity');
  const scenario = useAppState((s) => s.scenario);
  const doc = useAppState((s) => s.doc);
  const workers = useAppState((s) => s.workers);
  const isMainRunning = useAppState((s) => s.run.status === 'running');
  const { setScreen } = useActions();
  const store = useStoreApi();
  const state = useStore(sensitivityStore);
  const { source, isStale } = useSensitivitySource(state.source);
  const labelOf = useParamLabel(doc);
  const localText = useLocalText();
  const ledgerSize = useMemo(() => (scenario ? assumptionLedger(scenario).length : 0), [scenario]);
  const isSobol = state.method === 'sobol';
  const preferred = isSobol ? DEFAULT_SOBOL_REPLICATIONS : DEFAULT_REPLICATIONS_PER_POINT;
  const defaultReps = scenario ? Math.min(scenario.monteCarlo.replications, preferred) : 0;
  const reps = Math.max(2, Math.round(state.replications ?? defaultReps));
  const baseRows = Math.max(2, Math.round(state.baseRows ?? DEFAULT_SOBOL_BASE_ROWS));
  const isSweep = state.method === 'sweep';
  const sweep = useMemo(
    () => sweepAxes(scenario, state.sweepX, state.sweepY),
    [scenario, state.sweepX, state.sweepY],
  );
  const isRunning = state.status === 'running';
  const blocked = !scenario
    ? t('tornado.invalid')
    : isSweep
      ? sweep.problem && t(`sweep.${sweep.problem}`)
      : ledgerSize === 0
        ? t('tornado.noAssumptions')
        : null;
  const run = () => {
    if (!scenario || isMainRunning) return;
    const settings = { ...defaultSettings(scenario), replications: reps };
    const ex = executor ?? webExecutor(() => store.getState().workers);
    const plan = isSweep
      ? { method: 'sweep' as const, axes: sweep.axes }
      : isSobol
        ? { method: 'sobol' as const, baseRows }
        : { method: 'tornado' as const };
    void startSensitivity(ex, scenario, settings, source(), plan);
  };
  const sweepPoints = sweep.axes.reduce((n, a) => n * a.values.length, 1);
  const strategies = (scenario?.strategies ?? []).map((s) => ({
    id: s.id,
    label: localText(s.label) || s.id,
  }));
  const outputName = t(`messages:output.${state.output}`);
  return (
    <div className="screen" data-testid="screen-sensitivity" data-workers={workers}>
      <ScreenHeader
        title={t('tornado.title')}
        subtitle={t(isSweep ? 'method.subtitleSweep' : isSobol ? 'method.subtitleSobol' : 'tornado.subtitle')}
      />
      {ledgerSize === 0 && scenario && !isSweep ? (
        <p className="notice" role="status" data-testid="tornado-no-assumptions">
          {t('tornado.noAssumptions')}{' '}
          <button type="button" className="btn btn--small" onClick={() => setScreen('assumptions')}>
            {t('tornado.toLedger')}
          </button>
        </p>
      ) : null}
      <TornadoControls
        method={state.method}
        baseRows={state.baseRows ?? DEFAULT_SOBOL_BASE_ROWS}
        output={state.output}
        strategy={state.strategy}
        strategies={strategies}
        replications={state.replications ?? defaultReps}
        isRunning={isRunning}
        blocked={blocked}
        onRun={run}
        onCancel={cancelSensitivity}
      />
      {isSweep && scenario ? (
        <SweepForm scenario={scenario} sweepX={state.sweepX} sweepY={state.sweepY} isLocked={isRunning} />
      ) : null}
      {isSweep && !sweep.problem ? (
        <p className="muted no-print" data-testid="tornado-points-note">
          {t('sweep.pointsNote', { points: sweepPoints, replications: reps, total: sweepPoints * reps })}
        </p>
      ) : null}
      {ledgerSize > 0 && !isSweep ? (
        <p className="muted no-print" data-testid="tornado-points-note">
          {isSobol
            ? t('method.sobolNote', {
                count: ledgerSize,
                n: baseRows,
                k2: ledgerSize + 2,
                points: baseRows * (ledgerSize + 2),
                replications: reps,
                total: baseRows * (ledgerSize + 2) * reps,
              })
            : t('tornado.pointsNote', {
                count: ledgerSize,
                points: 1 + 2 * ledgerSize,
                replications: reps,
                total: (1 + 2 * ledgerSize) * reps,
              })}
        </p>
      ) : null}
      <TornadoStatus state={state} />
      {isStale && state.source ? (
        <StaleNotice
          sourceName={state.source.fileName}
          testId="tornado-stale"
          onRerun={blocked ? undefined : run}
        />
      ) : null}
      <SensitivityResults state={state} isStale={isStale} labelOf={labelOf} outputName={outputName} />
    </div>
  );
}
