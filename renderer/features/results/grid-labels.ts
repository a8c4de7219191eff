import type { TFunction } from 'i18next';
import { type LocalText, textIn } from '../../../sim/index';

/**
 * Display names of KYC grid entries (wealth level, life stage, occupation). A plain string is an id
 * or a one-language label: translated when the studio knows the id, otherwise shown as written; a
 * bilingual label is shown in the studio's language.
 */
export function gridLabeler(t: TFunction<'results'>, lang: string) {
  const named = (kind: string, fallback: (id: string) => string) => (v: LocalText) =>
    typeof v === 'string' ? t(`grid.${kind}.${v}`, { defaultValue: fallback(v) }) : textIn(v, lang);
  return {
    wealth: named('wealth', (id) => id.toUpperCase()),
    lifeStage: named('lifeStage', (id) => id),
    occupation: named('occupation', (id) => id),
  };
}
