// What a run produces, as the CLI, the studio and the exports see it. Every figure that varies
// across replications is a Stat: mean, median, 5th and 95th percentile over replications.

import type { LocalText } from './scenario/local-text';

/** Summary over replications of one figure. */
export type Stat = {
  mean: number;
  median: number;
  p05: number;
  p95: number;
  sd: number;
  /** Monte Carlo standard error of the mean: SD / √replications (shrinks with more replications). */
  mcSe: number;
};

/** A difference treatment − control, with the probability that it is above zero. */
export type UpliftStat = Stat & { pPositive: number };

export type FunnelStage = 'eligible' | 'targeted' | 'reached' | 'responded' | 'converted';
export const FUNNEL_STAGES: readonly FunnelStage[] = [
  'eligible',
  'targeted',
  'reached',
  'responded',
  'converted',
];

/**
 * Mean counts per replication. `converted` counts conversions made by the campaign's journey, so
 * the stages never increase; `buyers` counts everyone who bought the offer after the trigger by
 * any route (campaign or organic) — the basis of the conversion rate and its uplift. Control
 * customers are never contacted: reached = responded = converted = 0 and buyers are organic.
 */
export type Funnel = Record<FunnelStage, number> & { buyers: number };

export type ArmPair = { treatment: Stat; control: Stat; uplift: UpliftStat };

/**
 * A domain outcome with the naive multiple trade reports quote: participants' mean ÷ the mean of
 * everyone else (targeted non-participants and the control group) — selection, not effect.
 */
export type DomainOutcome = ArmPair & { naiveRatio: Stat };

export type GroupUplift = {
  id: string;
  label: LocalText;
  /** Mean targeted customers per replication in treatment and control. */
  targetedTreatment: number;
  targetedControl: number;
  conversionUpliftPp: UpliftStat;
  newMoneyUpliftPerCustomerCny: UpliftStat;
};

export type WeekPoint = {
  week: number;
  /** ISO date of the week's first day. */
  startDate: string;
  /** Cumulative conversion rate (any route) of targeted customers, by arm, mean over replications. */
  conversionTreatment: number;
  conversionControl: number;
  upliftPp: UpliftStat;
  contacts: number;
  costCny: number;
};

export type ChannelUse = {
  id: string;
  label: LocalText;
  wheel: 'online' | 'remote' | 'offline';
  attempts: Stat;
  reached: Stat;
  responses: Stat;
  conversions: Stat;
  costCny: Stat;
  /** Attempts made / attempts the staff could make, over the horizon (NaN when uncapped). */
  capacityUsedShare: Stat;
  leadsQueued: Stat;
  leadsDecayed: Stat;
  leadsDropped: Stat;
  staffHours: Stat;
};

/** The journey's ends in FlowEdge.from/to, as codes (the studio words them); other nodes are steps. */
export const FLOW_TERMINALS = [
  'start',
  'no_contact',
  'not_interested',
  'interested',
  'converted',
  'not_converted',
  'dropped',
] as const;
export type FlowTerminal = (typeof FLOW_TERMINALS)[number];

export type FlowEdge = {
  /** A FlowTerminal, or a step as `<step id> · <channel label>`; a repeat visit ends in `#repeat`. */
  from: string;
  to: string;
  kind: 'start' | 'referral' | 'return' | 'no_contact' | 'not_interested' | 'converted' | 'end' | 'dropped';
  /** Mean customers per replication along this edge. */
  count: number;
};

/** A verdict as a message code with parameters, rendered in the user's language. */
export type Verdict = {
  code: 'verdict.rollOut' | 'verdict.pilotFirst' | 'verdict.unprofitable' | 'verdict.noEffect';
  params: {
    conversionPp: number;
    newMoneyCny: number;
    roi: number;
    roiP05: number;
    roiP95: number;
    /** Simulated power of this pilot design to detect the conversion uplift (0–1). */
    power: number;
    /** Whether the pilot as designed is too small to confirm the uplift (power below 80%). */
    isUnderpowered: boolean;
  };
};

