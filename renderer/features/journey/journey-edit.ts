// Pure edits of one journey document ({ start, steps }), shared by the canvas and the step form.
// Each returns a new journey; the caller writes it with one setField, so validation, autosave and
// the raw JSON see a single change.
import { docTextIn } from '../../../sim/index';
import { END_ID, OUTCOMES, type OutcomeKey, type StepDoc, type Wheel } from './journey-layout';

export type JourneyDoc = { start?: unknown; steps?: unknown; layout?: unknown };
/** Saved canvas positions by step id (the schema's optional `journey.layout`). */
export type StepPositions = Record<string, { x: number; y: number }>;

const OUTCOME_KEYS: ReadonlySet<string> = new Set(OUTCOMES.map((o) => o.key));
const ID_RE = /^[a-z][a-z0-9_]*$/;

export function isOutcomeKey(v: unknown): v is OutcomeKey {
  return typeof v === 'string' && OUTCOME_KEYS.has(v);
}

export function stepsOf(journey: unknown): StepDoc[] {
  const steps = (journey as JourneyDoc | undefined)?.steps;
  return Array.isArray(steps) ? (steps as StepDoc[]) : [];
}

function withSteps(journey: unknown, steps: StepDoc[], start?: unknown): JourneyDoc {
  const base = journey && typeof journey === 'object' ? (journey as JourneyDoc) : {};
  return { ...base, ...(start !== undefined ? { start } : {}), steps };
}

/** The saved positions of a journey (none when absent or not an object). */
export function positionsOf(journey: unknown): StepPositions {
  const layout = (journey as JourneyDoc | undefined)?.layout;
  return layout && typeof layout === 'object' && !Array.isArray(layout) ? (layout as StepPositions) : {};
}

/** The journey with `positions` as its layout; an empty layout is left out (auto layout). */
function withPositions(journey: JourneyDoc, positions: StepPositions): JourneyDoc {
  const { layout: _old, ...rest } = journey;
  return Object.keys(positions).length > 0 ? { ...rest, layout: positions } : rest;
}

/** Save where step `id` was dropped on the canvas (rounded to whole canvas units). */
export function placeStep(journey: unknown, id: string, at: { x: number; y: number }): JourneyDoc {
  const base = journey && typeof journey === 'object' ? (journey as JourneyDoc) : {};
  return withPositions(base, { ...positionsOf(journey), [id]: { x: Math.round(at.x), y: Math.round(at.y) } });
}

/** Forget every saved position: the canvas lays the journey out automatically again. */
export function clearPositions(journey: unknown): JourneyDoc {
  const base = journey && typeof journey === 'object' ? (journey as JourneyDoc) : {};
  return withPositions(base, {});
}

