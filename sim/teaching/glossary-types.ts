// The glossary's shape. Entries are written as four texts per language — term, what it means,
// how it enters the model, its typical range — plus the sources of that range.

/** Where a typical range comes from (worded in the `teaching` namespace as `source.<id>`). */
export const GLOSSARY_SOURCES = [
  'seed000',
  'seed001',
  'seed002',
  'seed003',
  'seed004',
  'examples',
  'library',
  'model',
  'stats',
  'format',
] as const;
export type GlossarySource = (typeof GLOSSARY_SOURCES)[number];

/** [term, meaning, how it enters the model, typical range] in one language. */
export type GlossaryTexts = readonly [string, string, string, string];

export type RawEntry = {
  en: GlossaryTexts;
  zh: GlossaryTexts;
  src: readonly GlossarySource[];
  /** Related entries (keys). */
  see?: readonly string[];
};

export type RawEntries = Readonly<Record<string, RawEntry>>;
