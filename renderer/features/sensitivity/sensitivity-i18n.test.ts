import { describe, expect, it } from 'vitest';
import en from '../../i18n/sensitivity.en.json';
import zh from '../../i18n/sensitivity.zh-CN.json';

// Chinese has one plural form, English two: compare keys with the plural suffix taken off.
function leaves(o: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v !== null && typeof v === 'object'
        ? Object.entries(leaves(v, `${prefix}${k}.`))
        : [[`${prefix}${k.replace(/_(one|other)$/, '')}`, String(v)]],
    ),
  );
}
const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('sensitivity translations (ledger, tornado)', () => {
  const e = leaves(en);
  const z = leaves(zh);
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(z).sort()).toEqual(Object.keys(e).sort());
  });
  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(e)) expect([k, placeholders(z[k] ?? '')]).toEqual([k, placeholders(e[k])]);
  });
});
