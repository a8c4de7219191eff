import { describe, expect, it } from 'vitest';
import {
  addStep,
  canConnect,
  channelsInWheel,
  clearPositions,
  incomingRoutes,
  placeStep,
  positionsOf,
  removeStep,
  renameStep,
  resetOutcome,
  routeKey,
  setOutcome,
  skipTarget,
  targetOfNode,
  uniqueStepId,
} from './journey-edit';
import { END_ID } from './journey-layout';

type Steps = Array<Record<string, unknown>>;
const stepAt = (j: { steps?: unknown }, i: number) => (j.steps as Steps)[i];

const journey = () => ({
  start: 'push',
  steps: [
    { id: 'push', channel: 'app_push', waitDays: 0, onNoContact: 'sms', onNotInterested: 'ai' },
    { id: 'sms', channel: 'sms', waitDays: 1, onNoContact: 'ai', onInterested: 'ai' },
    { id: 'ai', channel: 'ai_call', waitDays: 3, onNotConverted: 'push', onInterested: 'sms' },
  ],
});

describe('setOutcome (connect on the canvas)', () => {
  it('sets the outcome field of that step only, leaving the input untouched', () => {
    const before = journey();
    const next = setOutcome(before, 0, 'onNotConverted', 'sms');
    expect(next.steps).toEqual([
      { ...before.steps[0], onNotConverted: 'sms' },
      before.steps[1],
      before.steps[2],
    ]);
    expect(next.start).toBe('push');
    expect(before.steps[0]).not.toHaveProperty('onNotConverted');
  });

  it('connects to End with "end", and a referral to End removes the referral (close here)', () => {
    expect(stepAt(setOutcome(journey(), 0, 'onNoContact', 'end'), 0).onNoContact).toBe('end');
    expect(stepAt(setOutcome(journey(), 1, 'onInterested', 'end'), 1)).not.toHaveProperty('onInterested');
  });

  it('allows a loop back to the same step (validation judges it)', () => {
    expect(stepAt(setOutcome(journey(), 1, 'onNoContact', 'sms'), 1).onNoContact).toBe('sms');
  });

  it('ignores a step index that does not exist', () => {
    expect(setOutcome(journey(), 7, 'onNoContact', 'sms')).toEqual(journey());
  });
});

describe('resetOutcome (delete an edge)', () => {
  it('sets no contact / not interested / not converted back to "end"', () => {
    const next = resetOutcome(journey(), 0, 'onNoContact');
    expect(stepAt(next, 0)).toMatchObject({ onNoContact: 'end', onNotInterested: 'ai' });
    expect(stepAt(resetOutcome(journey(), 2, 'onNotConverted'), 2).onNotConverted).toBe('end');
  });

  it('removes a referral, so the step closes', () => {
    expect(stepAt(resetOutcome(journey(), 1, 'onInterested'), 1)).toEqual({
      id: 'sms',
      channel: 'sms',
      waitDays: 1,
      onNoContact: 'ai',
    });
  });
});

describe('uniqueStepId', () => {
  it('uses the base when free, else the first free suffix', () => {
    expect(uniqueStepId(['push'], 'sms')).toBe('sms');
    expect(uniqueStepId(['sms', 'sms_2', 'sms_4'], 'sms')).toBe('sms_3');
  });

  it('always makes an id the schema accepts (lower_snake_case, starting with a letter)', () => {
    expect(uniqueStepId([], 'AI-Call 2')).toBe('ai_call_2');
    expect(uniqueStepId([], '9lives')).toBe('step_9lives');
    expect(uniqueStepId(['step'], '')).toBe('step_2');
  });
});

describe('addStep', () => {
  it('appends a step on the channel with a unique id and returns its index', () => {
    const { journey: next, index } = addStep(journey(), 'sms');
    expect(index).toBe(3);
    expect(stepAt(next, 3)).toEqual({ id: 'sms_2', channel: 'sms', waitDays: 1 });
    expect(next.start).toBe('push');
    const again = addStep(next, 'sms');
    expect(stepAt(again.journey, 4).id).toBe('sms_3');
  });

  it('makes the first step of an empty journey its start', () => {
    expect(addStep({ start: '', steps: [] }, 'wecom').journey).toEqual({
      start: 'wecom',
      steps: [{ id: 'wecom', channel: 'wecom', waitDays: 1 }],
    });
  });
});

