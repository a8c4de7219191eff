// naive-check from the results: the quoted multiples, a run of the search on the Web Workers
// (progress, cancel), and its report.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type BlockRunner,
  type NaiveCheckReport,
  type NaiveMetric,
  naiveCheck,
  type Scenario,
} from '../../../sim/index';
import { webExecutor } from '../../sim-client/pool';
import { useAppState } from '../../state/hooks';

export type NaiveCheckState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; report: NaiveCheckReport }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** Replications per evaluated setting in the studio (the CLI's default is 12). */
export const STUDIO_NAIVE_REPLICATIONS = 8;

export function useNaiveCheck() {
  const workers = useAppState((s) => s.workers);
  const [state, setState] = useState<NaiveCheckState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const start = useCallback(
    async (scenario: Scenario, strategy: string, quoted: Partial<Record<NaiveMetric, number>>) => {
      const ac = new AbortController();
      controller.current = ac;
      const executor = webExecutor(() => Math.max(1, workers));
      const run: BlockRunner = (s, settings, range, onProgress) =>
        executor.run(s, settings, { range, onProgress, signal: ac.signal });
      setState({ status: 'running', done: 0, total: 1 });
      try {
        const report = await naiveCheck(
          scenario,
          strategy,
          quoted,
          { replications: STUDIO_NAIVE_REPLICATIONS },
          run,
          (done, total) => setState({ status: 'running', done, total }),
        );
        setState({ status: 'done', report });
      } catch (e) {
        setState(ac.signal.aborted ? { status: 'cancelled' } : { status: 'error', message: String(e) });
      } finally {
        controller.current = null;
      }
    },
    [workers],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);
  return { state, start, cancel };
}
