// One long job on the Web Workers from a screen: its state (progress, result, cancelled, error),
// start, cancel (an AbortSignal the job passes down to the pool) and reset. A job still running
// when the screen goes away is cancelled.
import { useCallback, useEffect, useRef, useState } from 'react';

export type WorkerJobState<T> =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** What a job gets: the signal to pass to the pool, and a progress callback (done of total). */
export type WorkerJobContext = {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
};

export function useWorkerJob<T>() {
  const [state, setState] = useState<WorkerJobState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(async (job: (ctx: WorkerJobContext) => Promise<T>, total = 1) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setState({ status: 'running', done: 0, total });
    try {
      const value = await job({
        signal: ac.signal,
        progress: (done, of) => setState({ status: 'running', done, total: of }),
      });
      if (controller.current === ac) setState({ status: 'done', value });
    } catch (e) {
      if (controller.current === ac)
        setState(ac.signal.aborted ? { status: 'cancelled' } : { status: 'error', message: String(e) });
    } finally {
      if (controller.current === ac) controller.current = null;
    }
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  useEffect(() => () => controller.current?.abort(), []);
  return { state, run, cancel, reset };
}
