import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioSchema } from '../scenario/schema';
import {
  GLOSSARY_SOURCES,
  glossaryEntry,
  glossaryKeyOf,
  glossaryKeys,
  OUTPUT_IDS,
  searchGlossary,
} from './glossary';

type Json = Record<string, unknown>;

/** Every leaf field of the scenario schema as a glossary key (`channels[].reachRate`). */
function schemaLeaves(): string[] {
  const root = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  const defs = (root.$defs ?? {}) as Record<string, Json>;
  const out = new Set<string>();
  const walk = (node: Json, path: string): void => {
    const n = typeof node.$ref === 'string' ? defs[node.$ref.split('/').pop() as string] : node;
    const alts = (n.anyOf ?? n.oneOf) as Json[] | undefined;
    if (alts) {
      for (const alt of alts) walk(alt, path);
      return;
    }
    const props = n.properties as Record<string, Json> | undefined;
    // A text in both languages is one field, not two.
    const isBilingual = props && Object.keys(props).sort().join() === 'en,zh-CN';
    if (n.type === 'object' && props && !isBilingual) {
      for (const [k, v] of Object.entries(props)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    const items = n.items as Json | undefined;
    if (n.type === 'array' && items && (items.type === 'object' || items.anyOf || items.$ref)) {
      walk(items, `${path}[]`);
      return;
    }
    out.add(path);
  };
  walk(root, '');
  return [...out];
}

describe('glossary', () => {
  const leaves = schemaLeaves();

  it('has an entry, keyed exactly by its path, for every field of the scenario schema', () => {
    expect(leaves.length).toBeGreaterThan(140);
    const missing = leaves.filter((p) => !glossaryKeys().includes(p));
    expect(missing).toEqual([]);
  });

  it('has no entry for a field the schema does not have (stale keys)', () => {
    const fields = new Set(leaves);
    const stale = glossaryKeys().filter((k) => !k.startsWith('output.') && !fields.has(k));
    expect(stale).toEqual([]);
  });

  it('has an entry for every result figure', () => {
    for (const id of OUTPUT_IDS) expect(glossaryEntry(`output.${id}`, 'en'), id).toBeDefined();
    const outputs = glossaryKeys().filter((k) => k.startsWith('output.'));
    expect(outputs.sort()).toEqual(OUTPUT_IDS.map((id) => `output.${id}`).sort());
  });

  it('words every entry in both languages, with a known source and existing cross-references', () => {
    const han = /[\u4e00-\u9fff]/;
    for (const key of glossaryKeys()) {
      const en = glossaryEntry(key, 'en');
      const zh = glossaryEntry(key, 'zh-CN');
      if (!en || !zh) throw new Error(key);
      for (const text of [en.term, en.meaning, en.model, en.range, zh.term, zh.meaning, zh.model, zh.range])
        expect(text.trim(), key).not.toBe('');
      expect(han.test(zh.meaning), `${key}: zh-CN meaning in Chinese`).toBe(true);
      expect(zh.meaning, key).not.toBe(en.meaning);
      expect(en.sources.length, key).toBeGreaterThan(0);
      for (const s of en.sources) expect(GLOSSARY_SOURCES, key).toContain(s);
      for (const s of en.see) expect(glossaryKeys(), `${key} → ${s}`).toContain(s);
    }
  });

  it('finds the entry of a concrete path, by index, by id or inside a map', () => {
    expect(glossaryKeyOf('channels[2].responseEffect')).toBe('channels[].responseEffect');
    expect(glossaryKeyOf('strategies[omni_fund].holdout.share')).toBe('strategies[].holdout.share');
    expect(glossaryKeyOf('products[0].propensity.byTier.mass')).toBe('products[].propensity.byTier');
    expect(glossaryKeyOf('strategies[0].journey.steps[1].onInterested')).toBe(
      'strategies[].journey.steps[].onInterested',
    );
    expect(glossaryKeyOf('no.such.field')).toBeUndefined();
    expect(glossaryEntry('channels[0].leadHalfLifeDays', 'zh-CN')?.term).toBe('商机半衰期');
  });

  it('searches terms in the chosen language', () => {
    const hits = searchGlossary('疲劳', 'zh-CN').map((e) => e.key);
    expect(hits).toContain('channels[].fatigue.perRecentContact');
    expect(searchGlossary('close rate', 'en').map((e) => e.key)).toContain('channels[].closeRate');
    expect(searchGlossary('', 'en')).toHaveLength(glossaryKeys().length);
  });
});
