import type { Fragment } from '../../../sim/index';

const W = 168;
const H = 64;
const ROW: Record<string, number> = { online: 12, remote: 32, offline: 52 };
const ROUTES = ['onNoContact', 'onNotInterested', 'onInterested', 'onNotConverted'] as const;

/** A small picture of a journey: steps left to right in order, one row per wheel, routes as lines. */
export function JourneyThumb({ fragment, label }: { fragment: Fragment; label: string }) {
  const steps = fragment.strategy.journey.steps;
  const dx = steps.length > 1 ? (W - 24) / (steps.length - 1) : 0;
  const pos = new Map(
    steps.map((s, i) => {
      const wheel = fragment.channels.find((c) => c.id === s.channel)?.wheel ?? 'online';
      return [s.id, { x: 12 + i * dx, y: ROW[wheel], wheel }] as const;
    }),
  );
  const edges = steps.flatMap((s) =>
    ROUTES.flatMap((r) => {
      const to = s[r];
      const a = pos.get(s.id);
      const b = to && to !== 'end' ? pos.get(to) : undefined;
      return a && b ? [{ key: `${s.id}-${r}`, a, b, isReferral: r === 'onInterested' }] : [];
    }),
  );
  return (
    <svg className="lib-thumb" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {Object.entries(ROW).map(([wheel, y]) => (
        <line
          key={wheel}
          x1={0}
          x2={W}
          y1={y}
          y2={y}
          className={`lib-thumb__lane lib-thumb__lane--${wheel}`}
        />
      ))}
      {edges.map((e) => (
        <line
          key={e.key}
          x1={e.a.x}
          y1={e.a.y}
          x2={e.b.x}
          y2={e.b.y}
          className={e.isReferral ? 'lib-thumb__edge lib-thumb__edge--referral' : 'lib-thumb__edge'}
        />
      ))}
      {[...pos.entries()].map(([id, p]) => (
        <circle key={id} cx={p.x} cy={p.y} r={5} className={`lib-thumb__node lib-thumb__node--${p.wheel}`} />
      ))}
    </svg>
  );
}
