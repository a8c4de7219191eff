// From per-replication records to the run summary: per replication, derive rates, uplifts,
// ROI and test outcomes; across replications, summarize each as mean / median / p05 / p95.
// It reads the run's columns (summary-columns.ts: each record reduced to the figures needed, as
// blocks arrive), so a run never has to keep its records. Pure and order-fixed: replications are
// read in replication order, so any worker count gives the same summary.

import type {
  ChannelUse,
  FlowEdge,
  Funnel,
  GroupUplift,
  RunSummary,
  StrategySummary,
  WeekPoint,
} from '../results';
import { branchName } from '../scenario/cross-check';
import { bothLanguages, type LocalText } from '../scenario/local-text';
import type { Scenario, Strategy } from '../scenario/schema';
import { ratioOfMeans, statOf, upliftOf } from '../stats/summary';
import {
  CHANNEL,
  CHANNEL_FIELDS,
  recordLayout,
  STEP,
  STEP_FIELDS,
  STRATEGY_CHANNEL,
  STRATEGY_CHANNEL_FIELDS,
  type StrategyScalar,
} from './layout';
import {
  type ColumnsLayout,
  GROUP_ROW,
  GROUP_SUM,
  type StrategyColumns,
  SummaryColumns,
  WEEK_ROW,
  WEEK_SUM,
} from './summary-columns';
import { verdictOf } from './verdict';
import { ENGINE_VERSION } from './version';

export const SIGNIFICANCE_ALPHA = 0.05;

/** The run's rows (count × length) and sums, as SummaryColumns holds them. */
type Records = { data: Float64Array; count: number; length: number; sums: Float64Array };

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

function column(rec: Records, f: (r: Float64Array) => number): Float64Array {
  const out = new Float64Array(rec.count);
  for (let k = 0; k < rec.count; k++) out[k] = f(rec.data.subarray(k * rec.length, (k + 1) * rec.length));
  return out;
}

function meanOf(rec: Records, offset: number): number {
  let s = 0;
  for (let k = 0; k < rec.count; k++) s += rec.data[k * rec.length + offset];
  return rec.count > 0 ? s / rec.count : Number.NaN;
}

/** The mean over replications of a figure kept only as a sum (added in replication order). */
function meanOfSum(rec: Records, offset: number): number {
  return rec.count > 0 ? rec.sums[offset] / rec.count : Number.NaN;
}

function weekStartIso(s: Scenario, w: number): string {
  const d = new Date(`${s.calendar.startDate}T00:00:00Z`);
  return new Date(d.getTime() + 7 * w * 86_400_000).toISOString().slice(0, 10);
}

function groupUplifts(
  rec: Records,
  base: number,
  sumBase: number,
  ids: string[],
  labels: LocalText[],
): GroupUplift[] {
  return ids.map((id, g) => {
    const o = base + 2 * g;
    const conv = column(rec, (r) => r[o + GROUP_ROW.conv]);
    const nm = column(rec, (r) => r[o + GROUP_ROW.newMoney]);
    return {
      id,
      label: labels[g],
      targetedTreatment: meanOfSum(rec, sumBase + 2 * g + GROUP_SUM.targetedT),
      targetedControl: meanOfSum(rec, sumBase + 2 * g + GROUP_SUM.targetedC),
      conversionUpliftPp: upliftOf(conv),
      newMoneyUpliftPerCustomerCny: upliftOf(nm),
    };
  });
}

/**
 * Sankey edges of a journey from its step outcome counts; back edges go to a repeat node
 * (`<step>#repeat`) so the graph stays acyclic. Steps are named `<step id> · <channel label>` (the
 * scenario's own words); the ends are codes (FLOW_TERMINALS in sim/results.ts) that the studio translates.
 */
