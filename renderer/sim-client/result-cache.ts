// Run summaries (with their per-replication sample arrays) by run id, outside the store.
// Bounded: the oldest entries go first.
import type { RunSummary } from '../../sim/index';

const MAX_ENTRIES = 16;
const cache = new Map<string, RunSummary>();
const listeners = new Set<() => void>();

export function putSummary(runId: string, summary: RunSummary): void {
  cache.delete(runId);
  cache.set(runId, summary);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  for (const l of listeners) l();
}

export function getSummary(runId: string | null | undefined): RunSummary | undefined {
  return runId ? cache.get(runId) : undefined;
}

export function subscribeSummaries(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let counter = 0;
export function newRunId(prefix = 'run'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
