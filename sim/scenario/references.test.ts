import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '.';
import {
  addEntity,
  deleteEntity,
  deletionChanges,
  duplicateEntity,
  idsOf,
  moveEntity,
  renameEntity,
} from './references';

const omni = JSON.parse(
  readFileSync(new URL('../../scenarios/omnichannel-referral-pilot.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('deleting a referenced element', () => {
  it('lists every reference to a product: the offer, holds rules and priors', () => {
    expect(deletionChanges(omni, 'product', 'fund', 'wmp')).toEqual([
      { path: 'strategies[0].offer.product', strategy: 'omni_fund', action: 'replace', to: 'wmp' },
      { path: 'strategies[0].target.rules[1].values', strategy: 'omni_fund', action: 'remove' },
      { path: 'uncertainty[2]', action: 'remove' },
      { path: 'ledger[2]', action: 'remove' },
    ]);
  });

  it('applies exactly those changes and leaves a valid scenario', () => {
    const next = deleteEntity(omni, 'product', 'fund', 'wmp');
    expect(idsOf(next, 'product')).toEqual(['wmp', 'large_cd', 'app_active']);
    const st = (
      next.strategies as { offer: { product: string }; target: { rules: { attr: string }[] } }[]
    )[0];
    expect(st.offer.product).toBe('wmp');
    expect(st.target.rules.map((r) => r.attr)).toEqual(['tier']);
    expect((next.uncertainty as unknown[]).length).toBe(2);
    expect((next.ledger as { param: string }[]).map((e) => e.param)).not.toContain(
      'products[fund].propensity.base',
    );
    expect(validateScenario(next).ok).toBe(true);
    // The input is not changed.
    expect(idsOf(omni, 'product')).toContain('fund');
  });

  it('drops an optional incentive and re-points journey steps of a deleted channel', () => {
    expect(deletionChanges(omni, 'incentive', 'fee_coupon').map((c) => [c.path, c.action])).toEqual([
      ['strategies[0].incentive', 'remove'],
      ['ledger[9]', 'remove'],
    ]);
    const next = deleteEntity(omni, 'channel', 'sms', 'app_push');
    expect(validateScenario(next).ok).toBe(true);
    expect(JSON.stringify(next.strategies)).not.toContain('"channel":"sms"');
  });
});

describe('renaming and duplicating', () => {
  it('renames a channel in every step and prior that names it', () => {
    const next = renameEntity(omni, 'channel', 'ai_call', 'robot_call');
    expect(JSON.stringify(next)).not.toContain('ai_call');
    expect(validateScenario(next).ok).toBe(true);
  });

  it('renames a strategy in its priors too', () => {
    const doc = {
      ...omni,
      uncertainty: [
        { param: 'strategies[omni_fund].offer.fit', prior: { type: 'uniform', min: 0.8, max: 1.2 } },
      ],
    };
    const next = renameEntity(doc, 'strategy', 'omni_fund', 'fund_push');
    expect((next.uncertainty as { param: string }[])[0].param).toBe('strategies[fund_push].offer.fit');
    expect(validateScenario(next).ok).toBe(true);
  });

  it('duplicates under a fresh id, right after the original', () => {
    const a = duplicateEntity(omni, 'strategy', 'payday_wmp');
    const b = duplicateEntity(a.doc, 'strategy', 'payday_wmp');
    expect([a.id, b.id]).toEqual(['payday_wmp_copy', 'payday_wmp_copy_2']);
    expect(idsOf(b.doc, 'strategy')).toEqual([
      'omni_fund',
      'payday_wmp',
      'payday_wmp_copy_2',
      'payday_wmp_copy',
      'app_activation',
      'inflow_wm',
    ]);
    expect(validateScenario(b.doc).ok).toBe(true);
  });
});

describe('adding', () => {
  it('adds each kind under a fresh id and keeps the scenario valid', () => {
    let doc = omni;
    for (const kind of ['product', 'incentive', 'channel', 'strategy'] as const) {
      const r = addEntity(doc, kind);
      expect(r.id).toBe(`new_${kind}`);
      expect(idsOf(r.doc, kind)[r.index]).toBe(r.id);
      doc = r.doc;
    }
    const r = validateScenario(doc);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(addEntity(doc, 'product').id).toBe('new_product_2');
  });
});

describe('reordering', () => {
  it('moves a strategy earlier or later, clamped to the list', () => {
    const a = moveEntity(omni, 'strategy', 'inflow_wm', -2);
    expect(idsOf(a.doc, 'strategy')).toEqual(['omni_fund', 'inflow_wm', 'payday_wmp', 'app_activation']);
    expect(a.index).toBe(1);
    const b = moveEntity(a.doc, 'strategy', 'omni_fund', -1);
    expect(b.index).toBe(0);
    expect(idsOf(b.doc, 'strategy')).toEqual(idsOf(a.doc, 'strategy'));
    expect(validateScenario(a.doc).ok).toBe(true);
  });
});

describe('the saved Compare variants', () => {
  const withVariants = {
    ...omni,
    compare: {
      variants: [
        {
          id: 'v1',
          name: 'Fund via SMS',
          overrides: [
            { path: 'strategies[omni_fund].holdout.share', value: 0.2 },
            { path: 'strategies[omni_fund].journey.steps[push].channel', value: 'sms' },
            { path: 'strategies[payday_wmp].offer.product', value: 'fund' },
            { path: 'products[fund].propensity.base', value: 0.05 },
          ],
        },
      ],
    },
  } as Record<string, unknown>;
  const overrides = (doc: Record<string, unknown>) =>
    (doc.compare as { variants: { overrides: { path: string; value: unknown }[] }[] }).variants[0].overrides;

  it('lists and removes the overrides a deleted product or channel leaves pointing at nothing', () => {
    const changes = deletionChanges(withVariants, 'product', 'fund', 'wmp').filter((c) =>
      c.path.startsWith('compare'),
    );
    expect(changes).toEqual([
      { path: 'compare.variants[0].overrides[2]', action: 'remove' },
      { path: 'compare.variants[0].overrides[3]', action: 'remove' },
    ]);
    expect(overrides(deleteEntity(withVariants, 'product', 'fund', 'wmp')).map((o) => o.path)).toEqual([
      'strategies[omni_fund].holdout.share',
      'strategies[omni_fund].journey.steps[push].channel',
    ]);
    expect(overrides(deleteEntity(withVariants, 'channel', 'sms', 'app_push'))).toHaveLength(3);
  });

  it('follows a renamed strategy, product or channel in override paths and values', () => {
    const s = renameEntity(withVariants, 'strategy', 'omni_fund', 'fund_push');
    expect(
      overrides(s)
        .map((o) => o.path)
        .slice(0, 2),
    ).toEqual(['strategies[fund_push].holdout.share', 'strategies[fund_push].journey.steps[push].channel']);
    const p = renameEntity(withVariants, 'product', 'fund', 'equity_fund');
    expect(overrides(p).slice(2)).toEqual([
      { path: 'strategies[payday_wmp].offer.product', value: 'equity_fund' },
      { path: 'products[equity_fund].propensity.base', value: 0.05 },
    ]);
    const c = renameEntity(withVariants, 'channel', 'sms', 'text_message');
    expect(overrides(c)[1].value).toBe('text_message');
  });
});