function journeyFlows(s: Scenario, st: Strategy, rec: Records, lay: StrategyColumns): FlowEdge[] {
  const steps = st.journey.steps;
  const label = (k: number) => {
    const ch = s.channels.find((c) => c.id === steps[k].channel);
    return `${steps[k].id} · ${ch?.label === undefined ? steps[k].channel : bothLanguages(ch.label)}`;
  };
  // Depth-first order from the start gives each step a rank; an edge to a lower or equal rank is a back edge.
  const ids = steps.map((x) => x.id);
  const rank = new Map<string, number>();
  const visit = (id: string) => {
    if (rank.has(id) || !ids.includes(id)) return;
    rank.set(id, rank.size);
    const x = steps[ids.indexOf(id)];
    for (const t of [x.onNoContact, x.onNotInterested, x.onInterested, x.onNotConverted])
      if (t && t !== 'end') visit(t);
  };
  visit(st.journey.start);
  const SF = STEP_FIELDS.length;
  const edges: FlowEdge[] = [];
  const startIdx = ids.indexOf(st.journey.start);
  edges.push({
    from: 'start',
    to: label(startIdx),
    kind: 'start',
    count: meanOf(rec, lay.scalar.targetedT),
  });
  steps.forEach((x, k) => {
    const o = lay.sumSteps + k * SF;
    const from = label(k);
    const toStep = (target: string | undefined, fallback: string) => {
      if (!target || target === 'end') return fallback;
      const j = ids.indexOf(target);
      return (rank.get(target) ?? 0) <= (rank.get(x.id) ?? 0) ? `${label(j)}#repeat` : label(j);
    };
    const add = (to: string, kind: FlowEdge['kind'], count: number) => {
      if (count > 0) edges.push({ from, to, kind, count });
    };
    add(
      toStep(x.onNoContact, 'no_contact'),
      x.onNoContact && x.onNoContact !== 'end' ? 'no_contact' : 'end',
      meanOfSum(rec, o + STEP.noContact),
    );
    add(
      toStep(x.onNotInterested, 'not_interested'),
      x.onNotInterested && x.onNotInterested !== 'end' ? 'not_interested' : 'end',
      meanOfSum(rec, o + STEP.notInterested),
    );
    if (x.onInterested)
      add(toStep(x.onInterested, 'interested'), 'referral', meanOfSum(rec, o + STEP.referred));
    add('converted', 'converted', meanOfSum(rec, o + STEP.converted));
    add(
      toStep(x.onNotConverted, 'not_converted'),
      x.onNotConverted && x.onNotConverted !== 'end' ? 'return' : 'end',
      meanOfSum(rec, o + STEP.notConverted),
    );
    add('dropped', 'dropped', meanOfSum(rec, o + STEP.dropped));
  });
  return edges;
}

const withPAbove1 = ({ pAbove, ...stat }: ReturnType<typeof ratioOfMeans>) => ({ ...stat, pAbove1: pAbove });

