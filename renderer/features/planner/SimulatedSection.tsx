import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionMethod } from '../../../sim/index';
import { Card } from '../../components/Card';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { JobStatusLine } from './JobStatusLine';
import { SimulatedResults } from './SimulatedResults';
import type { Job, PilotRequest, PilotResult } from './usePilotPlan';

export type SimulatedSectionProps = {
  job: Job<PilotResult>;
  /** Why the simulation cannot run now (no valid scenario), or null. */
  reason: string | null;
  onRun(req: PilotRequest): void;
  onCancel(): void;
  onUseEstimates(values: { icc: number; cv: number; customersPerBranch: number }): void;
  /** The results came from another version of the scenario: dimmed. */
  isStale?: boolean;
  /** Weeks to start from: the scenario's horizon, so the formula's rates and the simulation agree. */
  defaultWeeks?: number;
};

type Draft = { branchesPerArm?: number; weeks?: number; replications?: number; method: SelectionMethod };

/** The simulation-based power: the scenario restricted to a pilot of 2k branches, on a grid of k and weeks. */
export function SimulatedSection({
  job,
  reason,
  onRun,
  onCancel,
  onUseEstimates,
  isStale = false,
  defaultWeeks = 8,
}: SimulatedSectionProps) {
  const { t } = useTranslation('planner');
  const [d, setD] = useState<Draft>({
    branchesPerArm: 5,
    weeks: defaultWeeks,
    replications: 50,
    method: 'stratified',
  });
  const isRunning = job.status === 'running';
  const isComplete = d.branchesPerArm !== undefined && d.weeks !== undefined && d.replications !== undefined;
  const num = (key: 'branchesPerArm' | 'weeks' | 'replications') => (
    <FieldShell id={`planner-sim-${key}`} label={t(`sim.${key}`)}>
      <NumberInput
        id={`planner-sim-${key}`}
        testId={`planner-sim-${key}`}
        value={d[key]}
        disabled={isRunning}
        onChange={(v) =>
          setD({ ...d, [key]: typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined })
        }
      />
    </FieldShell>
  );
  return (
    <Card title={t('sim.title')} subtitle={t('sim.subtitle')} testId="planner-sim">
      <div className="planner-controls no-print">
        {num('branchesPerArm')}
        {num('weeks')}
        {num('replications')}
        <div className="field">
          <label htmlFor="planner-sim-method" className="field__label">
            {t('sim.method')}
          </label>
          <select
            id="planner-sim-method"
            className="input"
            data-testid="planner-sim-method"
            value={d.method}
            disabled={isRunning}
            onChange={(e) => setD({ ...d, method: e.target.value as SelectionMethod })}
          >
            <option value="stratified">{t('sim.stratified')}</option>
            <option value="random">{t('sim.random')}</option>
          </select>
        </div>
        <div className="btn-group">
          <button
            type="button"
            className="btn btn--primary"
            data-testid="planner-sim-run"
            disabled={isRunning || reason !== null || !isComplete}
            onClick={() =>
              onRun({
                branchesPerArm: d.branchesPerArm!,
                weeks: d.weeks!,
                replications: d.replications!,
                method: d.method,
              })
            }
          >
            {t('sim.run')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="planner-sim-cancel"
            disabled={!isRunning}
            onClick={onCancel}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
      {reason ? <p className="muted">{reason}</p> : null}
      <JobStatusLine job={job} testId="planner-sim-status" />
      {job.value ? (
        <div className={isStale ? 'is-stale' : undefined} data-stale={isStale || undefined}>
          <SimulatedResults result={job.value} onUseEstimates={onUseEstimates} />
        </div>
      ) : null}
    </Card>
  );
}
