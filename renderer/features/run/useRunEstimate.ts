// The run's estimated time and memory, from the scenario and the worker count (sim/estimate.ts),
// and whether the studio should ask first or refuse.
import {
  type EstimateMessage,
  estimateMessage,
  estimateRun,
  type RunEstimate,
  type Scenario,
} from '../../../sim/index';
import { useAppState } from '../../state/hooks';

/** Above these the studio asks before running: a run of over a minute, or over a gigabyte. */
export const ASK_ABOVE_SECONDS = 60;
export const ASK_ABOVE_BYTES = 2 ** 30;

/**
 * Memory the studio lets a run use: half of the device memory the browser reports
 * (navigator.deviceMemory, in GB; 4 when it reports none), at most 4 GB — the workers, the
 * summarizer and the page share one renderer process, and a 5,000,000-customer run already stalled
 * at ~2.3 GB in the browser.
 */
export function studioMemoryBytes(): number {
  const nav = typeof navigator !== 'undefined' ? (navigator as { deviceMemory?: number }) : {};
  const gb = typeof nav.deviceMemory === 'number' && nav.deviceMemory > 0 ? nav.deviceMemory : 4;
  return 0.5 * Math.min(gb, 8) * 2 ** 30;
}

export type RunCost = {
  estimate: RunEstimate;
  message: EstimateMessage;
  isRefused: boolean;
  /** Large enough that Run asks for confirmation first. */
  isLarge: boolean;
};

/** The run cost of `scenario` with `workers` workers on this device. */
export function runCostOf(scenario: Scenario, workers: number): RunCost {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  const estimate = estimateRun(scenario, scenario.monteCarlo.replications, workers, cores);
  const message = estimateMessage(estimate, studioMemoryBytes());
  const isRefused = message.code === 'estimate.too-big';
  return {
    estimate,
    message,
    isRefused,
    isLarge: !isRefused && (estimate.wallSeconds > ASK_ABOVE_SECONDS || estimate.peakBytes > ASK_ABOVE_BYTES),
  };
}

/** The current scenario's run cost, or null while the scenario is invalid. */
export function useRunEstimate(): RunCost | null {
  const scenario = useAppState((s) => s.scenario);
  const workers = useAppState((s) => s.workers);
  return scenario ? runCostOf(scenario, workers) : null;
}
