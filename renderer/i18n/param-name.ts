// A scenario parameter as people know it: `channels[ai_call].responseEffect` reads
// "AI outbound call · Response effect" (the element's label from the scenario, the field's term
// from the glossary), in the studio's language; the path itself stays available for a tooltip.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { docTextIn, glossaryEntry } from '../../sim/index';
import { useAppState } from '../state/hooks';

const ELEMENT = /^(\w+)\[([^\]]+)\]/;

/** The name of `path` in the open scenario: element label · glossary term (the path when neither is known). */
export function paramName(doc: unknown, path: string, lang: string): string {
  const term = glossaryEntry(path, lang)?.term;
  const m = ELEMENT.exec(path);
  let element = '';
  if (m && doc !== null && typeof doc === 'object') {
    const list = (doc as Record<string, unknown>)[m[1]];
    const el = Array.isArray(list)
      ? list.find((x) => x !== null && typeof x === 'object' && (x as { id?: unknown }).id === m[2])
      : undefined;
    element = el ? docTextIn((el as { label?: unknown }).label, lang) || m[2] : m[2];
  }
  if (!term) return path;
  return element ? `${element} · ${term}` : term;
}

/** paramName for the open scenario in the studio's language. */
export function useParamName(): (path: string) => string {
  const { i18n } = useTranslation();
  const doc = useAppState((s) => s.doc);
  const lang = i18n.language;
  return useCallback((path: string) => paramName(doc, path, lang), [doc, lang]);
}