export type PilotAnalysis = {
  /** Share of replications where a two-sided test at α = 0.05 found conversion uplift significant. */
  powerConversion: number;
  powerConversionSe: number;
  /**
   * The same for net new money per customer. Both outcomes use a randomization test on outcomes
   * adjusted for pre-period AUM (customer or branch level): exact size whatever the tails.
   */
  powerAum: number;
  powerAumSe: number;
  medianPConversion: number;
  medianPAum: number;
  /** Mean width of a single pilot's 90% confidence interval for net new money per customer, CNY. */
  newMoneyIntervalWidthCny: number;
  /** 'customer' tests use customer-level SEs; 'branch' uses branch-level (cluster) SEs. */
  analysisLevel: 'customer' | 'branch';
};

export type NaiveView = {
  /** Conversion of participants (reached and responded) and of everyone else targeted or held out. */
  participantsConversion: Stat;
  nonParticipantsConversion: Stat;
  naiveUpliftPp: Stat;
  causalUpliftPp: UpliftStat;
  /** naive − causal, percentage points: the selection bias. */
  selectionBiasPp: Stat;
  participantsNewMoneyPerCustomerCny: Stat;
  nonParticipantsNewMoneyPerCustomerCny: Stat;
};

export type StrategySummary = {
  id: string;
  label: LocalText;
  offerProduct: string;
  holdoutShare: number;
  assignmentLevel: 'customer' | 'branch';
  funnelTreatment: Funnel;
  funnelControl: Funnel;
  /** Conversion (bought the offer by any route after the trigger) among targeted customers. */
  conversionRate: ArmPair;
  conversionUpliftRel: UpliftStat;
  /**
   * Net new money per targeted customer, CNY: money from outside the bank (the new-money part of
   * purchases, large inflows) less outflows (maturity run-off, churn). Its uplift is the AUM uplift.
   */
  newMoneyPerCustomerCny: ArmPair;
  newMoneyUpliftTotalCny: UpliftStat;
  /** The new-money part of purchases alone, per customer, CNY. */
  purchaseNewMoneyPerCustomerCny: ArmPair;
  /** Purchase amounts moved from other accounts of the same bank (reported, not AUM uplift). */
  internalShiftPerCustomerCny: ArmPair;
  /** Products held at the end of the horizon per targeted customer (held at the start + gained). */
  productsHeldPerCustomer: DomainOutcome;
  /** Products newly held by the end (bought and not held before) per targeted customer. */
  productsGainedPerCustomer: ArmPair;
  /** Share of targeted customers active in the app (MAU). */
  mauRate: DomainOutcome;
  /** App logins per month over the horizon, per targeted customer (activations lift it). */
  appLoginsPerMonth: DomainOutcome;
  /** Share of targeted customers who moved up at least one tier by the end. */
  tierUpRate: DomainOutcome;
  /** Share of targeted customers who left (attrition); its negative uplift is attrition avoided. */
  attritionRate: DomainOutcome;
  attritionAvoidedCustomers: UpliftStat;
  /**
   * Campaign cost per replication, CNY: total = contacts + incentives; staffCny is the part of the
   * contact cost spent by staff channels (of which, not an extra item).
   */
  cost: {
    contactsCny: Stat;
    incentivesCny: Stat;
    staffCny: Stat;
    totalCny: Stat;
    staffHours: Stat;
  };
  /** Incremental value from the randomized comparison (treatment − control, scaled to the treated), CNY. */
  incrementalValueCny: UpliftStat;
  /**
   * Randomized ROI: mean incremental value ÷ mean total cost (a ratio of means); p05…p95 band and
   * pAbove1 from the per-replication ratios.
   */
  roi: Stat & { pAbove1: number };
  conversionsPerStaffHour: Stat;
  leadFollowUpRate: Stat;
  naive: NaiveView;
  /**
   * The modelled effect on the treated, from each customer's own counterfactual (the same draws
   * without the campaign): incremental buyers and net new money. Free of the randomized
   * comparison's sampling noise, so it shows the expected effect the pilot's estimate scatters around.
   */
  modelled: {
    conversionUpliftPp: Stat;
    newMoneyPerCustomerCny: Stat;
    newMoneyTotalCny: Stat;
    /** Incremental value (revenue and margin on new money over the value horizon), CNY per replication. */
    valueCny: Stat;
    /** Modelled value ÷ total cost, a ratio of means with the per-replication band. */
    roi: Stat & { pAbove1: number };
    /** Mean total cost ÷ mean incremental buyers, CNY (NaN without incremental buyers). */
    costPerIncrementalBuyerCny: number;
    /** Mean total cost ÷ mean modelled net new money: CNY spent per CNY of new money. */
    costPerCnyNewMoney: number;
  };
  pilot: PilotAnalysis;
  /** What to do, from the modelled effect, ROI and pilot power (rule in docs/model.md). */
  verdict: Verdict;
  channels: Array<Pick<ChannelUse, 'id' | 'attempts' | 'reached' | 'responses' | 'conversions' | 'costCny'>>;
  flows: FlowEdge[];
  byTier: GroupUplift[];
  byCell: GroupUplift[];
  byBranch: GroupUplift[];
  byWeek: WeekPoint[];
  /** Per-replication values in replication order, for histograms and convergence (roi: modelled). */
  samples: {
    conversionUpliftPp: Float64Array;
    newMoneyUpliftPerCustomerCny: Float64Array;
    roi: Float64Array;
    /** Total cost (contacts + incentives) and staff hours per replication, for paired comparisons. */
    costCny: Float64Array;
    staffHours: Float64Array;
  };
};