describe('removeStep', () => {
  it('resets outcomes that led to the removed step to their defaults', () => {
    const r = removeStep(journey(), 1);
    expect(r?.selected).toBe(0);
    expect(r?.journey.steps).toEqual([
      { id: 'push', channel: 'app_push', waitDays: 0, onNoContact: 'end', onNotInterested: 'ai' },
      { id: 'ai', channel: 'ai_call', waitDays: 3, onNotConverted: 'push' },
    ]);
  });

  it('moves the start to the first remaining step when the start is removed', () => {
    const r = removeStep(journey(), 0);
    if (!r) throw new Error('expected a removal');
    expect(r.journey.start).toBe('sms');
    expect((r.journey.steps as Steps).map((s) => s.id)).toEqual(['sms', 'ai']);
    expect(stepAt(r.journey, 1).onNotConverted).toBe('end');
    expect(r.selected).toBe(0);
  });

  it('keeps the start otherwise, and refuses to remove the only step', () => {
    expect(removeStep(journey(), 2)?.journey.start).toBe('push');
    expect(removeStep({ start: 'a', steps: [{ id: 'a', channel: 'sms' }] }, 0)).toBeNull();
    expect(removeStep(journey(), 9)).toBeNull();
  });

  it('sends each route into the removed step where the redirect says', () => {
    const j = journey();
    expect(incomingRoutes(j, 2)).toEqual([
      { stepIndex: 0, stepId: 'push', key: 'onNotInterested' },
      { stepIndex: 1, stepId: 'sms', key: 'onInterested' },
      { stepIndex: 1, stepId: 'sms', key: 'onNoContact' },
    ]);
    // ai's own "no contact" is End, so skipping it means End.
    expect(skipTarget(j, 2)).toBe('end');
    expect(skipTarget(j, 0)).toBe('sms');
    const r = removeStep(j, 2, {
      [routeKey({ stepId: 'push', key: 'onNotInterested' })]: 'sms',
      'sms.onInterested': 'end',
      'sms.onNoContact': 'push',
    });
    expect(r?.journey.steps).toEqual([
      { id: 'push', channel: 'app_push', waitDays: 0, onNoContact: 'sms', onNotInterested: 'sms' },
      { id: 'sms', channel: 'sms', waitDays: 1, onNoContact: 'push' },
    ]);
  });
});

describe("renameStep (the step form's id field)", () => {
  it('renames the step, and the start and every outcome naming it follow', () => {
    const j = renameStep(journey(), 0, 'app_push');
    expect(j.start).toBe('app_push');
    expect((j.steps as Steps).map((s) => s.id)).toEqual(['app_push', 'sms', 'ai']);
    expect(stepAt(j, 2).onNotConverted).toBe('app_push');
    // Nothing else moves.
    expect(stepAt(j, 0)).toMatchObject({ onNoContact: 'sms', onNotInterested: 'ai' });
  });

  it("follows letter by letter, a step's own loop included", () => {
    let j: { start?: unknown; steps?: unknown } = {
      start: 'a',
      steps: [{ id: 'a', channel: 'sms', onNoContact: 'a' }],
    };
    for (const id of ['', 'r', 're', 'retry']) j = renameStep(j, 0, id);
    expect(j).toEqual({ start: 'retry', steps: [{ id: 'retry', channel: 'sms', onNoContact: 'retry' }] });
  });

  it("moves no reference while the new id is another step's (validation reports the duplicate)", () => {
    // Typing "aix" over "sms" passes through "ai", the id of another step.
    let j = renameStep(journey(), 1, 'a');
    expect(stepAt(j, 0).onNoContact).toBe('a');
    j = renameStep(j, 1, 'ai');
    expect((j.steps as Steps).map((s) => s.id)).toEqual(['push', 'ai', 'ai']);
    expect(stepAt(j, 0).onNoContact).toBe('a');
    expect(stepAt(j, 0).onNotInterested).toBe('ai');
    j = renameStep(j, 1, 'aix');
    // The real "ai" step's references stayed put.
    expect(stepAt(j, 0).onNotInterested).toBe('ai');
    expect(stepAt(j, 1).onInterested).toBe('ai');
  });
});

