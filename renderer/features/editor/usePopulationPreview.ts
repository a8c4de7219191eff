import { useEffect, useMemo, useState } from 'react';
import type { PopulationSummary } from '../../../sim/index';
import { type PreviewResult, requestPopulationSummary } from '../../sim-client/population-client';
import { useAppState } from '../../state/hooks';

export type PreviewState = {
  summary: PopulationSummary | null;
  isUpdating: boolean;
  error: string | null;
};

export type PreviewView = PreviewState & { hasScenario: boolean };

// Shared by every caller (the population panel, the segment sizes): the last summary and the request
// in flight, by key. A screen that mounts later shows the last summary at once instead of
// rebuilding it, and two callers with the same key share one request (the worker's "latest request
// wins" would otherwise leave one of them waiting for ever).
let cached: { key: string; summary: PopulationSummary } | null = null;
let pending: { key: string; result: Promise<PreviewResult> } | null = null;

function fetchPreview(key: string, scenario: Parameters<typeof requestPopulationSummary>[0]) {
  if (pending?.key === key) return pending.result;
  const result = requestPopulationSummary(scenario).then((r) => {
    if (r?.ok) cached = { key, summary: r.summary };
    return r;
  });
  pending = { key, result };
  return result;
}

/** Forget the shared summary (tests). */
export function resetPopulationPreviewCache(): void {
  cached = null;
  pending = null;
}

/**
 * The population summary of the current scenario, rebuilt in a worker after edits settle. It also
 * carries each strategy's segment size, so what a segment depends on (products, targets) is in the key.
 */
export function usePopulationPreview(delayMs = 400): PreviewView {
  const scenario = useAppState((s) => s.scenario);
  const key = useMemo(
    () =>
      scenario
        ? JSON.stringify([
            scenario.population,
            scenario.products,
            scenario.strategies.map((st) => [st.id, st.offer.product, st.target]),
            scenario.monteCarlo.seed,
          ])
        : null,
    [scenario],
  );
  const [state, setState] = useState<PreviewState>(() => ({
    summary: cached?.summary ?? null,
    isUpdating: false,
    error: null,
  }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key captures what the population depends on
  useEffect(() => {
    if (!scenario || key === null) return;
    const hit = cached;
    if (hit?.key === key) {
      setState({ summary: hit.summary, isUpdating: false, error: null });
      return;
    }
    let isCurrent = true;
    setState((s) => ({ ...s, isUpdating: true }));
    const timer = setTimeout(() => {
      fetchPreview(key, scenario).then((r) => {
        if (!isCurrent || r === null) return;
        setState((s) =>
          r.ok
            ? { summary: r.summary, isUpdating: false, error: null }
            : { ...s, isUpdating: false, error: r.error },
        );
      });
    }, delayMs);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [key, delayMs]);
  return { ...state, isUpdating: state.isUpdating && scenario !== null, hasScenario: scenario !== null };
}
