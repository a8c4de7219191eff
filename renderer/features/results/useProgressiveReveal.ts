import { startTransition, useEffect, useState } from 'react';
import { isPacedEnvironment } from '../../components/charts/chart-scheduler';

/**
 * How many of `total` sections to render: none at first, then one more per task after each
 * commit, so a big view's first render is a series of short tasks instead of one long one. Counts
 * only up: sections stay once shown. Everything at once in jsdom (tests).
 */
export function useProgressiveReveal(total: number): number {
  const [count, setCount] = useState(() => (isPacedEnvironment() ? 0 : total));
  useEffect(() => {
    if (count >= total) return;
    // A macrotask: the browser paints what is there and handles input before the next section.
    const timer = setTimeout(() => startTransition(() => setCount((c) => c + 1)), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}
