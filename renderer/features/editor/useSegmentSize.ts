import type { PopulationSummary, StrategySegment } from '../../../sim/index';
import { useDocValue } from '../../state/hooks';
import { usePopulationPreview } from './usePopulationPreview';

export type SegmentView = {
  segment: StrategySegment | null;
  tiers: PopulationSummary['tiers'];
  isUpdating: boolean;
  /** False while the scenario has errors: the numbers shown (if any) are from the last valid one. */
  hasScenario: boolean;
  error: string | null;
};

/** The live size of one strategy's segment, from the same debounced worker preview as the population. */
export function useSegmentSize(strategyIndex: number): SegmentView {
  const { summary, isUpdating, hasScenario, error } = usePopulationPreview();
  const id = useDocValue(`strategies[${strategyIndex}].id`);
  const candidate = summary?.segments?.[strategyIndex] ?? null;
  // After a reorder or rename the old summary is about another strategy until the worker answers.
  const segment = candidate && candidate.strategyId === id ? candidate : null;
  return { segment, tiers: summary?.tiers ?? [], isUpdating, hasScenario, error };
}