describe('saved canvas positions (journey.layout)', () => {
  it('saves a dropped step rounded, keeps the others, and clears back to auto layout', () => {
    const j = placeStep(placeStep(journey(), 'sms', { x: 400.4, y: 30.6 }), 'ai', { x: 700, y: 0 });
    expect(positionsOf(j)).toEqual({ sms: { x: 400, y: 31 }, ai: { x: 700, y: 0 } });
    expect(positionsOf(journey())).toEqual({});
    const cleared = clearPositions(j);
    expect('layout' in cleared).toBe(false);
    expect(cleared.steps).toEqual(journey().steps);
  });

  it('follows a renamed step and forgets a deleted one', () => {
    const j = placeStep(placeStep(journey(), 'sms', { x: 400, y: 30 }), 'ai', { x: 700, y: 10 });
    expect(positionsOf(renameStep(j, 1, 'sms_2'))).toEqual({
      sms_2: { x: 400, y: 30 },
      ai: { x: 700, y: 10 },
    });
    expect(positionsOf(removeStep(j, 1)?.journey)).toEqual({ ai: { x: 700, y: 10 } });
    // The last saved position gone: the block goes too (absent layout = auto layout).
    const one = placeStep(journey(), 'sms', { x: 1, y: 1 });
    expect('layout' in (removeStep(one, 1)?.journey ?? {})).toBe(false);
    expect('layout' in (removeStep(journey(), 1)?.journey ?? {})).toBe(false);
  });
});

describe('canConnect', () => {
  const ids = new Set(['push', 'sms']);
  it('accepts an outcome handle to a step, itself, or End', () => {
    expect(canConnect({ source: 'push', sourceHandle: 'onNoContact', target: 'sms' }, ids)).toBe(true);
    expect(canConnect({ source: 'push', sourceHandle: 'onNoContact', target: 'push' }, ids)).toBe(true);
    expect(canConnect({ source: 'push', sourceHandle: 'onNotConverted', target: END_ID }, ids)).toBe(true);
  });

  it('refuses a referral to End, unknown handles, lanes and unknown steps', () => {
    expect(canConnect({ source: 'push', sourceHandle: 'onInterested', target: END_ID }, ids)).toBe(false);
    expect(canConnect({ source: 'push', sourceHandle: null, target: 'sms' }, ids)).toBe(false);
    expect(canConnect({ source: 'push', sourceHandle: 'in', target: 'sms' }, ids)).toBe(false);
    expect(canConnect({ source: 'push', sourceHandle: 'onNoContact', target: 'lane-online' }, ids)).toBe(
      false,
    );
    expect(canConnect({ source: 'nope', sourceHandle: 'onNoContact', target: 'sms' }, ids)).toBe(false);
  });

  it('maps the End node to "end"', () => {
    expect(targetOfNode(END_ID)).toBe('end');
    expect(targetOfNode('sms')).toBe('sms');
  });
});

describe('channelsInWheel', () => {
  it('lists the channels of one wheel with their labels', () => {
    const channels = [
      { id: 'app_push', label: 'App push', wheel: 'online' },
      { id: 'sms', wheel: 'online' },
      { id: 'ai_call', label: 'AI call', wheel: 'remote' },
    ];
    expect(channelsInWheel(channels, 'online')).toEqual([
      { id: 'app_push', label: 'App push' },
      { id: 'sms', label: 'sms' },
    ]);
    expect(channelsInWheel(channels, 'offline')).toEqual([]);
    expect(channelsInWheel(undefined, 'online')).toEqual([]);
  });
});
