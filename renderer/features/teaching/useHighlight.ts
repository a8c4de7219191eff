import { useEffect } from 'react';
import type { StudioPart } from '../../../sim/index';

/** Where each studio part a lesson can point at lives on screen. */
const SELECTORS: Record<StudioPart, string> = {
  'nav-overview': '[data-testid="nav-overview"]',
  'nav-population': '[data-testid="nav-population"]',
  'nav-offers': '[data-testid="nav-offers"]',
  'nav-strategies': '[data-testid="nav-strategies"]',
  'nav-channels': '[data-testid="nav-channels"]',
  'nav-calendar': '[data-testid="nav-calendar"]',
  'nav-results': '[data-testid="nav-results"]',
  'nav-compare': '[data-testid="nav-compare"]',
  'nav-planner': '[data-testid="nav-planner"]',
  'run-button': '[data-testid="run-button"]',
  'kpi-grid': '[data-testid="kpi-grid"]',
  verdict: '[data-testid="verdict"]',
  funnel: '[data-glossary="funnel"]',
  'naive-vs-causal': '[data-glossary="naive-vs-causal"]',
  flows: '[data-glossary="flows"]',
  cost: '[data-testid="cost-breakdown"]',
  'channels-table': '[data-testid="channel-table"]',
  'population-preview': '[data-testid="population-preview-panel"]',
};

const CLASS = 'lesson-highlight';

/**
 * Outline the part a lesson step points at. The part may appear later (results stream in, a screen
 * opens), so the DOM is watched until the step changes.
 */
export function useHighlight(part: StudioPart | undefined): void {
  useEffect(() => {
    if (!part) return;
    let marked: Element | null = null;
    const mark = () => {
      const el = document.querySelector(SELECTORS[part]);
      if (el === marked) return;
      marked?.classList.remove(CLASS);
      el?.classList.add(CLASS);
      marked = el;
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      marked?.classList.remove(CLASS);
    };
  }, [part]);
}
