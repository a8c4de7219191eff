import { describe, expect, it } from 'vitest';
import { GLOSSARY_SOURCES, METRICS, MISTAKES } from '../../../sim/index';
import en from '../../i18n/teaching.en.json';

/** Every key path of a bundle, plural suffixes folded (zh-CN has only _other). */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

describe('teaching strings', () => {
  // Key and placeholder parity with Chinese: renderer/i18n/bundles.test.ts.
  it('words every metric, mistake and glossary source in both languages', () => {
    const all = new Set(keys(en));
    for (const m of METRICS) expect(all, m).toContain(`metric.${m}`);
    for (const m of MISTAKES) {
      expect(all, m).toContain(`mistake.${m}.short`);
      expect(all, m).toContain(`mistake.${m}.why`);
    }
    for (const s of GLOSSARY_SOURCES) expect(all, s).toContain(`source.${s}`);
  });
});
