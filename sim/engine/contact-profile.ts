// Per-customer yes/no traits the weekly loop tests on every entry (push opt-in, SMS consent, WeCom
// link) or on a contact's exact response chance (paid through the bank, holds a maturing product),
// packed one byte a customer and built once per model: one dense byte instead of a Float32 array
// per reach kind and cold reads of the event tables.
import { REACH_KINDS } from '../scenario/schema';
import type { Model } from './model';

/** Reach kinds that are a known yes/no per customer (opt-in, consent, link), not a chance per attempt. */
const STATIC_REACH: ReadonlySet<string> = new Set(['app', 'sms', 'wecom']);

/** Bits of ContactProfile.traits above the static reach kinds' (bit k: reachable through REACH_KINDS[k]). */
export const TRAIT_PAYROLL = 1 << 5;
export const TRAIT_MATURITY = 1 << 6;

export type ContactProfile = {
  /** traits[i]: static reach bits, TRAIT_PAYROLL, TRAIT_MATURITY (a maturity phase within the horizon's cycle). */
  traits: Uint8Array;
  /** Per channel: its bit in optIn when its reach kind is static, else 0 (a chance per attempt). */
  reachBit: Int32Array;
};

const profiles = new WeakMap<Model, ContactProfile>();

/** The model's contact profile (built on first use; the population is fixed across replications). */
export function contactProfile(model: Model): ContactProfile {
  const known = profiles.get(model);
  if (known) return known;
  const { n, reach, isPayroll, maturityPhaseDay } = model.pop;
  const traits = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    traits[i] = (isPayroll[i] ? TRAIT_PAYROLL : 0) | (maturityPhaseDay[i] >= 0 ? TRAIT_MATURITY : 0);
  for (let k = 0; k < REACH_KINDS.length; k++) {
    if (!STATIC_REACH.has(REACH_KINDS[k])) continue;
    const r = reach[k];
    for (let i = 0; i < n; i++) if (r[i] !== 0) traits[i] |= 1 << k;
  }
  const reachBit = Int32Array.from(model.channelReachKind, (k) =>
    STATIC_REACH.has(REACH_KINDS[k]) ? 1 << k : 0,
  );
  const profile = { traits, reachBit };
  profiles.set(model, profile);
  return profile;
}
