// Scenario texts (names, labels, descriptions) may be written once or in both languages; the
// studio shows them in the user's language, falling back to the other when one side is empty.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { docTextIn } from '../../sim/index';
import { i18next } from './index';

/**
 * A function that words a scenario text in the studio's current language. It takes document
 * values as they are (maybe not valid yet): anything that is not a text gives ''.
 */
export function useLocalText(): (text: unknown) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback((text: unknown) => docTextIn(text, lang), [lang]);
}

/** The studio's language now, for code outside components (English before i18n has started). */
export function currentLanguage(): string {
  return i18next.language ?? 'en';
}
