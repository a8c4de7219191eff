import { useEffect, useMemo, useState } from 'react';
import type { PopulationSummary } from '../../../sim/results';
import { requestPopulationSummary } from '../../sim-client/population-client';
import { useAppState } from '../../state/hooks';

export type PreviewState = {
  summary: PopulationSummary | null;
  isUpdating: boolean;
  error: string | null;
};

export type PreviewView = PreviewState & { hasScenario: boolean };

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
  const [state, setState] = useState<PreviewState>({ summary: null, isUpdating: false, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key captures what the population depends on
  useEffect(() => {
    if (!scenario || key === null) return;
    let isCurrent = true;
    setState((s) => ({ ...s, isUpdating: true }));
    const timer = setTimeout(() => {
      requestPopulationSummary(scenario).then((r) => {
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