function strategySummary(s: Scenario, si: number, rec: Records, C: ColumnsLayout): StrategySummary {
  const st = s.strategies[si];
  const L = C.record;
  const lay = C.strategies[si];
  const sc = lay.scalar;
  const v = (r: Float64Array, k: StrategyScalar) => r[sc[k]];
  const perT = (k: StrategyScalar) => column(rec, (r) => ratio(v(r, k), v(r, 'targetedT')));
  const perC = (k: StrategyScalar) => column(rec, (r) => ratio(v(r, k), v(r, 'targetedC')));
  const pair = (kT: StrategyScalar, kC: StrategyScalar, scale = 1) => {
    const t = perT(kT).map((x) => x * scale);
    const c = perC(kC).map((x) => x * scale);
    return { treatment: statOf(t), control: statOf(c), uplift: upliftOf(t.map((x, k) => x - c[k])) };
  };
  // A domain outcome: by arm, its uplift vs control, and the naive multiple trade reports quote —
  // participants' mean ÷ everyone else's (targeted non-participants and the control group).
  const domain = (kT: StrategyScalar, kC: StrategyScalar, kPart: StrategyScalar) => ({
    ...pair(kT, kC),
    naiveRatio: statOf(
      column(rec, (r) => {
        const partMean = ratio(v(r, kPart), v(r, 'participants'));
        const others = v(r, kT) + v(r, kC) - v(r, kPart);
        return ratio(partMean, ratio(others, v(r, 'nonParticipants')));
      }),
    ),
  });
  const convT = perT('buyersT');
  const convC = perC('buyersC');
  const upliftPp = convT.map((x, k) => 100 * (x - convC[k]));
  const nmT = perT('netNewMoneyT');
  const nmC = perC('netNewMoneyC');
  const nmUplift = nmT.map((x, k) => x - nmC[k]);
  const targetedT = column(rec, (r) => v(r, 'targetedT'));
  // Staff cost is the part of contact cost spent by staff channels (already in costContacts).
  const totalCost = column(rec, (r) => v(r, 'costContacts') + v(r, 'costIncentives'));
  const incValue = column(
    rec,
    (r) =>
      (ratio(v(r, 'valueT'), v(r, 'targetedT')) - ratio(v(r, 'valueC'), v(r, 'targetedC'))) *
      v(r, 'targetedT'),
  );
  const roiRandomized = ratioOfMeans(incValue, totalCost, 1);
  const modelledValue = column(rec, (r) => v(r, 'modelledValueT'));
  const modelledRoi = ratioOfMeans(modelledValue, totalCost, 1);
  const meanCost = statOf(totalCost).mean;
  const modelledBuyers = statOf(column(rec, (r) => v(r, 'modelledBuyersT'))).mean;
  const modelledNewMoney = statOf(column(rec, (r) => v(r, 'modelledNewMoneyT'))).mean;
  const staffHours = column(rec, (r) => v(r, 'staffMinutes') / 60);
  const partConv = column(rec, (r) => ratio(v(r, 'participantsBuyers'), v(r, 'participants')));
  const nonConv = column(rec, (r) => ratio(v(r, 'nonParticipantsBuyers'), v(r, 'nonParticipants')));
  const naivePp = partConv.map((x, k) => 100 * (x - nonConv[k]));
  const pConv = column(rec, (r) => v(r, 'pConversion'));
  const pAum = column(rec, (r) => v(r, 'pAum'));
  const power = (p: Float64Array) => {
    const share = statOf(
      // Reject when p ≤ α (randomization p-values are multiples of 1/200: p = α is a rejection).
      p.map((x) => (Number.isFinite(x) ? (x <= SIGNIFICANCE_ALPHA + 1e-12 ? 1 : 0) : Number.NaN)),
    ).mean;
    const nFinite = p.filter((x) => Number.isFinite(x)).length;
    return { p: share, se: nFinite > 0 ? Math.sqrt((share * (1 - share)) / nFinite) : Number.NaN };
  };
  const pc = power(pConv);
  const pa = power(pAum);
  const funnel = (arm: 'T' | 'C'): Funnel =>
    arm === 'T'
      ? {
          eligible: meanOf(rec, sc.eligibleT),
          targeted: meanOf(rec, sc.targetedT),
          reached: meanOf(rec, sc.reachedT),
          responded: meanOf(rec, sc.respondedT),
          converted: meanOf(rec, sc.convertedCampaignT),
          buyers: meanOf(rec, sc.buyersT),
        }
      : {
          eligible: meanOf(rec, sc.eligibleC),
          targeted: meanOf(rec, sc.targetedC),
          reached: 0,
          responded: 0,
          converted: 0,
          buyers: meanOf(rec, sc.buyersC),
        };
  const p = s.population;
  const nLs = p.lifeStages.length;
  const nOc = p.occupations.length;
  const cellIds: string[] = [];
  for (let w = 0; w < p.wealthLevels.length; w++) {
    for (let l = 0; l < nLs; l++)
      for (let o = 0; o < nOc; o++)
        cellIds.push(`${p.wealthLevels[w].id}|${p.lifeStages[l].id}|${p.occupations[o].id}`);
  }
  const branchIds = Array.from({ length: L.nBranches }, (_, b) => branchName(b));
  const byWeek: WeekPoint[] = [];
  for (let w = 0; w < L.nWeeks; w++) {
    const o = lay.weeks + 2 * w;
    const ct = column(rec, (r) => r[o + WEEK_ROW.cumT]);
    const cc = column(rec, (r) => r[o + WEEK_ROW.cumC]);
    byWeek.push({
      week: w,
      startDate: weekStartIso(s, w),
      conversionTreatment: statOf(ct).mean,
      conversionControl: statOf(cc).mean,
      upliftPp: upliftOf(ct.map((x, k) => 100 * (x - cc[k]))),
      contacts: meanOfSum(rec, lay.sumWeeks + 2 * w + WEEK_SUM.contacts),
      costCny: meanOfSum(rec, lay.sumWeeks + 2 * w + WEEK_SUM.cost),
    });
  }
  const SCF = STRATEGY_CHANNEL_FIELDS.length;
  const channels = s.channels
    .map((c, ci) => {
      const o = lay.channels + ci * SCF;
      const col = (f: number) => statOf(column(rec, (r) => r[o + f]));
      return {
        id: c.id,
        attempts: col(STRATEGY_CHANNEL.attempts),
        reached: col(STRATEGY_CHANNEL.reached),
        responses: col(STRATEGY_CHANNEL.responses),
        conversions: col(STRATEGY_CHANNEL.conversions),
        costCny: col(STRATEGY_CHANNEL.cost),
      };
    })
    .filter((c) => c.attempts.mean > 0 || st.journey.steps.some((x) => x.channel === c.id));
  const summary: Omit<StrategySummary, 'verdict'> = {
    id: st.id,
    label: st.label ?? st.id,
    offerProduct: st.offer.product,
    holdoutShare: st.holdout.share,
    assignmentLevel: st.holdout.level,
    funnelTreatment: funnel('T'),
    funnelControl: funnel('C'),
    conversionRate: {
      treatment: statOf(convT),
      control: statOf(convC),
      uplift: upliftOf(convT.map((x, k) => x - convC[k])),
    },
    conversionUpliftRel: upliftOf(convT.map((x, k) => x / convC[k] - 1)),
    newMoneyPerCustomerCny: { treatment: statOf(nmT), control: statOf(nmC), uplift: upliftOf(nmUplift) },
    newMoneyUpliftTotalCny: upliftOf(nmUplift.map((x, k) => x * targetedT[k])),
    purchaseNewMoneyPerCustomerCny: pair('purchaseNewMoneyT', 'purchaseNewMoneyC'),
    internalShiftPerCustomerCny: pair('internalShiftT', 'internalShiftC'),
    productsHeldPerCustomer: domain('productsHeldT', 'productsHeldC', 'participantsProductsHeld'),
    productsGainedPerCustomer: pair('productsDeltaT', 'productsDeltaC'),
    mauRate: domain('mauT', 'mauC', 'participantsMau'),
    appLoginsPerMonth: domain('loginsT', 'loginsC', 'participantsLogins'),
    tierUpRate: domain('tierUpT', 'tierUpC', 'participantsTierUp'),
    attritionRate: domain('attritedT', 'attritedC', 'participantsAttrited'),
    attritionAvoidedCustomers: upliftOf(
      column(
        rec,
        (r) =>
          (ratio(v(r, 'attritedC'), v(r, 'targetedC')) - ratio(v(r, 'attritedT'), v(r, 'targetedT'))) *
          v(r, 'targetedT'),
      ),
    ),
    cost: {
      contactsCny: statOf(column(rec, (r) => v(r, 'costContacts'))),
      incentivesCny: statOf(column(rec, (r) => v(r, 'costIncentives'))),
      staffCny: statOf(column(rec, (r) => v(r, 'costStaff'))),
      totalCny: statOf(totalCost),
      staffHours: statOf(staffHours),
    },
    incrementalValueCny: upliftOf(incValue),
    roi: withPAbove1(roiRandomized),
    conversionsPerStaffHour: statOf(
      column(rec, (r) => ratio(v(r, 'convertedCampaignT'), v(r, 'staffMinutes') / 60)),
    ),
    leadFollowUpRate: statOf(column(rec, (r) => ratio(v(r, 'referralsFollowed'), v(r, 'referrals')))),
    naive: {
      participantsConversion: statOf(partConv),
      nonParticipantsConversion: statOf(nonConv),
      naiveUpliftPp: statOf(naivePp),
      causalUpliftPp: upliftOf(upliftPp),
      selectionBiasPp: statOf(naivePp.map((x, k) => x - upliftPp[k])),
      participantsNewMoneyPerCustomerCny: statOf(
        column(rec, (r) => ratio(v(r, 'participantsNewMoney'), v(r, 'participants'))),
      ),
      nonParticipantsNewMoneyPerCustomerCny: statOf(
        column(rec, (r) => ratio(v(r, 'nonParticipantsNewMoney'), v(r, 'nonParticipants'))),
      ),
    },
    modelled: {
      conversionUpliftPp: statOf(column(rec, (r) => 100 * ratio(v(r, 'modelledBuyersT'), v(r, 'targetedT')))),
      newMoneyPerCustomerCny: statOf(column(rec, (r) => ratio(v(r, 'modelledNewMoneyT'), v(r, 'targetedT')))),
      newMoneyTotalCny: statOf(column(rec, (r) => v(r, 'modelledNewMoneyT'))),
      valueCny: statOf(modelledValue),
      roi: withPAbove1(modelledRoi),
      costPerIncrementalBuyerCny: modelledBuyers > 0 ? meanCost / modelledBuyers : Number.NaN,
      costPerCnyNewMoney: modelledNewMoney > 0 ? meanCost / modelledNewMoney : Number.NaN,
    },
    pilot: {
      powerConversion: pc.p,
      powerConversionSe: pc.se,
      powerAum: pa.p,
      powerAumSe: pa.se,
      medianPConversion: statOf(pConv).median,
      medianPAum: statOf(pAum).median,
      newMoneyIntervalWidthCny: statOf(column(rec, (r) => v(r, 'pilotAumHi') - v(r, 'pilotAumLo'))).mean,
      analysisLevel: st.holdout.level,
    },
    channels,
    flows: journeyFlows(s, st, rec, lay),
    byTier: groupUplifts(
      rec,
      lay.tiers,
      lay.sumTiers,
      p.tiers.map((t) => t.id),
      p.tiers.map((t) => t.label ?? t.id),
    ),
    byCell: groupUplifts(rec, lay.cells, lay.sumCells, cellIds, cellIds),
    byBranch: groupUplifts(rec, lay.branches, lay.sumBranches, branchIds, branchIds),
    byWeek,
    samples: {
      conversionUpliftPp: upliftPp,
      newMoneyUpliftPerCustomerCny: nmUplift,
      roi: modelledValue.map((x, k) => ratio(x, totalCost[k])),
      costCny: totalCost,
      staffHours,
    },
  };
  return { ...summary, verdict: verdictOf(summary) };
}

