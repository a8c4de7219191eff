// Hand-written results for tests and previews: a 12-week 开门红 campaign on 120,000 customers with
// two strategies (a wealth-manager maturity follow-up and an online payroll activation), and the
// population behind it. Figures are made up but consistent (funnels, rates and flows add up).
import {
  type ChannelUse,
  type FlowEdge,
  type GroupUplift,
  normalInterval,
  type PopulationSummary,
  type RunSummary,
  type Stat,
  type StrategySummary,
  type UpliftStat,
  type WeekPoint,
} from '../../../sim/index';

/** Deterministic standard normals (mulberry32 + Box–Muller) so samples are stable across runs. */
export function normals(seed: number, n: number): Float64Array {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return Float64Array.from(
    { length: n },
    () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()),
  );
}

/** A symmetric-ish Stat from mean and sd (p05/p95 = the normal 90% interval, mean ∓ 1.645 sd). */
export function stat(mean: number, sd: number): Stat {
  const { low, high } = normalInterval(mean, sd, 0.9);
  return { mean, median: mean, p05: low, p95: high, sd, mcSe: sd / Math.sqrt(REPLICATIONS) };
}

export function uplift(mean: number, sd: number, pPositive: number): UpliftStat {
  return { ...stat(mean, sd), pPositive };
}

const REPLICATIONS = 1000;
const WEALTH_LEVELS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7'];
const LIFE_STAGES = ['young', 'family', 'mature', 'retired'];
const OCCUPATIONS = ['salaried', 'self_employed', 'civil_servant', 'other'];
const BRANCHES = [
  ['陆家嘴支行', 'Pudong'],
  ['张江支行', 'Pudong'],
  ['徐家汇支行', 'Xuhui'],
  ['静安寺支行', 'Jing’an'],
  ['五角场支行', 'Yangpu'],
  ['虹桥支行', 'Changning'],
  ['闵行支行', 'Minhang'],
  ['松江支行', 'Songjiang'],
  ['嘉定支行', 'Jiading'],
  ['宝山支行', 'Baoshan'],
  ['青浦支行', 'Qingpu'],
  ['奉贤支行', 'Fengxian'],
] as const;
const TIERS = [
  ['long_tail', 'Long tail 长尾'],
  ['mass', 'Mass 大众'],
  ['affluent', 'Affluent 潜力/贵宾'],
  ['wealth', 'Wealth 财富'],
  ['private', 'Private 私行'],
] as const;

type StrategyShape = {
  id: string;
  label: string;
  offerProduct: string;
  eligible: number;
  /** Conversion rates (fractions) treatment/control and the per-customer new-money uplift, CNY. */
  convT: number;
  convC: number;
  upliftSdPp: number;
  newMoney: number;
  newMoneySd: number;
  roi: number;
  roiSd: number;
  seed: number;
  /** Journey funnel of the treatment arm; `converted` counts journey conversions only. */
  funnel: { targeted: number; reached: number; responded: number; converted: number };
};

function groups(
  ids: string[],
  labels: string[],
  s: StrategyShape,
  targeted: number,
  wobble: (i: number) => number,
): GroupUplift[] {
  const upliftPp = (s.convT - s.convC) * 100;
  return ids.map((id, i) => {
    const f = wobble(i);
    const t = targeted * (1 - 0.1) * f;
    const c = targeted * 0.1 * f;
    const sdScale = 1 / Math.sqrt(Math.max(f, 0.05));
    const m = upliftPp * (0.4 + (1.2 * ((i * 37) % 11)) / 10);
    const nm = s.newMoney * (0.3 + (1.4 * ((i * 53) % 13)) / 12);
    return {
      id,
      label: labels[i],
      targetedTreatment: t,
      targetedControl: c,
      conversionUpliftPp: uplift(m, s.upliftSdPp * 2.5 * sdScale, m > 0 ? 0.9 : 0.3),
      newMoneyUpliftPerCustomerCny: uplift(nm, s.newMoneySd * 2.5 * sdScale, 0.85),
    };
  });
}

function weeks(s: StrategyShape): WeekPoint[] {
  return Array.from({ length: 12 }, (_, i) => {
    const ramp = 1 - Math.exp(-(i + 1) / 3.5);
    const u = (s.convT - s.convC) * 100 * ramp;
    const day = new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10);
    return {
      week: i + 1,
      startDate: day,
      conversionTreatment: s.convT * ramp,
      conversionControl: s.convC * ramp,
      upliftPp: uplift(u, s.upliftSdPp * Math.sqrt(ramp), 0.95),
      contacts: Math.round(s.funnel.targeted * 0.4 * (1 - ramp * 0.7)),
      costCny: Math.round(s.funnel.targeted * 2.1 * (1 - ramp * 0.6)),
    };
  });
}

