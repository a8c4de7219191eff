// The glossary: every scenario parameter and every result figure, in zh-CN and English — what it
// means, how it enters the model, a typical range and where that range comes from. Keys are
// scenario paths with list indices dropped (`channels[].responseEffect`), or `output.<id>`.
import type { TextLanguage } from '../scenario/local-text';
import { BEHAVIOUR_ENTRIES } from './glossary-behaviour';
import { OFFER_ENTRIES } from './glossary-offers';
import { OUTPUT_ENTRIES } from './glossary-outputs';
import { POPULATION_ENTRIES } from './glossary-population';
import { RUN_ENTRIES } from './glossary-run';
import { STRATEGY_ENTRIES } from './glossary-strategy';
import type { GlossarySource, RawEntries, RawEntry } from './glossary-types';

export { OUTPUT_IDS, type OutputId } from './glossary-outputs';
export { GLOSSARY_SOURCES, type GlossarySource } from './glossary-types';

const ENTRIES: RawEntries = {
  ...POPULATION_ENTRIES,
  ...BEHAVIOUR_ENTRIES,
  ...OFFER_ENTRIES,
  ...STRATEGY_ENTRIES,
  ...RUN_ENTRIES,
  ...OUTPUT_ENTRIES,
};

/** One glossary entry in one language. */
export type GlossaryEntry = {
  key: string;
  term: string;
  meaning: string;
  model: string;
  range: string;
  sources: readonly GlossarySource[];
  see: readonly string[];
};

function inLanguage(key: string, raw: RawEntry, lang: TextLanguage): GlossaryEntry {
  const [term, meaning, model, range] = lang === 'zh-CN' ? raw.zh : raw.en;
  return { key, term, meaning, model, range, sources: raw.src, see: raw.see ?? [] };
}

/** Every key, in the order population → offers → channels → strategies → run settings → outputs. */
export function glossaryKeys(): string[] {
  return Object.keys(ENTRIES);
}

/**
 * The glossary key of a scenario path or `output.<id>`: list indices and ids in brackets are
 * dropped (`strategies[omni_fund].holdout.share` → `strategies[].holdout.share`), and a path
 * inside a map (`products[0].propensity.byTier.mass`) falls back to the map's entry. Undefined
 * when nothing matches.
 */
export function glossaryKeyOf(path: string): string | undefined {
  const segs = path.replace(/\[[^\]]*\]/g, '[]').split('.');
  for (let n = segs.length; n > 0; n--) {
    const key = segs.slice(0, n).join('.');
    if (key in ENTRIES) return key;
  }
  return undefined;
}

/** The entry for a path or key in `lang` (zh-CN or en); undefined when there is none. */
export function glossaryEntry(pathOrKey: string, lang: string): GlossaryEntry | undefined {
  const key = glossaryKeyOf(pathOrKey);
  if (key === undefined) return undefined;
  return inLanguage(key, ENTRIES[key], lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

/** All entries in `lang` whose term, key, meaning or model text contains `query` (case-insensitive). */
export function searchGlossary(query: string, lang: string): GlossaryEntry[] {
  const q = query.trim().toLowerCase();
  const all = glossaryKeys().map((k) => glossaryEntry(k, lang) as GlossaryEntry);
  if (!q) return all;
  return all.filter((e) =>
    [e.key, e.term, e.meaning, e.model].some((text) => text.toLowerCase().includes(q)),
  );
}
