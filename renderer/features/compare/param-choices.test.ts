import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zh from '../../i18n/zh-CN.json';
import { matchesQuery, paramChoices, valueKind, valueOptions } from './param-choices';
import { baseDocument } from './variants';

const doc = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));
const base = baseDocument(doc);
const choices = paramChoices(base);
const byPath = (path: string) => choices.find((c) => c.path === path);

describe('parameter picker choices', () => {
  it('groups each strategy with its holdout, budget, offer, incentive and script quality', () => {
    const omni = choices.filter((c) => c.group.id === 'strategies[omni_fund]');
    expect(omni[0].group).toEqual({
      id: 'strategies[omni_fund]',
      kind: 'strategy',
      name: 'Omni-channel fund referral',
    });
    expect(omni.map((c) => c.field)).toEqual(
      expect.arrayContaining([
        'holdoutShare',
        'holdoutLevel',
        'budget',
        'offerProduct',
        'offerFit',
        'incentive',
        'scriptQuality',
        'journeyStart',
      ]),
    );
    expect(byPath('strategies[omni_fund].holdout.share')?.value).toBe(0.1);
    // scriptQuality is left out of the file; its default has a path in the base document.
    expect(byPath('strategies[omni_fund].scriptQuality')?.value).toBe(1);
  });

  it('lists every journey step by id with its channel, wait and routes', () => {
    for (const step of ['push', 'sms', 'ai', 'agent', 'wm', 'nurture']) {
      const at = `strategies[omni_fund].journey.steps[${step}]`;
      expect(byPath(`${at}.channel`)).toMatchObject({ field: 'stepChannel', step });
      expect(byPath(`${at}.waitDays`)?.field).toBe('stepWait');
      expect(byPath(`${at}.onNoContact`)?.field).toBe('stepOnNoContact');
      expect(byPath(`${at}.onNotConverted`)?.field).toBe('stepOnNotConverted');
      expect(byPath(`${at}.onInterested`)?.field).toBe('stepOnInterested');
    }
    expect(byPath('strategies[omni_fund].journey.steps[sms].channel')?.value).toBe('sms');
    // A referral the file leaves out can still be added (value unset).
    expect(byPath('strategies[omni_fund].journey.steps[push].onInterested')?.value).toBeUndefined();
    expect(byPath('strategies[omni_fund].journey.steps[ai].onInterested')?.value).toBe('agent');
    // A strategy without an incentive can be given one.
    expect(byPath('strategies[inflow_wm].incentive')?.value).toBeUndefined();
  });

  it('covers channels, products, incentives, population, contact policy, and other numbers by path', () => {
    expect(byPath('channels[ai_call].costPerAttemptCny')?.group.kind).toBe('channel');
    expect(byPath('channels[ai_call].capacity.attemptsPerWeek')?.field).toBe('capacity');
    expect(byPath('channels[wealth_manager].capacity.attemptsPerStaffPerWeek')?.field).toBe(
      'capacityPerStaff',
    );
    expect(byPath('channels[app_push].capacity.attemptsPerWeek')).toBeUndefined();
    expect(byPath('channels[sms].responseEffect')?.field).toBe('responseEffect');
    expect(byPath('products[fund].propensity.base')?.group).toMatchObject({
      kind: 'product',
      name: expect.any(String),
    });
    expect(byPath('incentives[fee_coupon].costPerRedemptionCny')?.group.kind).toBe('incentive');
    expect(byPath('population.size')).toMatchObject({ field: 'size', group: { kind: 'population' } });
    expect(byPath('contactPolicy.maxContactsPerWeek')?.value).toBe(2);
    expect(byPath('population.aum.longTailShare')).toMatchObject({ field: null, group: { kind: 'other' } });
    expect(choices.some((c) => c.path.startsWith('monteCarlo.'))).toBe(false);
    expect(new Set(choices.map((c) => c.path)).size).toBe(choices.length);
  });

  it('picks the control from the meaning of the path', () => {
    const step = 'strategies[omni_fund].journey.steps[sms]';
    expect(valueKind(base, `${step}.channel`)).toBe('channel');
    expect(valueKind(base, `${step}.onNoContact`)).toBe('step');
    expect(valueKind(base, 'strategies[omni_fund].offer.product')).toBe('product');
    expect(valueKind(base, 'strategies[omni_fund].incentive')).toBe('incentive');
    expect(valueKind(base, 'strategies[omni_fund].holdout.level')).toBe('enum');
    expect(valueKind(base, `${step}.waitDays`)).toBe('number');
    // Any other string (labels and meta.name are bilingual now; each language is a plain string).
    expect(valueKind(base, 'strategies[omni_fund].label.en')).toBe('text');
  });

  it('offers the scenario’s ids (with labels), and step ids plus end for routes', () => {
    expect(
      valueOptions(base, 'strategies[omni_fund].journey.steps[sms].channel')?.map((o) => o.value),
    ).toEqual(['app_push', 'sms', 'ai_call', 'remote_agent', 'wecom', 'wealth_manager']);
    expect(valueOptions(base, 'strategies[omni_fund].journey.steps[sms].channel')?.[0].name).toBe('App push');
    const routes = valueOptions(base, 'strategies[payday_wmp].journey.steps[push].onNoContact');
    expect(routes).toEqual([
      { value: 'push', name: 'App push' },
      { value: 'sms', name: 'SMS' },
      { value: 'end', key: 'end' },
    ]);
    expect(valueOptions(base, 'strategies[omni_fund].journey.steps[ai].onInterested')?.at(-1)).toEqual({
      value: 'end',
      key: 'endInterested',
    });
    expect(valueOptions(base, 'strategies[omni_fund].journey.start')?.some((o) => o.value === 'end')).toBe(
      false,
    );
    expect(valueOptions(base, 'strategies[omni_fund].offer.product')?.map((o) => o.value)).toEqual([
      'fund',
      'wmp',
      'large_cd',
      'app_active',
    ]);
    expect(valueOptions(base, 'strategies[omni_fund].incentive')?.map((o) => o.value)).toEqual([
      'points_500',
      'fee_coupon',
      'app_gift',
    ]);
    expect(valueOptions(base, 'strategies[omni_fund].holdout.level')).toEqual([
      { value: 'customer', key: 'level.customer' },
      { value: 'branch', key: 'level.branch' },
    ]);
    expect(valueOptions(base, 'channels[sms].costPerAttemptCny')).toBeUndefined();
  });

  it('searches by every word', () => {
    expect(matchesQuery('Strategy · Omni Step sms · channel', 'sms channel')).toBe(true);
    expect(matchesQuery('Strategy · Omni Step sms · channel', 'SMS  wait')).toBe(false);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });
});

