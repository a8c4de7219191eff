// The rollout to every branch forecast before and after calibration (the planner's forecast, run
// twice on the Web Workers), with progress and cancel.
import { useCallback } from 'react';
import {
  type BranchInfo,
  type CalibrationReport,
  compareRollouts,
  type RolloutComparison,
  type Scenario,
} from '../../../sim/index';
import { useWorkerJob, type WorkerJobState } from '../../sim-client/useWorkerJob';
import { useAppState } from '../../state/hooks';
import { workerSimulator } from '../planner/simulator';

export type RolloutCompareState = WorkerJobState<RolloutComparison>;

export const ROLLOUT_REPLICATIONS = 60;

export function useRolloutCompare() {
  const workers = useAppState((s) => s.workers);
  const { state, run, cancel, reset } = useWorkerJob<RolloutComparison>();
  const start = useCallback(
    (scenario: Scenario, report: CalibrationReport, branches: readonly BranchInfo[], replications: number) =>
      run(({ signal, progress }) => {
        const sim = workerSimulator(() => Math.max(1, workers));
        return compareRollouts(
          scenario,
          report.calibrated,
          branches,
          { replications, seed: String(scenario.monteCarlo.seed) },
          (s, settings, point) =>
            sim.run(
              s,
              settings,
              point,
              (d) => progress(point.index * replications + d, 2 * replications),
              signal,
            ),
        );
      }, 2 * replications),
    [workers, run],
  );
  return { state, start, cancel, reset };
}
