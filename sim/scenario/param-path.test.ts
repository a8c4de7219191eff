import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getParam, getValue, parseParamPath, setParam, setValue } from './param-path';

const load = () => JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));

describe('parameter paths for numbers (priors)', () => {
  it('parses keys, ids and indexes', () => {
    expect(parseParamPath('channels[ai_call].responseEffect')).toEqual([
      { key: 'channels' },
      { select: 'ai_call' },
      { key: 'responseEffect' },
    ]);
    expect(parseParamPath('a..b[')).toBeUndefined();
    expect(parseParamPath('')).toBeUndefined();
  });

  it('reads and writes numbers by id or index', () => {
    const doc = load();
    expect(getParam(doc, 'channels[ai_call].responseEffect')).toBe(doc.channels[2].responseEffect);
    expect(getParam(doc, 'channels[2].responseEffect')).toBe(doc.channels[2].responseEffect);
    expect(setParam(doc, 'strategies[omni_fund].holdout.share', 0.3)).toBeUndefined();
    expect(doc.strategies[0].holdout.share).toBe(0.3);
  });

  it('refuses what is not a number, with the reason', () => {
    const doc = load();
    const notANumber = { code: 'path.not-a-number', params: {} };
    expect(getParam(doc, 'strategies[omni_fund].holdout.level')).toEqual(notANumber);
    expect(setParam(doc, 'strategies[omni_fund].holdout.level', 1)).toEqual(notANumber);
    expect(getParam(doc, 'channels[nope].reachRate')).toMatchObject({
      code: 'path.no-element',
      params: { select: 'nope', reason: { code: 'ref.unknown', params: { value: 'nope', what: 'element' } } },
    });
    expect(getParam(doc, 'channels[ai_call].reachRat')).toMatchObject({
      code: 'path.no-key',
      params: { key: 'reachRat', guess: 'reachRate' },
    });
    expect(doc.strategies[0].holdout.level).toBe('customer');
  });
});

describe('parameter paths for any scalar (compare variants)', () => {
  it('reads strings, numbers and journey steps by id', () => {
    const doc = load();
    expect(getValue(doc, 'strategies[omni_fund].journey.steps[sms].channel')).toEqual({
      ok: true,
      value: 'sms',
    });
    expect(getValue(doc, 'strategies[omni_fund].journey.steps[push].onNoContact')).toEqual({
      ok: true,
      value: 'sms',
    });
    expect(getValue(doc, 'strategies[omni_fund].holdout.share')).toEqual({ ok: true, value: 0.1 });
    expect(getValue(doc, 'monteCarlo.seed').ok).toBe(true);
  });

  it('writes a string in place and leaves other steps alone', () => {
    const doc = load();
    expect(setValue(doc, 'strategies[omni_fund].journey.steps[sms].channel', 'wecom')).toBeUndefined();
    expect(doc.strategies[0].journey.steps[1].channel).toBe('wecom');
    expect(doc.strategies[1].journey.steps[1].channel).toBe('sms');
  });

  it('refuses objects, lists and unknown steps', () => {
    const doc = load();
    const holdout = getValue(doc, 'strategies[omni_fund].holdout');
    expect(holdout.ok).toBe(false);
    if (!holdout.ok) expect(holdout.error.code).toBe('path.not-a-value');
    const step = getValue(doc, 'strategies[omni_fund].journey.steps[nope].channel');
    expect(step.ok).toBe(false);
    if (!step.ok)
      expect(step.error.params.reason).toMatchObject({
        params: { known: ['push', 'sms', 'ai', 'agent', 'wm', 'nurture'] },
      });
  });

  it('creates a missing last key only when asked', () => {
    const doc = load();
    const path = 'strategies[omni_fund].journey.steps[push].onInterested';
    expect(setValue(doc, path, 'agent')).toMatchObject({
      code: 'path.no-key',
      params: { key: 'onInterested' },
    });
    expect(doc.strategies[0].journey.steps[0].onInterested).toBeUndefined();
    expect(setValue(doc, path, 'agent', { canCreate: true })).toBeUndefined();
    expect(doc.strategies[0].journey.steps[0].onInterested).toBe('agent');
    // Only the last key: a missing object on the way is still an error.
    expect(setValue(doc, 'strategies[omni_fund].nope.x', 1, { canCreate: true })).toMatchObject({
      code: 'path.no-key',
      params: { key: 'nope' },
    });
  });
});
