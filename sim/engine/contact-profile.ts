// Per-customer yes/no reach (push opt-in, SMS consent, WeCom link) packed one byte a customer,
// built once per model: the weekly loop reads one dense byte for a channel and its no-contact
// fallback instead of a Float32 array per reach kind.
import { REACH_KINDS } from '../scenario/schema';
import type { Model } from './model';

/** Reach kinds that are a known yes/no per customer (opt-in, consent, link), not a chance per attempt. */
const STATIC_REACH: ReadonlySet<string> = new Set(['app', 'sms', 'wecom']);

export type ContactProfile = {
  /** optIn[i]: bit k set when customer i can be reached through static reach kind k (REACH_KINDS order). */
  optIn: Uint8Array;
  /** Per channel: its bit in optIn when its reach kind is static, else 0 (a chance per attempt). */
  reachBit: Int32Array;
};

const profiles = new WeakMap<Model, ContactProfile>();

/** The model's contact profile (built on first use; the population is fixed across replications). */
export function contactProfile(model: Model): ContactProfile {
  const known = profiles.get(model);
  if (known) return known;
  const { n, reach } = model.pop;
  const optIn = new Uint8Array(n);
  for (let k = 0; k < REACH_KINDS.length; k++) {
    if (!STATIC_REACH.has(REACH_KINDS[k])) continue;
    const r = reach[k];
    for (let i = 0; i < n; i++) if (r[i] !== 0) optIn[i] |= 1 << k;
  }
  const reachBit = Int32Array.from(model.channelReachKind, (k) =>
    STATIC_REACH.has(REACH_KINDS[k]) ? 1 << k : 0,
  );
  const profile = { optIn, reachBit };
  profiles.set(model, profile);
  return profile;
}
