import { describe, expect, it } from 'vitest';
import en from '../../i18n/results.en.json';
import zh from '../../i18n/results.zh-CN.json';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(o: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out[path] = [...v.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    else if (v && typeof v === 'object')
      for (const [k, c] of Object.entries(v)) walk(c, path ? `${path}.${k}` : k);
  };
  walk(o, '');
  return out;
}

describe('results translations', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    expect(placeholders(zh)).toEqual(placeholders(en));
  });
});