function strategy(
  s: StrategyShape,
  flows: FlowEdge[],
  channels: StrategySummary['channels'],
): StrategySummary {
  const holdout = 0.1;
  const targetedT = s.funnel.targeted;
  const targetedC = Math.round((targetedT / (1 - holdout)) * holdout);
  const upliftPp = (s.convT - s.convC) * 100;
  const noise = normals(s.seed, REPLICATIONS);
  const noise2 = normals(s.seed + 1, REPLICATIONS);
  const conversionUpliftPp = uplift(upliftPp, s.upliftSdPp, 0.998);
  const newMoneyTotalMean = s.newMoney * targetedT;
  const costs = {
    contacts: targetedT * 1.8,
    incentives: s.funnel.responded * 38,
    staff: s.funnel.responded * 52,
  };
  const totalCost = costs.contacts + costs.incentives + costs.staff;
  const naiveParticipants = s.convT + 0.16;
  const naiveNon = s.convC * 0.55;
  const naivePp = (naiveParticipants - naiveNon) * 100;
  return {
    id: s.id,
    label: s.label,
    offerProduct: s.offerProduct,
    holdoutShare: holdout,
    assignmentLevel: 'customer',
    funnelTreatment: { eligible: s.eligible * (1 - holdout), ...s.funnel, buyers: s.convT * targetedT },
    funnelControl: {
      eligible: s.eligible * holdout,
      targeted: targetedC,
      reached: 0,
      responded: 0,
      converted: 0,
      buyers: s.convC * targetedC,
    },
    conversionRate: {
      treatment: stat(s.convT, 0.004),
      control: stat(s.convC, s.upliftSdPp / 100),
      uplift: uplift(upliftPp / 100, s.upliftSdPp / 100, 0.998),
    },
    conversionUpliftRel: uplift(s.convT / s.convC - 1, 0.08, 0.998),
    newMoneyPerCustomerCny: {
      treatment: stat(s.newMoney * 4, s.newMoneySd),
      control: stat(s.newMoney * 3, s.newMoneySd),
      uplift: uplift(s.newMoney, s.newMoneySd, 0.97),
    },
    newMoneyUpliftTotalCny: uplift(newMoneyTotalMean, s.newMoneySd * targetedT, 0.97),
    purchaseNewMoneyPerCustomerCny: {
      treatment: stat(3200, 900),
      control: stat(2100, 900),
      uplift: uplift(1100, 600, 0.96),
    },
    internalShiftPerCustomerCny: {
      treatment: stat(8200, 1200),
      control: stat(6100, 1100),
      uplift: uplift(2100, 500, 1),
    },
    productsHeldPerCustomer: {
      treatment: stat(2.41, 0.02),
      control: stat(2.36, 0.03),
      uplift: uplift(0.05, 0.02, 0.99),
      naiveRatio: stat(1.6, 0.05),
    },
    productsGainedPerCustomer: {
      treatment: stat(0.09, 0.01),
      control: stat(0.04, 0.01),
      uplift: uplift(0.05, 0.02, 0.99),
    },
    mauRate: {
      treatment: stat(0.62, 0.01),
      control: stat(0.58, 0.012),
      uplift: uplift(0.04, 0.01, 1),
      naiveRatio: stat(1.5, 0.04),
    },
    appLoginsPerMonth: {
      treatment: stat(4.1, 0.1),
      control: stat(3.8, 0.12),
      uplift: uplift(0.3, 0.1, 1),
      naiveRatio: stat(1.7, 0.06),
    },
    tierUpRate: {
      treatment: stat(0.031, 0.002),
      control: stat(0.026, 0.003),
      uplift: uplift(0.005, 0.003, 0.93),
      naiveRatio: stat(2.2, 0.2),
    },
    attritionRate: {
      treatment: stat(0.012, 0.001),
      control: stat(0.015, 0.002),
      uplift: uplift(-0.003, 0.002, 0.08),
      naiveRatio: stat(0.4, 0.05),
    },
    attritionAvoidedCustomers: uplift(0.003 * targetedT, 30, 0.92),
    cost: {
      contactsCny: stat(costs.contacts, costs.contacts * 0.03),
      incentivesCny: stat(costs.incentives, costs.incentives * 0.08),
      staffCny: stat(costs.staff, costs.staff * 0.06),
      totalCny: stat(totalCost, totalCost * 0.05),
      staffHours: stat(s.funnel.responded * 0.4, 40),
    },
    incrementalValueCny: uplift(s.roi * totalCost, s.roiSd * totalCost, 0.97),
    roi: { ...stat(s.roi, s.roiSd), pAbove1: s.roi > 1 ? 0.91 : 0.34 },
    conversionsPerStaffHour: stat(1.8, 0.2),
    leadFollowUpRate: stat(0.78, 0.03),
    naive: {
      participantsConversion: stat(naiveParticipants, 0.01),
      nonParticipantsConversion: stat(naiveNon, 0.006),
      naiveUpliftPp: stat(naivePp, 1.1),
      causalUpliftPp: conversionUpliftPp,
      selectionBiasPp: stat(naivePp - upliftPp, 1.4),
      participantsNewMoneyPerCustomerCny: stat(s.newMoney * 9, s.newMoneySd * 2),
      nonParticipantsNewMoneyPerCustomerCny: stat(s.newMoney * 2.5, s.newMoneySd),
    },
    modelled: {
      conversionUpliftPp: stat(upliftPp, s.upliftSdPp / 4),
      newMoneyPerCustomerCny: stat(s.newMoney, s.newMoneySd / 10),
      newMoneyTotalCny: stat(newMoneyTotalMean, (s.newMoneySd / 10) * targetedT),
      valueCny: stat(s.roi * totalCost, (s.roiSd / 4) * totalCost),
      roi: { ...stat(s.roi, s.roiSd / 4), pAbove1: s.roi > 1 ? 0.99 : 0.2 },
      costPerIncrementalBuyerCny: totalCost / ((upliftPp / 100) * targetedT),
      costPerCnyNewMoney: totalCost / newMoneyTotalMean,
    },
    pilot: {
      powerConversion: s.id === 'maturity-wm' ? 0.86 : 0.41,
      powerConversionSe: s.id === 'maturity-wm' ? 0.011 : 0.016,
      powerAum: s.id === 'maturity-wm' ? 0.58 : 0.22,
      powerAumSe: 0.015,
      medianPConversion: s.id === 'maturity-wm' ? 0.004 : 0.09,
      medianPAum: 0.07,
      newMoneyIntervalWidthCny: s.newMoneySd * 2.2,
      analysisLevel: 'customer',
    },
    verdict: {
      code: s.roi > 1 ? 'verdict.rollOut' : 'verdict.unprofitable',
      params: {
        conversionPp: upliftPp,
        newMoneyCny: s.newMoney,
        roi: s.roi,
        roiP05: normalInterval(s.roi, s.roiSd / 4, 0.9).low,
        roiP95: normalInterval(s.roi, s.roiSd / 4, 0.9).high,
        power: s.id === 'maturity-wm' ? 0.86 : 0.41,
        isUnderpowered: s.id !== 'maturity-wm',
      },
    },
    channels,
    flows,
    byTier: groups(
      TIERS.map((t) => t[0]),
      TIERS.map((t) => t[1]),
      s,
      targetedT,
      (i) => [0.5, 0.3, 0.12, 0.06, 0.02][i],
    ),
    byCell: groups(
      cellIds(),
      cellIds().map((id) => id.split('|').join(' · ')),
      s,
      targetedT,
      (i) => (7 - Math.floor(i / 16)) / 56,
    ),
    byBranch: groups(
      BRANCHES.map((_, i) => `b${i + 1}`),
      BRANCHES.map((b) => b[0]),
      s,
      targetedT,
      (i) => (14 - i) / 114,
    ),
    byWeek: weeks(s),
    samples: {
      conversionUpliftPp: noise.map((z) => upliftPp + s.upliftSdPp * z),
      newMoneyUpliftPerCustomerCny: noise.map(
        (z, i) => s.newMoney + s.newMoneySd * (0.6 * z + 0.8 * noise2[i]),
      ),
      roi: noise.map((z, i) => s.roi + s.roiSd * (0.7 * z + 0.71 * noise2[i])),
      costCny: noise2.map((z) => totalCost * (1 + 0.05 * z)),
      staffHours: noise2.map((z) => s.funnel.responded * 0.4 + 40 * z),
    },
  };
}

