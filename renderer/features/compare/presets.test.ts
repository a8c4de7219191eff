import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueT, issueText } from '../../../messages/index';
import type { Override } from '../../state/store';
import { channelSwapPreset, dropStepPreset, HOLDOUT_SHARES, holdoutPreset, presetTargets } from './presets';
import { baseDocument, prepareVariant } from './variants';

const doc = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));
const base = baseDocument(doc);
const targets = presetTargets(base);
const omni = targets.strategies.find((s) => s.ref === 'omni_fund')!;
const run = (overrides: Override[]) => prepareVariant(doc, { id: 'p', name: 'p', overrides }, base);

describe('quick variant presets', () => {
  it('reads strategies, steps and channels from the document', () => {
    expect(targets.strategies.map((s) => s.ref)).toEqual([
      'omni_fund',
      'payday_wmp',
      'app_activation',
      'inflow_wm',
    ]);
    expect(omni.start).toBe('push');
    expect(omni.steps.map((s) => `${s.id}:${s.channel}`)).toEqual([
      'push:app_push',
      'sms:sms',
      'ai:ai_call',
      'agent:remote_agent',
      'wm:wealth_manager',
      'nurture:app_push',
    ]);
    expect(targets.channels[2]).toEqual({ id: 'ai_call', name: 'AI outbound call' });
  });

  it.each(HOLDOUT_SHARES)('sets a %s holdout for the chosen strategy', (share) => {
    const r = holdoutPreset(omni, share);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.overrides).toEqual([{ path: 'strategies[omni_fund].holdout.share', value: share }]);
    expect(r.name).toEqual({
      key: 'holdoutName',
      values: { share: `${share * 100}%`, strategy: 'omni_fund' },
    });
    const p = run(r.overrides);
    expect(p.result.ok && p.result.scenario.strategies[0].holdout.share).toBe(share);
  });

  it('swaps one step’s channel and validates', () => {
    const r = channelSwapPreset(targets, omni, 'sms', 'wecom');
    expect(r).toEqual({
      ok: true,
      overrides: [{ path: 'strategies[omni_fund].journey.steps[sms].channel', value: 'wecom' }],
      name: { key: 'swapName', values: { step: 'sms', channel: 'WeCom 1:1' } },
    });
    const p = r.ok ? run(r.overrides) : undefined;
    expect(p?.result.ok && p.result.scenario.strategies[0].journey.steps[1].channel).toBe('wecom');
    expect(channelSwapPreset(targets, omni, 'sms', 'sms')).toMatchObject({
      ok: false,
      error: { key: 'sameChannel' },
    });
    expect(channelSwapPreset(targets, omni, 'nope', 'sms')).toMatchObject({
      ok: false,
      error: { key: 'unknownStep' },
    });
    expect(channelSwapPreset(targets, omni, 'sms', 'fax')).toMatchObject({
      ok: false,
      error: { key: 'unknownChannel' },
    });
  });

  it('drops a step by rerouting what pointed to it to where it sent the unreached', () => {
    // push → sms on no contact; sms sends the unreached to ai.
    const r = dropStepPreset(omni, 'sms');
    expect(r.ok && r.overrides).toEqual([
      { path: 'strategies[omni_fund].journey.steps[push].onNoContact', value: 'ai' },
    ]);
    const p = r.ok ? run(r.overrides) : undefined;
    expect(p?.result.ok).toBe(true);
    if (p?.result.ok) {
      expect(p.result.warnings.map((w) => issueText(w, catalogueT()))).toContain(
        'step "sms" is never reached from start "push"',
      );
    }
  });

  it('drops a step whose unreached go to the end: routes into it end, referrals close', () => {
    const r = dropStepPreset(omni, 'ai');
    expect(r.ok && r.overrides).toEqual([
      { path: 'strategies[omni_fund].journey.steps[push].onNotInterested', value: 'end' },
      { path: 'strategies[omni_fund].journey.steps[push].onNotConverted', value: 'end' },
      { path: 'strategies[omni_fund].journey.steps[sms].onNoContact', value: 'end' },
      { path: 'strategies[omni_fund].journey.steps[sms].onNotInterested', value: 'end' },
      { path: 'strategies[omni_fund].journey.steps[sms].onNotConverted', value: 'end' },
    ]);
    expect(r.ok && run(r.overrides).result.ok).toBe(true);
    const wm = dropStepPreset(omni, 'wm');
    // agent refers to wm; wm sends the unreached to nurture, so the referral goes there.
    expect(wm.ok && wm.overrides).toEqual([
      { path: 'strategies[omni_fund].journey.steps[agent].onInterested', value: 'nurture' },
    ]);
  });

  it('moves the start when the first step is dropped, and says when it cannot', () => {
    const r = dropStepPreset(omni, 'push');
    expect(r.ok && r.overrides).toEqual([{ path: 'strategies[omni_fund].journey.start', value: 'sms' }]);
    expect(r.ok && run(r.overrides).result.ok).toBe(true);
    const inflow = targets.strategies.find((s) => s.ref === 'inflow_wm')!;
    // inflow_wm starts at wecom, which sends the unreached to wm: fine. wm itself ends.
    expect(dropStepPreset(inflow, 'wecom')).toMatchObject({ ok: true });
    const activation = targets.strategies.find((s) => s.ref === 'app_activation')!;
    expect(dropStepPreset(activation, 'sms')).toMatchObject({ ok: false, error: { key: 'cannotDropStart' } });
    expect(dropStepPreset(omni, 'nope')).toMatchObject({ ok: false, error: { key: 'unknownStep' } });
    const orphan = { ...omni, steps: [...omni.steps, { id: 'orphan', channel: 'sms' }] };
    expect(dropStepPreset(orphan, 'orphan')).toMatchObject({ ok: false, error: { key: 'notReached' } });
  });

  it('never reroutes a step to itself', () => {
    const payday = targets.strategies.find((s) => s.ref === 'payday_wmp')!;
    const loop = {
      ...payday,
      steps: [
        {
          id: 'push',
          channel: 'app_push',
          onNoContact: 'sms',
          onNotInterested: 'end',
          onNotConverted: 'end',
        },
        { id: 'sms', channel: 'sms', onNoContact: 'push', onNotInterested: 'end', onNotConverted: 'end' },
      ],
    };
    expect(dropStepPreset(loop, 'sms')).toMatchObject({
      ok: true,
      overrides: [{ path: 'strategies[payday_wmp].journey.steps[push].onNoContact', value: 'end' }],
    });
  });
});