function channelUse(s: Scenario, rec: Records, C: ColumnsLayout): ChannelUse[] {
  const CH = CHANNEL_FIELDS.length;
  const SCF = STRATEGY_CHANNEL_FIELDS.length;
  return s.channels.map((c, ci) => {
    const o = C.channels + ci * CH;
    const sumStrategies = (f: number) =>
      column(rec, (r) => C.strategies.reduce((a, lay) => a + r[lay.channels + ci * SCF + f], 0));
    return {
      id: c.id,
      label: c.label ?? c.id,
      wheel: c.wheel,
      attempts: statOf(sumStrategies(STRATEGY_CHANNEL.attempts)),
      reached: statOf(sumStrategies(STRATEGY_CHANNEL.reached)),
      responses: statOf(sumStrategies(STRATEGY_CHANNEL.responses)),
      conversions: statOf(sumStrategies(STRATEGY_CHANNEL.conversions)),
      costCny: statOf(sumStrategies(STRATEGY_CHANNEL.cost)),
      capacityUsedShare: statOf(column(rec, (r) => ratio(r[o + CHANNEL.attempts], r[o + CHANNEL.capacity]))),
      leadsQueued: statOf(column(rec, (r) => r[o + CHANNEL.queued])),
      leadsDecayed: statOf(column(rec, (r) => r[o + CHANNEL.decayed])),
      leadsDropped: statOf(column(rec, (r) => r[o + CHANNEL.dropped])),
      staffHours: statOf(column(rec, (r) => r[o + CHANNEL.staffMinutes] / 60)),
    };
  });
}

