// naive-check from the results: the quoted multiples, a run of the search on the Web Workers
// (progress, cancel), and its report.
import { useCallback } from 'react';
import {
  type BlockRunner,
  type NaiveCheckReport,
  type NaiveMetric,
  naiveCheck,
  type Scenario,
} from '../../../sim/index';
import { webExecutor } from '../../sim-client/pool';
import { useWorkerJob, type WorkerJobState } from '../../sim-client/useWorkerJob';
import { useAppState } from '../../state/hooks';

export type NaiveCheckState = WorkerJobState<NaiveCheckReport>;

/** Replications per evaluated setting in the studio (the CLI's default is 12). */
export const STUDIO_NAIVE_REPLICATIONS = 8;

export function useNaiveCheck() {
  const workers = useAppState((s) => s.workers);
  const { state, run: runJob, cancel } = useWorkerJob<NaiveCheckReport>();
  const start = useCallback(
    (scenario: Scenario, strategy: string, quoted: Partial<Record<NaiveMetric, number>>) =>
      runJob(({ signal, progress }) => {
        const executor = webExecutor(() => Math.max(1, workers));
        const run: BlockRunner = (s, settings, range, onProgress) =>
          executor.run(s, settings, { range, onProgress, signal });
        return naiveCheck(
          scenario,
          strategy,
          quoted,
          { replications: STUDIO_NAIVE_REPLICATIONS },
          run,
          progress,
        );
      }),
    [workers, runJob],
  );
  return { state, start, cancel };
}