function cellIds(): string[] {
  return WEALTH_LEVELS.flatMap((w) => LIFE_STAGES.flatMap((l) => OCCUPATIONS.map((o) => `${w}|${l}|${o}`)));
}

const MATURITY: StrategyShape = {
  id: 'maturity-wm',
  label: '理财到期承接 Maturity follow-up',
  offerProduct: 'wmp',
  eligible: 18_000,
  convT: 0.15,
  convC: 0.12,
  upliftSdPp: 0.92,
  newMoney: 2_350,
  newMoneySd: 1_100,
  roi: 1.85,
  roiSd: 0.45,
  seed: 11,
  funnel: { targeted: 14_580, reached: 10_935, responded: 2_916, converted: 1_750 },
};

const PAYROLL: StrategyShape = {
  id: 'payroll-push',
  label: '代发客户线上促活 Payroll activation',
  offerProduct: 'deposit',
  eligible: 40_000,
  convT: 0.068,
  convC: 0.06,
  upliftSdPp: 0.45,
  newMoney: 310,
  newMoneySd: 240,
  roi: 0.92,
  roiSd: 0.3,
  seed: 23,
  funnel: { targeted: 36_000, reached: 25_200, responded: 5_040, converted: 1_900 },
};

const MATURITY_FLOWS: FlowEdge[] = [
  { from: 'start', to: 'app_push', kind: 'start', count: 14_580 },
  { from: 'app_push', to: 'converted', kind: 'converted', count: 500 },
  { from: 'app_push', to: 'ai_call', kind: 'no_contact', count: 8_100 },
  { from: 'app_push', to: 'end', kind: 'not_interested', count: 5_980 },
  { from: 'ai_call', to: 'wealth_manager', kind: 'referral', count: 2_600 },
  { from: 'ai_call', to: 'converted', kind: 'converted', count: 250 },
  { from: 'ai_call', to: 'end', kind: 'not_interested', count: 4_000 },
  { from: 'ai_call', to: 'end', kind: 'no_contact', count: 1_250 },
  { from: 'wealth_manager', to: 'converted', kind: 'converted', count: 1_000 },
  { from: 'wealth_manager', to: 'app_push', kind: 'return', count: 1_100 },
  { from: 'wealth_manager', to: 'end', kind: 'not_interested', count: 180 },
  { from: 'wealth_manager', to: 'dropped', kind: 'dropped', count: 320 },
];

