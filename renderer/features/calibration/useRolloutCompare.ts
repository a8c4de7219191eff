// The rollout to every branch forecast before and after calibration (the planner's forecast, run
// twice on the Web Workers), with progress and cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type BranchInfo,
  type CalibrationReport,
  compareRollouts,
  type RolloutComparison,
  type Scenario,
} from '../../../sim/index';
import { useAppState } from '../../state/hooks';
import { workerSimulator } from '../planner/simulator';

export type RolloutCompareState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; value: RolloutComparison }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export const ROLLOUT_REPLICATIONS = 60;

export function useRolloutCompare() {
  const workers = useAppState((s) => s.workers);
  const [state, setState] = useState<RolloutCompareState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (
      scenario: Scenario,
      report: CalibrationReport,
      branches: readonly BranchInfo[],
      replications: number,
    ) => {
      const ac = new AbortController();
      controller.current = ac;
      const sim = workerSimulator(() => Math.max(1, workers));
      setState({ status: 'running', done: 0, total: 2 * replications });
      try {
        const value = await compareRollouts(
          scenario,
          report.calibrated,
          branches,
          { replications, seed: String(scenario.monteCarlo.seed) },
          (s, settings, point) =>
            sim.run(
              s,
              settings,
              point,
              (d) =>
                setState({
                  status: 'running',
                  done: point.index * replications + d,
                  total: 2 * replications,
                }),
              ac.signal,
            ),
        );
        setState({ status: 'done', value });
      } catch (e) {
        setState(ac.signal.aborted ? { status: 'cancelled' } : { status: 'error', message: String(e) });
      } finally {
        controller.current = null;
      }
    },
    [workers],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  useEffect(() => () => controller.current?.abort(), []);
  return { state, start, cancel, reset };
}
