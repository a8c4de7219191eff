import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankScenario, validateScenario } from '../../../sim/index';
import { edgeName, layoutJourney } from './journey-layout';
import { missingWheels, TEMPLATE_KINDS, templateJourney } from './journey-templates';

const omni = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));

describe('template journeys', () => {
  it.each(TEMPLATE_KINDS)('%s makes a valid journey on the blank scenario and on the example', (kind) => {
    for (const doc of [blankScenario() as Record<string, unknown>, omni]) {
      const journey = templateJourney(kind, doc.channels);
      expect(journey).not.toBeNull();
      const strategies = doc.strategies as Array<Record<string, unknown>>;
      const next = { ...doc, strategies: [{ ...strategies[0], journey }, ...strategies.slice(1)] };
      const r = validateScenario(next);
      expect(r.ok ? [] : r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('walks the wheels it is named after, with a referral and a return in the three-wheel one', () => {
    const channels = blankScenario().channels;
    const wheelsOf = (kind: (typeof TEMPLATE_KINDS)[number]) => {
      const layout = layoutJourney({ journey: templateJourney(kind, channels) }, channels, [], 0);
      return { layout, wheels: layout.steps.map((s) => s.wheel) };
    };
    expect(wheelsOf('online').wheels).toEqual(['online', 'online']);
    expect(wheelsOf('online_remote').wheels).toEqual(['online', 'remote']);
    const three = wheelsOf('three_wheels');
    expect(three.wheels).toEqual(['online', 'remote', 'offline', 'online']);
    const names = three.layout.edges
      .filter((e) => !e.isDefault)
      .map((e) => `${e.id}=${edgeName(e, three.layout)}`);
    expect(names).toContain('call:onInterested=referral');
    expect(names).toContain('advisor:onNotConverted=return');
    // The start is an app push, the remote step an AI call, the referral a wealth manager.
    expect(three.layout.steps.map((s) => s.channelId)).toEqual([
      'app_push',
      'ai_call',
      'wealth_manager',
      'sms',
    ]);
  });

  it('is refused, naming the wheel, when the scenario has no channel there', () => {
    const onlineOnly = blankScenario().channels.filter((c) => c.wheel === 'online');
    expect(missingWheels('online', onlineOnly)).toEqual([]);
    expect(missingWheels('three_wheels', onlineOnly)).toEqual(['remote', 'offline']);
    expect(templateJourney('online_remote', onlineOnly)).toBeNull();
  });
});
