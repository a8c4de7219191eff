import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultVariants, numericParams, prepareVariant } from './variants';

const doc = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));

describe('compare variants', () => {
  it('lists numbers by id-based parameter paths', () => {
    const paths = numericParams(doc);
    expect(paths).toContain('strategies[omni_fund].holdout.share');
    expect(paths).toContain('channels[ai_call].responseEffect');
    expect(paths).not.toContain('version');
  });

  it('applies overrides to a copy and validates the result', () => {
    const [, b] = defaultVariants(doc, { current: 'Current', holdout: (share) => `Holdout ${share}` });
    expect(b.name).toBe('Holdout 20%');
    const p = prepareVariant(doc, b);
    expect(p.result.ok).toBe(true);
    if (p.result.ok) expect(p.result.scenario.strategies[0].holdout.share).toBe(0.2);
    expect(doc.strategies[0].holdout.share).toBe(0.1);
  });

  it('reports overrides that do not name a number and values the schema rejects', () => {
    const p = prepareVariant(doc, {
      id: 'x',
      name: 'x',
      overrides: [
        { path: 'channels[nope].reachRate', value: 1 },
        { path: 'strategies[omni_fund].holdout.share', value: 3 },
      ],
    });
    expect(p.overrideErrors[0]).toContain('channels[nope]');
    expect(p.result.ok).toBe(false);
  });
});
