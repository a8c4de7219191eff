// Journey → graph: steps as nodes laid out in lanes by channel wheel (online / remote / offline)
// and columns by distance from the start step; outcome links as typed edges.
import { docTextIn, isWithin } from '../../../sim/index';

export const WHEELS = ['online', 'remote', 'offline'] as const;
export type Wheel = (typeof WHEELS)[number];

export type EdgeKind = 'referral' | 'return' | 'not_interested' | 'no_contact';
export type OutcomeKey = 'onInterested' | 'onNotConverted' | 'onNotInterested' | 'onNoContact';
/** Edge kinds by outcome key, most important first (the order of a node's handles, top to bottom). */
export const OUTCOMES: ReadonlyArray<{ key: OutcomeKey; kind: EdgeKind }> = [
  { key: 'onInterested', kind: 'referral' },
  { key: 'onNotConverted', kind: 'return' },
  { key: 'onNotInterested', kind: 'not_interested' },
  { key: 'onNoContact', kind: 'no_contact' },
];

export type StepDoc = {
  id?: unknown;
  channel?: unknown;
  waitDays?: unknown;
  onNoContact?: unknown;
  onNotInterested?: unknown;
  onInterested?: unknown;
  onNotConverted?: unknown;
};

export type LaidOutStep = {
  index: number;
  id: string;
  channelId: string;
  channelLabel: string;
  wheel: Wheel | null;
  waitDays: number;
  isStart: boolean;
  errors: string[];
  /** Where each outcome leads: a step id, 'end', or null for a referral left out (close here). */
  targets: Record<OutcomeKey, string | null>;
  x: number;
  y: number;
  /** Drawn where the user dragged it (the journey's saved layout), not where auto layout put it. */
  isPlaced: boolean;
};

/** One outcome of one step: edges leave the step's handle for that outcome. */
/** What an edge's label says: a referral, a return to nurture, or which outcome moves on to a next step. */
export type EdgeName = EdgeKind | 'next';

/**
 * The name of an edge. A "not converted" route is a return (回流) only when it goes back: to an
 * earlier column, or from the remote/offline wheels to online nurture; otherwise it moves the
 * customer on to a next step (a forward hand-off is not a return).
 */
export function edgeName(edge: LaidOutEdge, layout: Pick<JourneyLayout, 'steps'>): EdgeName {
  if (edge.kind !== 'return') return edge.kind;
  const from = layout.steps[edge.stepIndex];
  const to = layout.steps.find((s) => s.id === edge.target);
  if (!from || !to) return 'return';
  const isBack = to.x < from.x || (to.wheel === 'online' && from.wheel !== 'online');
  return isBack ? 'return' : 'next';
}

export type LaidOutEdge = {
  id: string;
  source: string;
  target: string;
  stepIndex: number;
  key: OutcomeKey;
  kind: EdgeKind;
  /** Left at its default ('end'): nothing to delete. */
  isDefault: boolean;
  /** Outcomes of this step going to the same target, and this one's place among them (0 = first). */
  shared: number;
  rank: number;
};

export type JourneyLayout = {
  steps: LaidOutStep[];
  edges: LaidOutEdge[];
  lanes: Array<{ wheel: Wheel | null; y: number; height: number }>;
  end: { x: number; y: number };
  width: number;
  startErrors: string[];
  /** Errors about the journey as a whole (cycles that cannot end or have no wait). */
  journeyErrors: string[];
};

export const END_ID = '__end__';
const COL_W = 300;
const ROW_H = 104;
export const LANE_PAD = 22;
const X0 = 120;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Where an outcome leads. Left out, it ends; a referral left out (or to 'end') closes at the step. */
export function outcomeTarget(step: StepDoc, key: OutcomeKey): string | null {
  const to = str(step[key]);
  if (key === 'onInterested') return to && to !== 'end' ? to : null;
  return to || 'end';
}

/** A journey's saved positions (`journey.layout`), keeping only well-formed ones. */
function savedPositions(layout: unknown): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (!layout || typeof layout !== 'object' || Array.isArray(layout)) return out;
  for (const [id, at] of Object.entries(layout as Record<string, unknown>)) {
    const { x, y } = (at ?? {}) as { x?: unknown; y?: unknown };
    if (typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y))
      out.set(id, { x, y });
  }
  return out;
}

/**
 * Where a step dropped at canvas point `at` is saved: x as it is, y from the top of the step's lane
 * (a step stays in the lane of its channel's wheel; dropped above it, it sits at the lane's top).
 */
export function savedPosition(
  layout: Pick<JourneyLayout, 'lanes' | 'steps'>,
  stepId: string,
  at: { x: number; y: number },
): { x: number; y: number } {
  const step = layout.steps.find((s) => s.id === stepId);
  const lane = layout.lanes.find((l) => l.wheel === (step?.wheel ?? null));
  return { x: Math.max(0, at.x), y: Math.max(0, at.y - (lane?.y ?? 0)) };
}

/** An issue with its message already in the studio's language. */
export type WordedIssue = { path: string; message: string };

