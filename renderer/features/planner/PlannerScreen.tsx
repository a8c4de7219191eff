import './planner.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { useAppState, useStoreApi } from '../../state/hooks';
import { currentSource, useIsStale } from '../../state/staleness';
import type { ResultSource } from '../../state/store';
import { AnalyticCurves } from './AnalyticCurves';
import { AnalyticForm } from './AnalyticForm';
import { AnalyticResultCard } from './AnalyticResultCard';
import { DEFAULT_INPUTS, type PlannerInputs, solveDesign } from './analytic-plan';
import { PlanExportBar } from './PlanExportBar';
import { ensurePlannerI18n, PLANNER_NS } from './planner-i18n';
import { RolloutSection } from './RolloutSection';
import { SimulatedSection } from './SimulatedSection';
import { SrmCheck } from './SrmCheck';
import { type PlannerSimulator, workerSimulator } from './simulator';
import { usePilotPlan } from './usePilotPlan';

export type PlannerScreenProps = {
  /** How scenarios are run; default: Web Workers from renderer/sim-client. Tests pass an in-process one. */
  simulator?: PlannerSimulator;
};

/** Pilot planner: the analytic power calculator, the simulated pilot beside it, and the rollout forecast. */
export function PlannerScreen({ simulator }: PlannerScreenProps = {}) {
  const { i18n } = useTranslation();
  ensurePlannerI18n(i18n);
  const { t } = useTranslation(PLANNER_NS);
  const scenario = useAppState((s) => s.scenario);
  const workers = useAppState((s) => s.workers);
  const workersRef = useRef(workers);
  workersRef.current = workers;
  const sim = useMemo(() => simulator ?? workerSimulator(() => workersRef.current), [simulator]);
  const [inputs, setInputs] = useState<PlannerInputs>(DEFAULT_INPUTS);
  const solved = useMemo(() => solveDesign(inputs), [inputs]);
  const plan = usePilotPlan(sim, scenario);
  const store = useStoreApi();
  // The scenario each simulated result came from (the pilot's; the rollout reads the pilot's branches).
  const [pilotSource, setPilotSource] = useState<ResultSource | null>(null);
  const isPilotStale = useIsStale(pilotSource) && plan.pilot.status !== 'running';
  const useEstimates = useCallback(
    (v: { icc: number; cv: number; customersPerBranch: number }) => setInputs((x) => ({ ...x, ...v })),
    [],
  );
  return (
    <div className="screen planner" data-testid="screen-planner">
      <ScreenHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <PlanExportBar
            // The export is of the open scenario: simulated results of another version stay out.
            plan={{
              inputs,
              solved,
              report: isPilotStale ? null : (plan.pilot.value?.report ?? null),
              rollout: isPilotStale ? null : plan.rollout.value,
            }}
          />
        }
      />
      <div className="planner__layout">
        <aside className="planner__inputs" aria-label={t('form.title')}>
          <AnalyticForm
            inputs={inputs}
            error={solved.ok ? null : solved.error}
            onOutcome={(outcome) => setInputs((x) => ({ ...x, outcome }))}
            onField={(key, value) => setInputs((x) => ({ ...x, [key]: value }))}
          />
        </aside>
        <div className="planner__main">
          <AnalyticResultCard inputs={inputs} solved={solved} />
          <AnalyticCurves inputs={inputs} solved={solved} />
          {isPilotStale && pilotSource && (plan.pilot.value || plan.rollout.value) ? (
            <StaleNotice sourceName={pilotSource.fileName} testId="planner-stale" />
          ) : null}
          <SimulatedSection
            job={plan.pilot}
            reason={scenario ? null : t('sim.needsScenario')}
            onRun={(req) => {
              setPilotSource(currentSource(store.getState()));
              plan.startPilot(req);
            }}
            onCancel={plan.cancelPilot}
            onUseEstimates={useEstimates}
            isStale={isPilotStale}
          />
          <RolloutSection
            pilot={plan.pilot.value}
            job={plan.rollout}
            onRun={(req, pilot) => plan.startRollout(req, pilot.branches)}
            onCancel={plan.cancelRollout}
            isStale={isPilotStale}
          />
          <SrmCheck plannedShare={plan.pilot.value?.report.selection.plannedTreatmentShare ?? 0.5} />
        </div>
      </div>
    </div>
  );
}
