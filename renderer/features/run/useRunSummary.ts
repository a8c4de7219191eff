import { useSyncExternalStore } from 'react';
import type { RunSummary } from '../../../sim/index';
import { getSummary, subscribeSummaries } from '../../sim-client/result-cache';
import { useAppState } from '../../state/hooks';

/** A summary from the result cache, re-rendering when a newer one arrives. */
export function useCachedSummary(runId: string | null | undefined): RunSummary | undefined {
  return useSyncExternalStore(subscribeSummaries, () => getSummary(runId));
}

/** The latest run's summary (partial while it streams). */
export function useLatestSummary(): RunSummary | undefined {
  return useCachedSummary(useAppState((s) => s.run.runId));
}