export function layoutJourney(
  strategy: unknown,
  channels: unknown,
  issues: readonly WordedIssue[],
  strategyIndex: number,
  lang = 'en',
): JourneyLayout {
  const journey = (
    strategy as { journey?: { start?: unknown; steps?: unknown; layout?: unknown } } | undefined
  )?.journey;
  const docs: StepDoc[] = Array.isArray(journey?.steps) ? (journey.steps as StepDoc[]) : [];
  const saved = savedPositions(journey?.layout);
  const start = str(journey?.start);
  const channelList = Array.isArray(channels)
    ? (channels as Array<{ id?: unknown; label?: unknown; wheel?: unknown }>)
    : [];
  const channelById = new Map(channelList.map((c) => [str(c.id), c]));
  const ids = docs.map((d, i) => str(d.id) || `#${i + 1}`);
  const indexById = new Map(ids.map((id, i) => [id, i]));
  const base = `strategies[${strategyIndex}].journey`;

  // Column = breadth-first distance from the start step.
  const depth = new Array<number>(docs.length).fill(-1);
  const queue: number[] = [];
  const s0 = indexById.get(start);
  if (s0 !== undefined) {
    depth[s0] = 0;
    queue.push(s0);
  }
  while (queue.length) {
    const i = queue.shift() as number;
    for (const { key } of OUTCOMES) {
      const j = indexById.get(str(docs[i][key]));
      if (j !== undefined && depth[j] < 0) {
        depth[j] = depth[i] + 1;
        queue.push(j);
      }
    }
  }
  // Steps not reached from the start (e.g. just added) share one column after the rest.
  let maxDepth = Math.max(0, ...depth);
  if (depth.some((d) => d < 0)) maxDepth++;
  for (let i = 0; i < depth.length; i++) if (depth[i] < 0) depth[i] = maxDepth;

  const laneOf = (i: number): Wheel | null => {
    const w = channelById.get(str(docs[i].channel))?.wheel;
    return WHEELS.includes(w as Wheel) ? (w as Wheel) : null;
  };
  const laneKeys: Array<Wheel | null> = [...WHEELS];
  if (docs.some((_, i) => laneOf(i) === null)) laneKeys.push(null);

  // Rows inside a lane: steps sharing a lane and a column stack vertically.
  const slot = new Map<string, number>();
  const rowOf = docs.map((_, i) => {
    const k = `${laneOf(i)}|${depth[i]}`;
    const r = slot.get(k) ?? 0;
    slot.set(k, r + 1);
    return r;
  });
  // Where each step sits: a saved position (x on the canvas, y from the top of its lane), else
  // its column and row. A lane grows to hold the steps placed in it.
  const placed = docs.map((_, i) => saved.get(ids[i]));
  const xOf = docs.map((_, i) => placed[i]?.x ?? X0 + depth[i] * COL_W);
  const yInLane = docs.map((_, i) => {
    const at = placed[i];
    return at ? Math.max(0, at.y) : LANE_PAD + rowOf[i] * ROW_H;
  });
  let y = 0;
  const lanes = laneKeys.map((wheel) => {
    const rows = Math.max(1, ...docs.map((_, i) => (laneOf(i) === wheel ? rowOf[i] + 1 : 0)));
    const lowest = Math.max(0, ...docs.map((_, i) => (laneOf(i) === wheel ? yInLane[i] + ROW_H : 0)));
    const lane = { wheel, y, height: Math.max(rows * ROW_H + LANE_PAD * 2, lowest + LANE_PAD) };
    y += lane.height + 8;
    return lane;
  });
  const laneY = new Map(lanes.map((l) => [l.wheel, l.y]));

  const steps: LaidOutStep[] = docs.map((d, i) => {
    const channel = channelById.get(str(d.channel));
    const targets = Object.fromEntries(OUTCOMES.map(({ key }) => [key, outcomeTarget(d, key)]));
    return {
      index: i,
      id: ids[i],
      channelId: str(d.channel),
      channelLabel: docTextIn(channel?.label, lang) || str(d.channel),
      wheel: laneOf(i),
      waitDays: typeof d.waitDays === 'number' ? d.waitDays : 0,
      isStart: ids[i] === start,
      errors: issues.filter((iss) => isWithin(iss.path, `${base}.steps[${i}]`)).map((iss) => iss.message),
      targets: targets as LaidOutStep['targets'],
      x: xOf[i],
      y: (laneY.get(laneOf(i)) ?? 0) + yInLane[i],
      isPlaced: placed[i] !== undefined,
    };
  });

  const edges: LaidOutEdge[] = [];
  docs.forEach((d, i) => {
    const mine: LaidOutEdge[] = [];
    for (const { key, kind } of OUTCOMES) {
      const to = outcomeTarget(d, key);
      // A target that is not a step draws nothing; validation reports it at the step.
      const target = to === 'end' ? END_ID : to !== null && indexById.has(to) ? to : null;
      if (target === null) continue;
      const rank = mine.filter((e) => e.target === target).length;
      mine.push({
        id: `${ids[i]}:${key}`,
        source: ids[i],
        target,
        stepIndex: i,
        key,
        kind,
        isDefault: to === 'end',
        shared: 0,
        rank,
      });
    }
    for (const e of mine) e.shared = mine.filter((o) => o.target === e.target).length;
    edges.push(...mine);
  });

  // End stays right of every step, wherever steps were dragged.
  const endX = Math.max(X0 + (maxDepth + 1) * COL_W, ...xOf.map((x) => x + COL_W));
  const width = endX + COL_W;
  return {
    steps,
    edges,
    lanes,
    end: { x: endX, y: Math.max(0, y / 2 - 30) },
    width,
    startErrors: issues.filter((iss) => iss.path === `${base}.start`).map((iss) => iss.message),
    journeyErrors: issues.filter((iss) => iss.path === base).map((iss) => iss.message),
  };
}