const PAYROLL_FLOWS: FlowEdge[] = [
  { from: 'start', to: 'app_push', kind: 'start', count: 36_000 },
  { from: 'app_push', to: 'converted', kind: 'converted', count: 1_300 },
  { from: 'app_push', to: 'sms', kind: 'no_contact', count: 14_000 },
  { from: 'app_push', to: 'end', kind: 'not_interested', count: 20_700 },
  { from: 'sms', to: 'converted', kind: 'converted', count: 600 },
  { from: 'sms', to: 'end', kind: 'end', count: 13_400 },
];

function channel(
  id: string,
  label: string,
  wheel: ChannelUse['wheel'],
  attempts: number,
  reachRate: number,
  perAttemptCny: number,
  capacity: number,
  leads?: [number, number, number],
): ChannelUse {
  const reached = attempts * reachRate;
  const responses = reached * (wheel === 'offline' ? 0.55 : wheel === 'remote' ? 0.25 : 0.12);
  return {
    id,
    label,
    wheel,
    attempts: stat(attempts, attempts * 0.02),
    reached: stat(reached, reached * 0.03),
    responses: stat(responses, responses * 0.05),
    conversions: stat(responses * 0.35, responses * 0.02),
    costCny: stat(attempts * perAttemptCny, attempts * perAttemptCny * 0.03),
    capacityUsedShare: Number.isNaN(capacity) ? stat(Number.NaN, Number.NaN) : stat(capacity, 0.03),
    leadsQueued: stat(leads?.[0] ?? 0, (leads?.[0] ?? 0) * 0.05),
    leadsDecayed: stat(leads?.[1] ?? 0, (leads?.[1] ?? 0) * 0.1),
    leadsDropped: stat(leads?.[2] ?? 0, (leads?.[2] ?? 0) * 0.1),
    staffHours: stat(wheel === 'online' ? 0 : attempts * 0.25, 20),
  };
}

const RUN_CHANNELS: ChannelUse[] = [
  channel('app_push', 'App push 推送', 'online', 51_680, 0.62, 0.02, Number.NaN),
  channel('sms', 'SMS 短信', 'online', 14_000, 0.9, 0.05, Number.NaN),
  channel('ai_call', 'AI outbound call 智能外呼', 'remote', 8_100, 0.85, 0.6, 0.72),
  channel('wealth_manager', '理财经理 Wealth manager', 'offline', 2_600, 0.92, 45, 0.97, [2_600, 410, 320]),
];

