// The planner's strings live in namespace 'planner' (renderer/i18n/planner.*.json). Until the
// shell loads every renderer/i18n/*.json, the screen adds its own bundles to the running i18next.
import type { i18n as I18n } from 'i18next';
import plannerEn from '../../i18n/planner.en.json';
import plannerZh from '../../i18n/planner.zh-CN.json';

export const PLANNER_NS = 'planner';

const BUNDLES: Record<string, object> = { en: plannerEn, 'zh-CN': plannerZh };

/** Adds the planner bundles to an initialized i18next once (idempotent). */
export function ensurePlannerI18n(i18n: I18n): void {
  if (!i18n.isInitialized || typeof i18n.hasResourceBundle !== 'function') return;
  for (const [lng, bundle] of Object.entries(BUNDLES)) {
    if (!i18n.hasResourceBundle(lng, PLANNER_NS))
      i18n.addResourceBundle(lng, PLANNER_NS, bundle, true, false);
  }
}