/**
 * Summarize replication records (count × layout length, in replication order) of a run.
 * `replicationsPlanned` is the run's total; fewer records make a partial summary.
 */
export function summarizeRecords(
  s: Scenario,
  seed: string,
  data: Float64Array,
  replicationsPlanned: number,
): RunSummary {
  const L = recordLayout(s);
  const count = Math.floor(data.length / L.length);
  const cols = new SummaryColumns(L, count);
  if (count > 0) cols.add(0, count, data.subarray(0, count * L.length));
  return summarizeColumns(s, seed, cols, replicationsPlanned);
}

/**
 * Summarize the columns of a run's first replications (`cols.count` of them, from replication 0).
 * `replicationsPlanned` is the run's total; fewer make a partial summary.
 */
export function summarizeColumns(
  s: Scenario,
  seed: string,
  cols: SummaryColumns,
  replicationsPlanned: number,
): RunSummary {
  const C = cols.layout;
  const rec: Records = { data: cols.data, count: cols.count, length: C.width, sums: cols.sums };
  return {
    scenarioName: s.meta.name,
    seed,
    engineVersion: ENGINE_VERSION,
    replicationsDone: rec.count,
    replicationsPlanned,
    weeks: s.calendar.weeks,
    customers: s.population.size,
    strategies: s.strategies.map((_, si) => strategySummary(s, si, rec, C)),
    channels: channelUse(s, rec, C),
    suppressedByPolicy: statOf(column(rec, (r) => r[C.suppressedByPolicy])),
    sampling: s.monteCarlo.sampling,
  };
}
