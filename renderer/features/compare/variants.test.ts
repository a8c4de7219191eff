import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueT, issueText } from '../../../messages/index';
import { getValue, validateScenario } from '../../../sim/index';

const en = catalogueT('en');

import type { Variant } from '../../state/store';
import {
  appliedDocument,
  baseDocument,
  defaultVariants,
  mergeOverrides,
  numericParams,
  prepareVariant,
} from './variants';

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

  it('applies a variant to the document as written, or refuses when the result is invalid', () => {
    const v: Variant = {
      id: 'v2',
      name: 'More holdout',
      overrides: [{ path: 'strategies[omni_fund].holdout.share', value: 0.3 }],
    };
    const applied = appliedDocument(doc, v) as typeof doc;
    expect(applied.strategies[0].holdout.share).toBe(0.3);
    // Only the change: no schema defaults are written into the user's file, and the input is untouched.
    expect({ ...applied, strategies: doc.strategies }).toEqual(doc);
    expect(doc.strategies[0].holdout.share).toBe(0.1);
    const bad: Variant = { ...v, overrides: [{ path: 'strategies[omni_fund].holdout.share', value: 3 }] };
    expect(appliedDocument(doc, bad)).toBeNull();
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
    expect(p.overrideErrors[0].path).toContain('channels[nope]');
    expect(p.overrideErrors[0].code).toBe('path.no-element');
    expect(p.result.ok).toBe(false);
  });
});

describe('variants that change strings (channels, routes, ids)', () => {
  const base = baseDocument(doc);
  const prepare = (overrides: Variant['overrides']) =>
    prepareVariant(doc, { id: 'x', name: 'x', overrides }, base);

  it('fills the schema defaults in so defaulted fields have paths, and re-validates to the same scenario', () => {
    expect(getValue(doc, 'strategies[payday_wmp].journey.steps[sms].waitDays').ok).toBe(true);
    expect(getValue(doc, 'strategies[payday_wmp].journey.steps[push].waitDays').ok).toBe(false);
    expect(getValue(base, 'strategies[payday_wmp].journey.steps[push].waitDays')).toEqual({
      ok: true,
      value: 0,
    });
    const again = validateScenario(base);
    expect(again.ok && again.scenario).toEqual(base);
  });

  it('moves a journey step to another channel', () => {
    const p = prepare([{ path: 'strategies[omni_fund].journey.steps[sms].channel', value: 'wecom' }]);
    expect(p.overrideErrors).toEqual([]);
    expect(p.result.ok).toBe(true);
    if (p.result.ok) expect(p.result.scenario.strategies[0].journey.steps[1].channel).toBe('wecom');
    expect(doc.strategies[0].journey.steps[1].channel).toBe('sms');
  });

  it('says clearly when a string names an unknown id', () => {
    const p = prepare([{ path: 'strategies[omni_fund].journey.steps[sms].channel', value: 'fax' }]);
    expect(p.result.ok).toBe(false);
    if (!p.result.ok) {
      const issue = p.result.issues.find((i) => i.path === 'strategies[0].journey.steps[1].channel');
      expect(issueText(issue!, en)).toContain('"fax" is not a channel; known: app_push, sms, ai_call');
    }
    const route = prepare([
      { path: 'strategies[omni_fund].journey.steps[push].onNoContact', value: 'nowhere' },
    ]);
    expect(route.result.ok).toBe(false);
    if (!route.result.ok) expect(issueText(route.result.issues[0], en)).toContain('"nowhere" is not a step');
  });

  it('adds an optional referral, but not a misspelt field', () => {
    const ok = prepare([{ path: 'strategies[omni_fund].journey.steps[push].onInterested', value: 'agent' }]);
    expect(ok.result.ok && ok.result.scenario.strategies[0].journey.steps[0].onInterested).toBe('agent');
    const typo = prepare([{ path: 'strategies[omni_fund].journey.steps[push].onIntrested', value: 'agent' }]);
    expect(issueText(typo.overrideErrors[0], en)).toContain('has no "onIntrested" here');
  });

  it('still takes numeric overrides as older builds made them', () => {
    const p = prepare([{ path: 'channels[ai_call].responseEffect', value: 0.5 }]);
    expect(p.result.ok && p.result.scenario.channels[2].responseEffect).toBe(0.5);
  });

  it('merges preset overrides over existing ones at the same path', () => {
    const merged = mergeOverrides(
      [
        { path: 'strategies[omni_fund].holdout.share', value: 0.2 },
        { path: '', value: 0 },
        { path: 'channels[sms].costPerAttemptCny', value: 0.1 },
      ],
      [{ path: 'strategies[omni_fund].holdout.share', value: 0.05 }],
    );
    expect(merged).toEqual([
      { path: 'channels[sms].costPerAttemptCny', value: 0.1 },
      { path: 'strategies[omni_fund].holdout.share', value: 0.05 },
    ]);
  });
});
