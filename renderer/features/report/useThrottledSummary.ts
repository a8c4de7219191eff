import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../sim/index';

/**
 * While a run streams, pass the dashboard a new partial summary at most every `intervalMs`
 * (re-rendering all its charts is the heaviest work on the UI thread); the final one at once.
 */
export function useThrottledSummary(summary: RunSummary | undefined, isRunning: boolean, intervalMs = 2000) {
  const [shown, setShown] = useState(summary);
  const lastAt = useRef(0);
  useEffect(() => {
    if (summary === shown) return;
    const wait = isRunning && shown ? lastAt.current + intervalMs - performance.now() : 0;
    const apply = () => {
      lastAt.current = performance.now();
      setShown(summary);
    };
    if (wait <= 0) {
      apply();
      return;
    }
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [summary, shown, isRunning, intervalMs]);
  // Render the dashboard as a transition so typing and clicks stay responsive meanwhile.
  return useDeferredValue(shown);
}
