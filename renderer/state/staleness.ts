// Whether a result still belongs to the scenario being edited: results carry the fingerprint of
// the scenario text they were computed from (ResultSource); any edit or load changes the text.
import { scenarioFingerprint } from '../../sim/index';
import { useAppState } from './hooks';
import type { AppState, ResultSource } from './store';

let lastText: string | null = null;
let lastHash = '';

/** The fingerprint of the scenario text, memoised on the last text (selectors run on every change). */
export function fingerprintOf(text: string): string {
  if (text !== lastText) {
    lastHash = scenarioFingerprint(text);
    lastText = text;
  }
  return lastHash;
}

/** The source stamp for a result computed now from the store's scenario. */
export function currentSource(s: Pick<AppState, 'text' | 'fileName'>): ResultSource {
  return { hash: fingerprintOf(s.text), fileName: s.fileName };
}

/** A comparison belongs to the scenario and to its variants as they were when it ran. */
export function compareSource(s: Pick<AppState, 'text' | 'fileName' | 'variants'>): ResultSource {
  return { hash: compareHash(s.text, s.variants), fileName: s.fileName };
}

let lastVariants: AppState['variants'] | null = null;
let lastVariantsHash = '';
function compareHash(text: string, variants: AppState['variants']): string {
  if (variants !== lastVariants) {
    lastVariantsHash = scenarioFingerprint(JSON.stringify(variants));
    lastVariants = variants;
  }
  return `${fingerprintOf(text)}:${lastVariantsHash}`;
}

/** True when the comparison ran on another scenario or other variants than the open ones. */
export function useIsCompareStale(source: ResultSource | null | undefined): boolean {
  return useAppState((s) => source != null && compareHash(s.text, s.variants) !== source.hash);
}

export function isStale(source: ResultSource | null | undefined, text: string): boolean {
  return source != null && fingerprintOf(text) !== source.hash;
}

/** True when `source` is from another scenario (or another version of this one) than the open one. */
export function useIsStale(source: ResultSource | null | undefined): boolean {
  return useAppState((s) => isStale(source, s.text));
}
