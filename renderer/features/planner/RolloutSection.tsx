import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRolloutStages, type RolloutForecast, type RolloutStage } from '../../../sim/index';
import { Card } from '../../components/Card';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { JobStatusLine } from './JobStatusLine';
import { RolloutTable } from './RolloutTable';
import type { Job, PilotResult, RolloutRequest } from './usePilotPlan';

export type RolloutSectionProps = {
  pilot: PilotResult | null;
  job: Job<RolloutForecast[]>;
  onRun(req: RolloutRequest, pilot: PilotResult): void;
  onCancel(): void;
  /** The pilot (and so the rollout) came from another version of the scenario: dimmed, no new run. */
  isStale?: boolean;
};

/** From the pilot to more branches: intervals on conversion, net new money, cost and ROI, and capacity. */
export function RolloutSection({ pilot, job, onRun, onCancel, isStale = false }: RolloutSectionProps) {
  const { t } = useTranslation('planner');
  const [replications, setReplications] = useState<number | undefined>(30);
  const [sprint, setSprint] = useState<number | undefined>(undefined);
  const total = pilot?.branches.length ?? 0;
  const stages: RolloutStage[] = useMemo(() => {
    if (!pilot) return [];
    const share = sprint !== undefined && total > 0 ? sprint / total : 0.5;
    return defaultRolloutStages(pilot.report.selection, pilot.branches, share);
  }, [pilot, sprint, total]);
  const isRunning = job.status === 'running';
  return (
    <Card title={t('rollout.title')} subtitle={t('rollout.subtitle')} testId="planner-rollout">
      {!pilot ? (
        <p className="muted" data-testid="planner-rollout-needs-pilot">
          {t('rollout.needsPilot')}
        </p>
      ) : (
        <>
          <div className="planner-controls no-print">
            <FieldShell id="planner-rollout-replications" label={t('rollout.replications')}>
              <NumberInput
                id="planner-rollout-replications"
                testId="planner-rollout-replications"
                value={replications}
                disabled={isRunning}
                onChange={(v) =>
                  setReplications(typeof v === 'number' && Number.isInteger(v) && v >= 2 ? v : undefined)
                }
              />
            </FieldShell>
            <FieldShell id="planner-rollout-sprint" label={t('rollout.sprintBranches', { total })}>
              <NumberInput
                id="planner-rollout-sprint"
                testId="planner-rollout-sprint"
                value={sprint ?? Math.ceil(total / 2)}
                disabled={isRunning}
                onChange={(v) =>
                  setSprint(typeof v === 'number' && v > 0 ? Math.min(total, Math.round(v)) : undefined)
                }
              />
            </FieldShell>
            <div className="btn-group">
              <button
                type="button"
                className="btn btn--primary"
                data-testid="planner-rollout-run"
                disabled={isRunning || isStale || replications === undefined}
                onClick={() => onRun({ stages, replications: replications! }, pilot)}
              >
                {t('rollout.run')}
              </button>
              <button
                type="button"
                className="btn"
                data-testid="planner-rollout-cancel"
                disabled={!isRunning}
                onClick={onCancel}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
          <p data-testid="planner-rollout-stages">
            {stages
              .map((s) => t('rollout.stage', { stage: t(`rollout.stage_${s.id}`), n: s.branches.length }))
              .join(' → ')}
          </p>
        </>
      )}
      <JobStatusLine job={job} testId="planner-rollout-status" />
      {job.value ? (
        <div className={isStale ? 'is-stale' : undefined}>
          <RolloutTable forecasts={job.value} />
        </div>
      ) : null}
      <p className="muted">{t('rollout.note')}</p>
    </Card>
  );
}
