import { describe, expect, it } from 'vitest';
import { glossaryEntry, OUTPUT_IDS } from '../../../sim/index';
import { KPI_NAMES } from '../results/kpis';

describe('glossary coverage of the results', () => {
  it('has an entry for every headline KPI card', () => {
    for (const name of KPI_NAMES) {
      expect(OUTPUT_IDS, name).toContain(name);
      expect(glossaryEntry(`output.${name}`, 'zh-CN')?.term, name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