/** A step with one outcome set; `undefined` removes the field (its schema default applies). */
function withOutcome(step: StepDoc, key: OutcomeKey, value: string | undefined): StepDoc {
  const next: StepDoc = { ...step };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The value an outcome gets when connected to `target` (a step id or 'end'). A referral to 'end'
 * means nothing to the engine (the step closes), so it removes the field instead.
 */
export function outcomeValue(key: OutcomeKey, target: string): string | undefined {
  return key === 'onInterested' && target === 'end' ? undefined : target;
}

/** Connect an outcome of step `index` to a step id or 'end'. */
export function setOutcome(journey: unknown, index: number, key: OutcomeKey, target: string): JourneyDoc {
  const steps = stepsOf(journey);
  if (!steps[index]) return withSteps(journey, steps);
  const next = steps.map((s, i) => (i === index ? withOutcome(s, key, outcomeValue(key, target)) : s));
  return withSteps(journey, next);
}

/**
 * Back to the schema default (JourneyStepSchema): 'end' for no contact / not interested / not
 * converted; no referral at all (close at this step) for onInterested.
 */
export function resetOutcome(journey: unknown, index: number, key: OutcomeKey): JourneyDoc {
  return setOutcome(journey, index, key, 'end');
}

/** `base` made a valid step id (lower_snake_case), then suffixed `_2`, `_3`… until unused. */
export function uniqueStepId(taken: readonly unknown[], base: string): string {
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const root = ID_RE.test(clean) ? clean : `step${clean ? `_${clean}` : ''}`;
  const used = new Set(taken.map(String));
  if (!used.has(root)) return root;
  let n = 2;
  while (used.has(`${root}_${n}`)) n++;
  return `${root}_${n}`;
}

/** Append a step on `channel` (id from the channel, a one-day wait, every outcome at its default). */
export function addStep(journey: unknown, channel: string): { journey: JourneyDoc; index: number } {
  const steps = stepsOf(journey);
  const id = uniqueStepId(
    steps.map((s) => s.id),
    channel || 'step',
  );
  const start = steps.length === 0 ? id : undefined;
  return {
    journey: withSteps(journey, [...steps, { id, channel, waitDays: 1 }], start),
    index: steps.length,
  };
}

/** An outcome of another step that leads into a step: what deleting that step has to re-route. */
export type IncomingRoute = { stepIndex: number; stepId: string; key: OutcomeKey };

/** Every outcome of the other steps that leads to step `index` (in step and outcome order). */
export function incomingRoutes(journey: unknown, index: number): IncomingRoute[] {
  const steps = stepsOf(journey);
  const goneId = steps[index]?.id;
  if (goneId === undefined) return [];
  return steps.flatMap((s, i) =>
    i === index
      ? []
      : OUTCOMES.filter(({ key }) => s[key] === goneId).map(({ key }) => ({
          stepIndex: i,
          stepId: String(s.id),
          key,
        })),
  );
}

/**
 * Where a route into step `index` goes by default when the step is deleted: where the step itself
 * sends customers it could not reach (skipping it), or End when that is the step itself.
 */
export function skipTarget(journey: unknown, index: number): string {
  const gone = stepsOf(journey)[index];
  const next = gone?.onNoContact;
  return typeof next === 'string' && next !== gone?.id ? next : 'end';
}

/** The key of an incoming route in a redirect map: `push.onNoContact`. */
export const routeKey = (r: { stepId: string; key: OutcomeKey }) => `${r.stepId}.${r.key}`;

/**
 * Remove step `index`. Outcomes of other steps that led to it go where `redirect` says (keyed by
 * routeKey, a step id or 'end'); any not listed go back to their defaults (end, or close here for a
 * referral). If it was the start, the first remaining step becomes the start (as the step form
 * always did). A journey keeps at least one step (the schema's minimum): removing the last one
 * returns null.
 */
export function removeStep(
  journey: unknown,
  index: number,
  redirect: Readonly<Record<string, string>> = {},
): { journey: JourneyDoc; selected: number } | null {
  const steps = stepsOf(journey);
  const gone = steps[index];
  if (!gone || steps.length <= 1) return null;
  const goneId = gone.id;
  const next = steps
    .filter((_, i) => i !== index)
    .map((s) =>
      OUTCOMES.reduce((acc, { key }) => {
        if (acc[key] === undefined || acc[key] !== goneId) return acc;
        const to = redirect[routeKey({ stepId: String(s.id), key })];
        return withOutcome(acc, key, outcomeValue(key, to !== undefined && to !== goneId ? to : 'end'));
      }, s),
    );
  const start = (journey as JourneyDoc).start;
  const { [String(goneId)]: _gone, ...positions } = positionsOf(journey);
  const rest = withSteps(journey, next, start === goneId ? next[0].id : undefined);
  return {
    journey: 'layout' in rest ? withPositions(rest, positions) : rest,
    selected: Math.max(0, index - 1),
  };
}

/**
 * Give step `index` the id `nextId`; the start and every outcome that named the old id follow it.
 * They follow only while the rename is unambiguous: the old id named this step alone and the new
 * one names no other step (typing an id letter by letter passes through other steps' ids; then
 * validation reports the duplicate or dangling reference instead of references moving silently).
 */
export function renameStep(journey: unknown, index: number, nextId: string): JourneyDoc {
  const steps = stepsOf(journey);
  const step = steps[index];
  if (!step) return withSteps(journey, steps);
  const oldId = step.id;
  const isFollowed =
    typeof oldId === 'string' &&
    oldId !== 'end' &&
    nextId !== 'end' &&
    steps.filter((s) => s.id === oldId).length === 1 &&
    !steps.some((s, i) => i !== index && s.id === nextId);
  const next = steps.map((s, i) => {
    const renamed = i === index ? { ...s, id: nextId } : s;
    if (!isFollowed) return renamed;
    return OUTCOMES.reduce(
      (acc, { key }) => (acc[key] === oldId ? withOutcome(acc, key, nextId) : acc),
      renamed,
    );
  });
  const start = (journey as JourneyDoc).start;
  const renamed = withSteps(journey, next, isFollowed && start === oldId ? nextId : undefined);
  // The saved position follows the step too (under the same rule as the routes).
  const positions = positionsOf(journey);
  if (!isFollowed || !(String(oldId) in positions)) return renamed;
  const { [String(oldId)]: at, ...others } = positions;
  return withPositions(renamed, { ...others, [nextId]: at });
}

export type ChannelOption = { id: string; label: string };

/** The channels of one wheel, as journey-layout.ts places steps in lanes. */
export function channelsInWheel(channels: unknown, wheel: Wheel, lang = 'en'): ChannelOption[] {
  const list = Array.isArray(channels)
    ? (channels as Array<{ id?: unknown; label?: unknown; wheel?: unknown }>)
    : [];
  return list
    .filter((c) => c.wheel === wheel && typeof c.id === 'string' && c.id !== '')
    .map((c) => ({
      id: String(c.id),
      label: docTextIn(c.label, lang) || String(c.id),
    }));
}

export type CanvasConnection = {
  source: string;
  target: string;
  sourceHandle?: string | null;
};

/**
 * Can this drag on the canvas become an outcome? From an outcome handle of a step to a step that
 * has a real id, or to End (except a referral: a referral to End is just "close here", which is
 * what deleting the referral edge does). Loops are allowed: the engine caps visits, and validation
 * reports cycles that cannot end or have no wait.
 */
export function canConnect(conn: CanvasConnection, stepIds: ReadonlySet<string>): boolean {
  if (!stepIds.has(conn.source) || !isOutcomeKey(conn.sourceHandle)) return false;
  if (conn.target === END_ID) return conn.sourceHandle !== 'onInterested';
  return stepIds.has(conn.target);
}

/** The doc target ('end' or a step id) for a canvas node id. */
export function targetOfNode(nodeId: string): string {
  return nodeId === END_ID ? 'end' : nodeId;
}