function strategyChannels(ids: string[], share: number): StrategySummary['channels'] {
  return RUN_CHANNELS.filter((c) => ids.includes(c.id)).map(
    ({ id, attempts, reached, responses, conversions, costCny }) => ({
      id,
      attempts: scale(attempts, share),
      reached: scale(reached, share),
      responses: scale(responses, share),
      conversions: scale(conversions, share),
      costCny: scale(costCny, share),
    }),
  );
}

function scale(s: Stat, k: number): Stat {
  return {
    mean: s.mean * k,
    median: s.median * k,
    p05: s.p05 * k,
    p95: s.p95 * k,
    sd: s.sd * k,
    mcSe: s.mcSe * k,
  };
}

export function runSummaryFixture(): RunSummary {
  return {
    scenarioName: '开门红 2025 — 到期承接与代发促活',
    seed: 'sandtable-2025',
    engineVersion: 1,
    replicationsDone: REPLICATIONS,
    replicationsPlanned: REPLICATIONS,
    weeks: 12,
    customers: 120_000,
    strategies: [
      strategy(MATURITY, MATURITY_FLOWS, strategyChannels(['app_push', 'ai_call', 'wealth_manager'], 0.6)),
      strategy(PAYROLL, PAYROLL_FLOWS, strategyChannels(['app_push', 'sms'], 0.4)),
    ],
    channels: RUN_CHANNELS,
    suppressedByPolicy: stat(3_400, 180),
    sampling: 'lhs',
  };
}

/**
 * Variants of the fixture run on common random numbers: variant k shares the replication noise of
 * the base and shifts conversion uplift by `shiftsPp[k]`, so paired differences are tight.
 */
export function compareVariantsFixture(
  shiftsPp: number[] = [0, 0.5, -0.3],
): Array<{ name: string; summary: RunSummary }> {
  return shiftsPp.map((shift, k) => {
    const summary = runSummaryFixture();
    for (const s of summary.strategies) {
      s.naive.causalUpliftPp = shifted(s.naive.causalUpliftPp, shift);
      s.conversionRate.uplift = shifted(s.conversionRate.uplift, shift / 100);
      s.samples.conversionUpliftPp = s.samples.conversionUpliftPp.map((v) => v + shift);
      s.roi = shifted(s.roi, shift / 2);
      s.samples.roi = s.samples.roi.map((v) => v + shift / 2);
    }
    return { name: k === 0 ? 'A · 基准 baseline' : `${String.fromCharCode(65 + k)} · variant`, summary };
  });
}

function shifted<T extends Stat>(s: T, by: number): T {
  return { ...s, mean: s.mean + by, median: s.median + by, p05: s.p05 + by, p95: s.p95 + by };
}

/** The population behind the fixture run: 120,000 customers, 7 × 4 × 4 grid, 12 branches. */
export function populationSummaryFixture(): PopulationSummary {
  // Lorenz curve L(p) = 1 − (1 − p)^α with α chosen so the top 2% hold ≈ 79% of AUM.
  const alpha = Math.log(0.79) / Math.log(0.02);
  const shares = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 1];
  const size = 120_000;
  const counts = WEALTH_LEVELS.map((_, w) =>
    LIFE_STAGES.map((_, l) =>
      OCCUPATIONS.map((_, o) => Math.round((size * 0.55 ** w * (1 + 0.3 * Math.sin(l + 2 * o))) / 37)),
    ),
  );
  const totalAum = 62.4e9;
  return {
    size,
    totalAumCny: totalAum,
    meanAumCny: totalAum / size,
    medianAumCny: 21_500,
    topShareAum: { topShare: 0.02, aumShare: (1 - 0.98) ** alpha, target: 0.8 },
    longTail: { share: 0.79, target: 0.8, thresholdCny: 50_000 },
    lorenz: shares.map((p) => ({ customerShare: p, aumShare: 1 - (1 - p) ** alpha })),
    tiers: TIERS.map(([id, label], i) => ({
      id,
      label,
      customers: Math.round(size * [0.79, 0.13, 0.055, 0.02, 0.005][i]),
      share: [0.79, 0.13, 0.055, 0.02, 0.005][i],
      aumShare: [0.06, 0.08, 0.12, 0.3, 0.44][i],
    })),
    grid: { wealthLevels: WEALTH_LEVELS, lifeStages: LIFE_STAGES, occupations: OCCUPATIONS, counts },
    branches: BRANCHES.map(([name, region], i) => ({
      id: i + 1,
      name,
      region,
      customers: Math.round(size * ((14 - i) / 114)),
      wealthManagers: 12 - Math.floor(i / 2),
      remoteAgents: 4 + (i % 3),
      effect: ((i * 7) % 5) / 50 - 0.04,
    })),
    appUserShare: 0.71,
    payrollShare: 0.38,
  };
}