/** The string at a dotted key of a translation object, or undefined. */
const lookup = (o: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe('picker labels', () => {
  it.each(['omnichannel-referral-pilot', 'wealth-maturity-retention', 'long-tail-app-activation'])(
    'exist in English and Chinese for every choice of %s',
    (name) => {
      const b = baseDocument(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));
      for (const lang of [en.compare, zh.compare]) {
        for (const c of paramChoices(b)) {
          if (c.field !== null) expect(lookup(lang, `field.${c.field}`), c.field).toBeTypeOf('string');
          expect(lookup(lang, `group.${c.group.kind}`), c.group.kind).toBeTypeOf('string');
          for (const o of valueOptions(b, c.path) ?? [])
            if (o.key) expect(lookup(lang, o.key), o.key).toBeTypeOf('string');
        }
      }
    },
  );

  it('exist for every preset name and error', () => {
    const keys = ['holdoutName', 'swapName', 'dropName', 'unknownStep', 'unknownChannel', 'sameChannel'];
    for (const lang of [en.compare, zh.compare])
      for (const k of [...keys, 'cannotDropStart', 'notReached'])
        expect(lookup(lang, `preset.${k}`), k).toBeTypeOf('string');
    for (const k of ['yes', 'no', 'unset', 'end', 'endInterested'])
      for (const lang of [en.compare, zh.compare]) expect(lookup(lang, k), k).toBeTypeOf('string');
  });
});
