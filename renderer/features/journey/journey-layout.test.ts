import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END_ID, edgeName, layoutJourney, savedPosition } from './journey-layout';

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

  it('draws a step where it was dragged (x on the canvas, y inside its lane), the others as before', () => {
    const st = example.strategies[0];
    const auto = layoutJourney(st, example.channels, [], 0);
    const ai = auto.steps.find((s) => s.id === 'ai');
    const remote = auto.lanes.find((l) => l.wheel === 'remote');
    if (!ai || !remote) throw new Error('no ai step or remote lane');
    expect(ai.isPlaced).toBe(false);
    const at = savedPosition(auto, 'ai', { x: 1234, y: remote.y + 10 });
    expect(at).toEqual({ x: 1234, y: 10 });
    const placed = layoutJourney(
      { ...st, journey: { ...st.journey, layout: { ai: at } } },
      example.channels,
      [],
      0,
    );
    const moved = placed.steps.find((s) => s.id === 'ai');
    expect(moved).toMatchObject({ x: 1234, y: remote.y + 10, isPlaced: true });
    // Every other step stays where auto layout put it; End moves right of the dragged step.
    for (const s of placed.steps.filter((x) => x.id !== 'ai'))
      expect([s.x, s.y]).toEqual([auto.steps[s.index].x, auto.steps[s.index].y]);
    expect(placed.end.x).toBeGreaterThan(1234);
  });

  it('grows a lane to hold a step dragged below it, and never lets one leave its lane upwards', () => {
    const st = example.strategies[0];
    const auto = layoutJourney(st, example.channels, [], 0);
    const online = auto.lanes[0];
    const deep = layoutJourney(
      { ...st, journey: { ...st.journey, layout: { push: { x: 120, y: online.height + 100 } } } },
      example.channels,
      [],
      0,
    );
    expect(deep.lanes[0].height).toBeGreaterThan(online.height + 100);
    const push = deep.steps.find((s) => s.id === 'push');
    expect(push?.y).toBe(online.height + 100);
    expect(deep.lanes[1].y).toBeGreaterThan(push?.y ?? 0);
    expect(savedPosition(auto, 'ai', { x: -50, y: 0 })).toEqual({ x: 0, y: 0 });
  });
});
