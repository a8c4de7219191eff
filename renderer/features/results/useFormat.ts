import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Formatters, makeFormatters, toNumberLocale } from './format';

/** Number formatters for the current UI language; stable between renders (chart options memoize on it). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation('results');
  const locale = toNumberLocale(i18n.language);
  return useMemo(() => makeFormatters(locale), [locale]);
}
