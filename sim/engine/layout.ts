// The per-replication record: one Float64Array slice per replication, with named offsets.
// Records are what crosses worker boundaries (transferred) and what summaries are built from.
import type { Scenario } from '../scenario/schema';

/** Per-strategy scalar metrics (sums over customers in one replication). */
export const STRATEGY_SCALARS = [
  'eligibleT',
  'eligibleC',
  'targetedT',
  'targetedC',
  'reachedT',
  'respondedT',
  'convertedCampaignT',
  'buyersT',
  'buyersC',
  'netNewMoneyT',
  'netNewMoneyC',
  'netNewMoneySqT',
  'netNewMoneySqC',
  'purchaseNewMoneyT',
  'purchaseNewMoneyC',
  'internalShiftT',
  'internalShiftC',
  'productsDeltaT',
  'productsDeltaC',
  'productsHeldT',
  'productsHeldC',
  'mauT',
  'mauC',
  'loginsT',
  'loginsC',
  'tierUpT',
  'tierUpC',
  'attritedT',
  'attritedC',
  'valueT',
  'valueC',
  'costContacts',
  'costIncentives',
  'costStaff',
  'staffMinutes',
  'participants',
  'participantsBuyers',
  'participantsNewMoney',
  'nonParticipants',
  'nonParticipantsBuyers',
  'nonParticipantsNewMoney',
  'participantsProductsHeld',
  'participantsMau',
  'participantsLogins',
  'participantsTierUp',
  'participantsAttrited',
  'pConversion',
  'pAum',
  'pilotConversionEstimate',
  'pilotConversionLo',
  'pilotConversionHi',
  'pilotAumEstimate',
  'pilotAumLo',
  'pilotAumHi',
  'referrals',
  'referralsFollowed',
  'modelledNewMoneyT',
  'modelledBuyersT',
  'modelledValueT',
] as const;
export type StrategyScalar = (typeof STRATEGY_SCALARS)[number];

/** Per group (tier, grid cell, branch): targeted, buyers and net new money by arm. */
export const GROUP_FIELDS = [
  'targetedT',
  'targetedC',
  'buyersT',
  'buyersC',
  'netNewMoneyT',
  'netNewMoneyC',
] as const;
/** Per week: first qualifying purchases by arm, contact attempts and cost. */
export const WEEK_FIELDS = ['buyersT', 'buyersC', 'contacts', 'cost'] as const;
/** Per strategy × channel. */
export const STRATEGY_CHANNEL_FIELDS = ['attempts', 'reached', 'responses', 'conversions', 'cost'] as const;
/** Per journey step: outcomes of the step's contacts. */
export const STEP_FIELDS = [
  'entered',
  'noContact',
  'notInterested',
  'referred',
  'converted',
  'notConverted',
  'dropped',
  'suppressed',
] as const;
/** Per channel, across strategies. */
export const CHANNEL_FIELDS = [
  'attempts',
  'capacity',
  'queued',
  'decayed',
  'dropped',
  'staffMinutes',
] as const;

/**
 * Offset of each field within its block, by name (`STEP.noContact` is 1): the one place the record's
 * field positions are spelled, derived from the field lists above so the two cannot drift apart.
 */
function fieldIndex<const T extends readonly string[]>(fields: T): Readonly<Record<T[number], number>> {
  const out = {} as Record<T[number], number>;
  fields.forEach((f: T[number], k) => {
    out[f] = k;
  });
  return Object.freeze(out);
}
export const GROUP = fieldIndex(GROUP_FIELDS);
export const WEEK = fieldIndex(WEEK_FIELDS);
export const STRATEGY_CHANNEL = fieldIndex(STRATEGY_CHANNEL_FIELDS);
export const STEP = fieldIndex(STEP_FIELDS);
export const CHANNEL = fieldIndex(CHANNEL_FIELDS);

export type StrategyLayout = {
  base: number;
  scalar: Record<StrategyScalar, number>;
  tiers: number;
  cells: number;
  branches: number;
  weeks: number;
  channels: number;
  steps: number;
};

export type RecordLayout = {
  length: number;
  nTiers: number;
  nCells: number;
  nBranches: number;
  nWeeks: number;
  nChannels: number;
  strategies: StrategyLayout[];
  channelBase: number;
  suppressedByPolicy: number;
};

/** Offsets of every figure in a replication record for this scenario. */
export function recordLayout(s: Scenario): RecordLayout {
  const p = s.population;
  const nTiers = p.tiers.length;
  const nCells = p.wealthLevels.length * p.lifeStages.length * p.occupations.length;
  const nBranches = p.branches.count;
  const nWeeks = s.calendar.weeks;
  const nChannels = s.channels.length;
  let off = 0;
  const strategies = s.strategies.map((st) => {
    const base = off;
    const scalar = {} as Record<StrategyScalar, number>;
    STRATEGY_SCALARS.forEach((k, i) => {
      scalar[k] = base + i;
    });
    off += STRATEGY_SCALARS.length;
    const tiers = off;
    off += nTiers * GROUP_FIELDS.length;
    const cells = off;
    off += nCells * GROUP_FIELDS.length;
    const branches = off;
    off += nBranches * GROUP_FIELDS.length;
    const weeks = off;
    off += nWeeks * WEEK_FIELDS.length;
    const channels = off;
    off += nChannels * STRATEGY_CHANNEL_FIELDS.length;
    const steps = off;
    off += st.journey.steps.length * STEP_FIELDS.length;
    return { base, scalar, tiers, cells, branches, weeks, channels, steps };
  });
  const channelBase = off;
  off += nChannels * CHANNEL_FIELDS.length;
  const suppressedByPolicy = off++;
  return {
    length: off,
    nTiers,
    nCells,
    nBranches,
    nWeeks,
    nChannels,
    strategies,
    channelBase,
    suppressedByPolicy,
  };
}
