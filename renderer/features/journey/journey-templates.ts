// Template journeys: the three shapes designers start from (seed 003's three wheels), built on the
// scenario's own channels. A template replaces a strategy's journey with one setField (one undo).
import type { JourneyDoc } from './journey-edit';
import type { Wheel } from './journey-layout';

export const TEMPLATE_KINDS = ['online', 'online_remote', 'three_wheels'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

type ChannelDoc = { id?: unknown; wheel?: unknown; reachVia?: unknown; capacity?: unknown };

/** The wheels each template needs a channel in. */
export const TEMPLATE_WHEELS: Record<TemplateKind, readonly Wheel[]> = {
  online: ['online'],
  online_remote: ['online', 'remote'],
  three_wheels: ['online', 'remote', 'offline'],
};

const staffOf = (c: ChannelDoc) =>
  c.capacity && typeof c.capacity === 'object' ? (c.capacity as { staff?: unknown }).staff : undefined;

/**
 * The channels a template uses: the online start (app push if there is one), a second online
 * channel for the reminder or nurture (SMS if there is one), the remote hand-off (an AI call, no
 * staff, if there is one) and the offline referral (a wealth manager if there is one).
 */
function pickChannels(channels: unknown) {
  const list = (Array.isArray(channels) ? (channels as ChannelDoc[]) : []).filter(
    (c): c is ChannelDoc & { id: string } => typeof c.id === 'string' && c.id !== '',
  );
  const inWheel = (w: Wheel) => list.filter((c) => c.wheel === w);
  const prefer = (w: Wheel, test: (c: ChannelDoc) => boolean) => (inWheel(w).find(test) ?? inWheel(w)[0])?.id;
  const start = prefer('online', (c) => c.reachVia === 'app');
  return {
    start,
    second:
      prefer('online', (c) => c.id !== start && c.reachVia === 'sms') ??
      prefer('online', (c) => c.id !== start),
    remote: prefer('remote', (c) => staffOf(c) === 'none'),
    offline: prefer('offline', (c) => staffOf(c) === 'wealth_manager'),
  };
}

/** The wheels the scenario has no channel in that `kind` needs (empty: the template can be used). */
export function missingWheels(kind: TemplateKind, channels: unknown): Wheel[] {
  const ch = pickChannels(channels);
  const has: Record<Wheel, boolean> = {
    online: ch.start !== undefined,
    remote: ch.remote !== undefined,
    offline: ch.offline !== undefined,
  };
  return TEMPLATE_WHEELS[kind].filter((w) => !has[w]);
}

/**
 * The journey of template `kind` on the scenario's channels, or null when a wheel it needs has no
 * channel. Any saved canvas positions of the old journey are dropped (the new one is laid out).
 * - online: app push → (no contact / not interested, 3 days) → a second online reminder;
 * - online_remote: app push → (no contact / not interested, 3 days) → remote call;
 * - three_wheels: push → call → referral (转介) to an offline adviser → not converted: return (回流)
 *   to online nurture after 14 days.
 */
export function templateJourney(kind: TemplateKind, channels: unknown): JourneyDoc | null {
  if (missingWheels(kind, channels).length > 0) return null;
  const ch = pickChannels(channels);
  const push = { id: 'push', channel: ch.start, waitDays: 0 };
  if (kind === 'online')
    return {
      start: 'push',
      steps: [
        { ...push, onNoContact: 'reminder', onNotInterested: 'reminder' },
        { id: 'reminder', channel: ch.second, waitDays: 3 },
      ],
    };
  const call = { id: 'call', channel: ch.remote, waitDays: 3 };
  if (kind === 'online_remote')
    return { start: 'push', steps: [{ ...push, onNoContact: 'call', onNotInterested: 'call' }, call] };
  return {
    start: 'push',
    steps: [
      { ...push, onNoContact: 'call', onNotInterested: 'call' },
      { ...call, onInterested: 'advisor' },
      { id: 'advisor', channel: ch.offline, waitDays: 2, onNotConverted: 'nurture' },
      { id: 'nurture', channel: ch.second, waitDays: 14 },
    ],
  };
}
