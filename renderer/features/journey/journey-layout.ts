// Journey → graph: steps as nodes laid out in lanes by channel wheel (online / remote / offline)
// and columns by distance from the start step; outcome links as typed edges.
import type { ScenarioIssue } from '../../../sim/scenario';
import { isWithin } from '../../state/path';

export const WHEELS = ['online', 'remote', 'offline'] as const;
export type Wheel = (typeof WHEELS)[number];

export type EdgeKind = 'referral' | 'return' | 'not_interested' | 'no_contact';
/** Edge kinds by outcome key, most important first (used when two outcomes share an edge). */
export const OUTCOMES: ReadonlyArray<{ key: keyof StepDoc; kind: EdgeKind }> = [
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
  x: number;
  y: number;
};

export type LaidOutEdge = { id: string; source: string; target: string; kinds: EdgeKind[] };

export type JourneyLayout = {
  steps: LaidOutStep[];
  edges: LaidOutEdge[];
  lanes: Array<{ wheel: Wheel | null; y: number; height: number }>;
  end: { x: number; y: number };
  width: number;
  startErrors: string[];
};

export const END_ID = '__end__';
const COL_W = 260;
const ROW_H = 78;
const LANE_PAD = 22;
const X0 = 140;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function layoutJourney(
  strategy: unknown,
  channels: unknown,
  issues: readonly ScenarioIssue[],
  strategyIndex: number,
): JourneyLayout {
  const journey = (strategy as { journey?: { start?: unknown; steps?: unknown } } | undefined)?.journey;
  const docs: StepDoc[] = Array.isArray(journey?.steps) ? (journey.steps as StepDoc[]) : [];
  const start = str(journey?.start);
  const channelList = Array.isArray(channels)
    ? (channels as Array<{ id?: unknown; label?: unknown; wheel?: unknown }>)
    : [];
  const channelById = new Map(channelList.map((c) => [str(c.id), c]));
  const ids = docs.map((d, i) => str(d.id) || `#${i + 1}`);
  const indexById = new Map(ids.map((id, i) => [id, i]));
  const base = `strategies[${strategyIndex}].journey`;

  // Column = breadth-first distance from the start step; unreachable steps go after the rest.
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
  let maxDepth = Math.max(0, ...depth);
  for (let i = 0; i < depth.length; i++) if (depth[i] < 0) depth[i] = ++maxDepth;

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
  let y = 0;
  const lanes = laneKeys.map((wheel) => {
    const rows = Math.max(1, ...docs.map((_, i) => (laneOf(i) === wheel ? rowOf[i] + 1 : 0)));
    const lane = { wheel, y, height: rows * ROW_H + LANE_PAD * 2 };
    y += lane.height + 8;
    return lane;
  });
  const laneY = new Map(lanes.map((l) => [l.wheel, l.y]));

  const steps: LaidOutStep[] = docs.map((d, i) => {
    const channel = channelById.get(str(d.channel));
    return {
      index: i,
      id: ids[i],
      channelId: str(d.channel),
      channelLabel: str(channel?.label) || str(d.channel),
      wheel: laneOf(i),
      waitDays: typeof d.waitDays === 'number' ? d.waitDays : 0,
      isStart: ids[i] === start,
      errors: issues.filter((iss) => isWithin(iss.path, `${base}.steps[${i}]`)).map((iss) => iss.message),
      x: X0 + depth[i] * COL_W,
      y: (laneY.get(laneOf(i)) ?? 0) + LANE_PAD + rowOf[i] * ROW_H,
    };
  });

  const byPair = new Map<string, LaidOutEdge>();
  docs.forEach((d, i) => {
    for (const { key, kind } of OUTCOMES) {
      // Outcomes left out default to 'end' (except a referral, which is only there when given).
      const to = str(d[key]) || (key === 'onInterested' ? '' : 'end');
      if (!to) continue;
      const target = to === 'end' ? END_ID : indexById.has(to) ? to : null;
      if (target === null) continue;
      const id = `${ids[i]}->${target}`;
      const e = byPair.get(id) ?? { id, source: ids[i], target, kinds: [] };
      e.kinds.push(kind);
      byPair.set(id, e);
    }
  });

  const width = X0 + (maxDepth + 2) * COL_W;
  return {
    steps,
    edges: [...byPair.values()],
    lanes,
    end: { x: X0 + (maxDepth + 1) * COL_W, y: Math.max(0, y / 2 - 30) },
    width,
    startErrors: issues.filter((iss) => iss.path === `${base}.start`).map((iss) => iss.message),
  };
}
