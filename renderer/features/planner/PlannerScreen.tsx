import './planner.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PlannerPrefill,
  type PopulationSummary,
  plannerPrefill,
  type Scenario,
} from '../../../sim/index';
import { ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { useAppState, useStoreApi } from '../../state/hooks';
import { currentSource, useIsStale } from '../../state/staleness';
import type { ResultSource } from '../../state/store';
import { useLatestSummary } from '../run/useRunSummary';
import { AnalyticCurves } from './AnalyticCurves';
import { AnalyticForm } from './AnalyticForm';
import { AnalyticResultCard } from './AnalyticResultCard';
import { DEFAULT_INPUTS, type PlannerInputs, solveDesign } from './analytic-plan';
import { PlanExportBar } from './PlanExportBar';
import { ensurePlannerI18n, PLANNER_NS } from './planner-i18n';
import { RolloutSection } from './RolloutSection';
import { ScenarioFacts } from './ScenarioFacts';
import { SimulatedSection } from './SimulatedSection';
import { SrmCheck } from './SrmCheck';
import { type PlannerSimulator, workerSimulator } from './simulator';
import { usePilotPlan } from './usePilotPlan';

export type PlannerScreenProps = {
  /** How scenarios are run; default: Web Workers from renderer/sim-client. Tests pass an in-process one. */
  simulator?: PlannerSimulator;
};

/** The form values a prefill sets (rounded as a person would type them). */
function prefilledInputs(p: PlannerPrefill): Partial<PlannerInputs> {
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  return {
    customersPerBranch: Math.max(1, Math.round(p.customersPerBranch)),
    cv: round(p.cv, 2),
    icc: Number(p.icc.toPrecision(2)),
    accrualPerBranchWeek: Math.max(0.1, round(p.accrualPerBranchWeek, 1)),
    ...(p.rates ? { pControl: round(p.rates.pControl, 4), pTreat: round(p.rates.pTreat, 4) } : {}),
  };
}

/**
 * The planner's view of the open scenario: its branches and segment (from the population preview)
 * and the rates of its last run, when that run is of this very scenario and finished.
 */
function useScenarioPrefill(sim: PlannerSimulator): PlannerPrefill | null {
  const scenario = useAppState((s) => s.scenario);
  const strategyIndex = useAppState((s) => s.selectedStrategy);
  const [population, setPopulation] = useState<{ of: Scenario; summary: PopulationSummary } | null>(null);
  useEffect(() => {
    if (!scenario) return;
    let isCurrent = true;
    sim
      .populationSummary(scenario, String(scenario.monteCarlo.seed))
      .then((summary) => {
        if (isCurrent) setPopulation({ of: scenario, summary });
      })
      // Without the branches the form keeps its values; the simulated pilot reports the error.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [scenario, sim]);
  const run = useLatestSummary();
  const source = useAppState((s) => s.run.source);
  const isDone = useAppState((s) => s.run.status === 'done');
  const isStale = useIsStale(source);
  const isRunCurrent = isDone && !isStale && source !== null;
  return useMemo(
    () =>
      scenario && population?.of === scenario
        ? plannerPrefill(scenario, population.summary, strategyIndex, isRunCurrent ? run : undefined)
        : null,
    [scenario, population, strategyIndex, run, isRunCurrent],
  );
}

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
  const prefill = useScenarioPrefill(sim);
  const refill = useCallback(() => {
    if (prefill) setInputs((x) => ({ ...x, ...prefilledInputs(prefill) }));
  }, [prefill]);
  // The form follows the scenario: filled when the screen opens and again when the scenario changes.
  const prefillKey = prefill ? JSON.stringify(prefilledInputs(prefill)) : null;
  const [appliedKey, setAppliedKey] = useState<string | null>(null);
  useEffect(() => {
    if (prefillKey === null || prefillKey === appliedKey) return;
    setAppliedKey(prefillKey);
    setInputs((x) => ({ ...x, ...(JSON.parse(prefillKey) as Partial<PlannerInputs>) }));
  }, [prefillKey, appliedKey]);
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
            onAnalysis={(analysis) => setInputs((x) => ({ ...x, analysis }))}
            onField={(key, value) => setInputs((x) => ({ ...x, [key]: value }))}
          />
        </aside>
        <div className="planner__main">
          <ScenarioFacts
            prefill={prefillKey !== null && prefillKey === appliedKey ? prefill : null}
            effectSd={scenario?.population.branches.effectSd ?? 0}
            inputs={inputs}
            solved={solved}
            onRefill={refill}
          />
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
            defaultWeeks={scenario?.calendar.weeks}
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