export type LorenzPoint = { customerShare: number; aumShare: number };

export type PopulationSummary = {
  size: number;
  totalAumCny: number;
  meanAumCny: number;
  medianAumCny: number;
  topShareAum: { topShare: number; aumShare: number; target: number };
  longTail: { share: number; target: number; thresholdCny: number };
  lorenz: LorenzPoint[];
  tiers: Array<{ id: string; label: LocalText; customers: number; share: number; aumShare: number }>;
  grid: {
    wealthLevels: LocalText[];
    lifeStages: LocalText[];
    occupations: LocalText[];
    /** counts[w][l][o] */
    counts: number[][][];
  };
  branches: Array<{
    id: number;
    name: string;
    region: string;
    customers: number;
    wealthManagers: number;
    remoteAgents: number;
    effect: number;
  }>;
  appUserShare: number;
  payrollShare: number;
  /** Each strategy's target segment, in the scenario's strategy order (simApi.populationSummary fills it). */
  segments?: StrategySegment[];
};

/** The size of a group of customers within the population. */
export type SegmentCount = {
  customers: number;
  /** customers ÷ population size (0–1). */
  share: number;
  /** The group's AUM ÷ the population's AUM (0–1), at the start of the horizon. */
  aumShare: number;
  /** Customers per service tier, in the order of `PopulationSummary.tiers`. */
  byTier: number[];
};

/** Who a strategy may reach: the customers its rules match, and those left after its topK cut. */
export type StrategySegment = {
  strategyId: string;
  /** Every target rule holds (the whole population when there are no rules). */
  matched: SegmentCount;
  /** After the top-share cut by the propensity-model score, exactly as the engine selects; null without topK. */
  afterTopK: SegmentCount | null;
};

export type RunSummary = {
  scenarioName: LocalText;
  seed: string;
  /** The engine version that produced the run (sim/engine/version.ts): same seed, same version → same numbers. */
  engineVersion: number;
  replicationsDone: number;
  replicationsPlanned: number;
  weeks: number;
  customers: number;
  strategies: StrategySummary[];
  channels: ChannelUse[];
  /** Customer contacts suppressed by the contact policy, per replication. */
  suppressedByPolicy: Stat;
  sampling: 'plain' | 'lhs';
};
