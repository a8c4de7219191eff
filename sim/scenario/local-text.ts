// Text a scenario author may write once or in both languages: "…" or { "zh-CN": "…", "en": "…" }.
// A widening of format version 1 (a plain string stays valid), so no migration is needed.
import { z } from 'zod';

export const TEXT_LANGUAGES = ['zh-CN', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export const BilingualTextSchema = z
  .strictObject({ 'zh-CN': z.string(), en: z.string() })
  .describe('The same text in Simplified Chinese and English.');

/** A plain string, or the same text in both languages. */
export const LocalTextSchema = z.union([z.string(), BilingualTextSchema]);

/** As LocalTextSchema, but never empty (in either language). */
export const RequiredLocalTextSchema = z.union([
  z.string().min(1),
  z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
]);

export type LocalText = z.infer<typeof LocalTextSchema>;

/** The text in `lang`; a bilingual text falls back to the other language when one side is empty. */
export function textIn(text: LocalText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const want: TextLanguage = lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const other: TextLanguage = want === 'en' ? 'zh-CN' : 'en';
  return text[want] || text[other];
}

/** One language-neutral line for outputs that carry no language (CLI, result files): "中文 / English". */
export function bothLanguages(text: LocalText): string {
  if (typeof text === 'string') return text;
  const parts = [text['zh-CN'], text.en].filter((s) => s !== '');
  return [...new Set(parts)].join(' / ');
}

/** Whether a document value is a scenario text: a string, or `{ "zh-CN": …, "en": … }` strings. */
export function isLocalText(v: unknown): v is LocalText {
  if (typeof v === 'string') return true;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o['zh-CN'] === 'string' && typeof o.en === 'string';
}

/** A document value (maybe not valid yet) as text in `lang`: '' when it is not a scenario text. */
export function docTextIn(v: unknown, lang: string): string {
  return isLocalText(v) ? textIn(v, lang) : '';
}
