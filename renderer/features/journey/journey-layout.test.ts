import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END_ID, edgeName, layoutJourney } from './journey-layout';

const example = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));

describe('layoutJourney', () => {
  const layout = layoutJourney(example.strategies[0], example.channels, [], 0);

  it('draws one edge per outcome, from that outcome to its target', () => {
    const fromAgent = layout.edges.filter((e) => e.source === 'agent');
    expect(fromAgent.map((e) => [e.key, e.target, e.kind])).toEqual([
      ['onInterested', 'wm', 'referral'],
      ['onNotConverted', 'nurture', 'return'],
      ['onNotInterested', 'nurture', 'not_interested'],
      ['onNoContact', 'nurture', 'no_contact'],
    ]);
    expect(new Set(layout.edges.map((e) => e.id)).size).toBe(layout.edges.length);
  });

  it('names a forward "not converted" route a next step, and only a way back a return (回流)', () => {
    const name = (id: string) => {
      const e = layout.edges.find((x) => x.id === id);
      if (!e) throw new Error(id);
      return edgeName(e, layout);
    };
    // push → ai goes forward from online to remote: a next step, not a return.
    expect(name('push:onNotConverted')).toBe('next');
    // wm (offline) → nurture (online push): back to online nurture.
    expect(name('wm:onNotConverted')).toBe('return');
    expect(name('agent:onInterested')).toBe('referral');
    expect(name('push:onNoContact')).toBe('no_contact');
  });

  it('counts outcomes sharing a target so only the first is labelled', () => {
    const toNurture = layout.edges.filter((e) => e.source === 'agent' && e.target === 'nurture');
    expect(toNurture.map((e) => [e.rank, e.shared])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('marks outcomes left to End as defaults, and draws no referral for a closing step', () => {
    const fromAi = layout.edges.filter((e) => e.source === 'ai');
    expect(fromAi.map((e) => [e.key, e.target, e.isDefault])).toEqual([
      ['onInterested', 'agent', false],
      ['onNotConverted', END_ID, true],
      ['onNotInterested', END_ID, true],
      ['onNoContact', END_ID, true],
    ]);
    expect(layout.edges.some((e) => e.source === 'wm' && e.key === 'onInterested')).toBe(false);
    expect(layout.steps.find((s) => s.id === 'wm')?.targets.onInterested).toBeNull();
  });

  it('treats a referral to "end" as closing, and skips targets that are not steps', () => {
    const strategy = {
      journey: {
        start: 'a',
        steps: [{ id: 'a', channel: 'sms', onInterested: 'end', onNoContact: 'ghost' }],
      },
    };
    const l = layoutJourney(strategy, example.channels, [], 0);
    expect(l.edges.map((e) => e.key)).toEqual(['onNotConverted', 'onNotInterested']);
  });

  it('reports errors about the whole journey apart from those of steps and start', () => {
    const issues = [
      { severity: 'error' as const, path: 'strategies[0].journey', message: 'the cycle a → b has no wait' },
      { severity: 'error' as const, path: 'strategies[0].journey.start', message: 'bad start' },
      { severity: 'error' as const, path: 'strategies[0].journey.steps[1].waitDays', message: 'bad wait' },
    ];
    const l = layoutJourney(example.strategies[0], example.channels, issues, 0);
    expect(l.journeyErrors).toEqual(['the cycle a → b has no wait']);
    expect(l.startErrors).toEqual(['bad start']);
    expect(l.steps[1].errors).toEqual(['bad wait']);
  });
});
