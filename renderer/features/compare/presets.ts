// Quick variants a planner reaches for, as overrides: a different holdout share, one journey step on
// another channel, a step dropped (what pointed to it goes where it went on no contact, or to end).
import { docTextIn } from '../../../sim/index';
import type { Override } from '../../state/store';

export const HOLDOUT_SHARES = [0.05, 0.1, 0.2] as const;
const ROUTE_EDGES = ['onNoContact', 'onNotInterested', 'onInterested', 'onNotConverted'] as const;

type Step = { id: string; channel: string } & Partial<Record<(typeof ROUTE_EDGES)[number], string>>;
export type PresetStrategy = { ref: string; name: string; start: string; steps: Step[] };
export type PresetTargets = { strategies: PresetStrategy[]; channels: Array<{ id: string; name: string }> };
/** A key under `compare.preset` and its values, for the variant's name or the reason it cannot apply. */
export type PresetText = { key: string; values: Record<string, string> };
export type PresetResult =
  | { ok: true; overrides: Override[]; name: PresetText }
  | { ok: false; error: PresetText };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The strategies (with their steps) and channels presets can name, from the base document. */
/** `lang` words the document's labels (bilingual ones in that language). */
export function presetTargets(doc: unknown, lang = 'en'): PresetTargets {
  const d = isObj(doc) ? doc : {};
  const channels = objs(d.channels).map((c) => ({
    id: str(c.id),
    name: docTextIn(c.label, lang) || str(c.id),
  }));
  const strategies = objs(d.strategies)
    .filter((s) => str(s.id))
    .map((s) => {
      const journey = isObj(s.journey) ? s.journey : {};
      const steps = objs(journey.steps)
        .filter((st) => str(st.id))
        .map((st) => {
          const step: Step = { id: str(st.id), channel: str(st.channel) };
          for (const e of ROUTE_EDGES) if (typeof st[e] === 'string') step[e] = st[e] as string;
          return step;
        });
      return {
        ref: str(s.id),
        name: docTextIn(s.label, lang) || str(s.id),
        start: str(journey.start),
        steps,
      };
    });
  return { strategies, channels };
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function holdoutPreset(strategy: PresetStrategy, share: number): PresetResult {
  return {
    ok: true,
    overrides: [{ path: `strategies[${strategy.ref}].holdout.share`, value: share }],
    name: { key: 'holdoutName', values: { share: pct(share), strategy: strategy.ref } },
  };
}

export function channelSwapPreset(
  targets: PresetTargets,
  strategy: PresetStrategy,
  stepId: string,
  channelId: string,
): PresetResult {
  const step = strategy.steps.find((s) => s.id === stepId);
  const channel = targets.channels.find((c) => c.id === channelId);
  if (!step) return { ok: false, error: { key: 'unknownStep', values: { step: stepId } } };
  if (!channel) return { ok: false, error: { key: 'unknownChannel', values: { channel: channelId } } };
  if (step.channel === channelId)
    return { ok: false, error: { key: 'sameChannel', values: { step: stepId, channel: channel.name } } };
  return {
    ok: true,
    overrides: [{ path: `strategies[${strategy.ref}].journey.steps[${stepId}].channel`, value: channelId }],
    name: { key: 'swapName', values: { step: stepId, channel: channel.name } },
  };
}

/**
 * Drop a step without deleting it: every route into it (and the journey start) is pointed to where
 * the step sends customers it cannot reach (onNoContact, default end). A route that would come back
 * to its own step ends instead, so dropping never makes a new loop.
 */
export function dropStepPreset(strategy: PresetStrategy, stepId: string): PresetResult {
  const dropped = strategy.steps.find((s) => s.id === stepId);
  if (!dropped) return { ok: false, error: { key: 'unknownStep', values: { step: stepId } } };
  const next = dropped.onNoContact && dropped.onNoContact !== stepId ? dropped.onNoContact : 'end';
  const at = `strategies[${strategy.ref}].journey`;
  const overrides: Override[] = [];
  if (strategy.start === stepId) {
    if (next === 'end') return { ok: false, error: { key: 'cannotDropStart', values: { step: stepId } } };
    overrides.push({ path: `${at}.start`, value: next });
  }
  for (const s of strategy.steps) {
    if (s.id === stepId) continue;
    for (const e of ROUTE_EDGES)
      if (s[e] === stepId)
        overrides.push({ path: `${at}.steps[${s.id}].${e}`, value: next === s.id ? 'end' : next });
  }
  if (overrides.length === 0) return { ok: false, error: { key: 'notReached', values: { step: stepId } } };
  return { ok: true, overrides, name: { key: 'dropName', values: { step: stepId } } };
}
