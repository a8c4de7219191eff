// The scenario format, version 1: one zod schema, the single source for validation, the
// TypeScript types and the generated JSON Schema (scenarios/scenario.schema.json).
// Sections follow the 3K order: population (KYC) → products & incentives (KYP) →
// channels, strategies, contact policy (KYATO) → calendar, uncertainty, Monte Carlo.
import { z } from 'zod';
import { LocalTextSchema, RequiredLocalTextSchema } from './local-text';

export const SCENARIO_KIND = 'sandtable.scenario';
export const SCENARIO_VERSION = 1;

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'schema.not-an-id' }); // a code: messages/ words it
const probability = z.number().min(0).max(1);
const nonNegative = z.number().min(0);
const positive = z.number().positive();
const multiplier = z.number().min(0).max(100);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Multipliers keyed by tier id; tiers not listed use 1. */
const byTier = z.record(z.string(), multiplier);

export const ReachKindSchema = z.enum(['app', 'sms', 'phone', 'wecom', 'branch']);
export const EventKindSchema = z.enum(['payroll', 'wmp_maturity', 'large_inflow']);
export const ProductFamilySchema = z.enum([
  'deposit',
  'large_cd',
  'wmp',
  'fund',
  'insurance',
  'loan',
  'credit_card',
  'app_activation',
]);
export const WheelSchema = z.enum(['online', 'remote', 'offline']);
export const IncentiveKindSchema = z.enum(['points', 'voucher', 'rate_coupon', 'gift', 'none']);

const MetaSchema = z.strictObject({
  name: RequiredLocalTextSchema.describe('A name, or { "zh-CN": …, "en": … }.'),
  description: LocalTextSchema.default(''),
  author: z.string().default(''),
  assumptions: z
    .array(z.strictObject({ text: RequiredLocalTextSchema, source: z.string().optional() }))
    .default([])
    .describe('Each assumption and the seed figure it leans on (e.g. "seed 004: reach rate 92.8%").'),
});

const BranchesSchema = z.strictObject({
  count: int(1, 2000),
  sizeWeights: z
    .array(positive)
    .optional()
    .describe('Relative branch sizes, one per branch; when absent, drawn lognormal with sizeCv.'),
  sizeCv: nonNegative.max(3).default(0.5).describe('Coefficient of variation of branch size.'),
  regions: z.array(id).min(1).default(['north', 'south']),
  wealthManagersPer10k: nonNegative.describe(
    'Wealth managers per 10,000 customers of a branch (at least 1).',
  ),
  remoteAgentsPer10k: nonNegative.describe('Remote agents per 10,000 customers of a branch (at least 1).'),
  effectSd: nonNegative.max(3).describe('SD of the branch random effect on the response log-odds.'),
});

const AumSchema = z.strictObject({
  longTailThresholdCny: positive.describe('AUM below this is long tail (seed 001: 长尾客户 ≈ 80%).'),
  longTailShare: z.number().gt(0).lt(1),
  concentration: z
    .strictObject({
      topShare: z.number().gt(0).lt(0.5).describe('The top share of customers, e.g. 0.02.'),
      holdsShare: z.number().gt(0).lt(1).describe('The share of AUM they hold, e.g. 0.8 (seed 002).'),
    })
    .describe('"Top 2% hold 80% of AUM".'),
  capCny: positive.default(200_000_000).describe('No synthetic customer holds more than this.'),
});

const BandSchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  minAumCny: nonNegative,
});

const GroupSchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  share: probability,
  wealthShift: z.number().min(-3).max(3).default(0).describe('Shift of the latent wealth score (SD units).'),
  payrollShare: probability.default(0.3).describe('Share of this group paid through the bank (代发).'),
});

const ReachabilitySchema = z.strictObject({
  base: probability,
  byTier: byTier.default({}),
});

const PopulationSchema = z.strictObject({
  size: int(100, 5_000_000),
  branches: BranchesSchema,
  aum: AumSchema,
  tiers: z.array(BandSchema).min(1).describe('Service tiers by AUM band, ascending; the first starts at 0.'),
  wealthLevels: z.array(BandSchema).min(1).describe('Wealth levels of the KYC grid, ascending by AUM.'),
  lifeStages: z.array(GroupSchema).min(1),
  occupations: z.array(GroupSchema).min(1),
  app: z.strictObject({
    userShareByTier: z.record(z.string(), probability).describe('Share of app users in each tier.'),
    monthlyActiveShare: probability.describe('Share of app users who log in during a given month (MAU).'),
    loginsPerActiveMonth: positive.describe('Mean logins per month of an active app user.'),
  }),
  reachability: z.strictObject({
    app: ReachabilitySchema.describe('Push opt-in among app users.'),
    sms: ReachabilitySchema,
    phone: ReachabilitySchema.describe('Probability a call connects.'),
    wecom: ReachabilitySchema.describe('WeChat/WeCom bound.'),
    branch: ReachabilitySchema.describe('Probability the customer comes to a meeting when invited.'),
  }),
  temperature: z
    .strictObject({
      sdLogit: nonNegative.max(3).describe('Spread of relationship temperature (客户温度计), log-odds.'),
    })
    .default({ sdLogit: 0.8 }),
  organic: z.strictObject({
    aumDriftWeekly: z.number().min(-0.05).max(0.05).describe('Mean weekly AUM growth rate, both arms.'),
    aumIdioSdWeekly: nonNegative.max(0.2).describe('Customer-level SD of weekly AUM change (share of AUM).'),
    attritionWeekly: z.strictObject({ base: probability, byTier: byTier.default({}) }),
    attritionAumLoss: probability.describe('Share of AUM that leaves with a churned customer.'),
    appActivationWeekly: probability.describe(
      'Weekly chance a non-active app customer starts using the app.',
    ),
    attritionReductionAfterConversion: probability
      .default(0.5)
      .describe('Share of later churn a conversion prevents (a served customer stays).'),
  }),
  events: z.strictObject({
    payroll: z.strictObject({
      dayOfMonth: int(1, 28),
      windowDays: int(1, 60),
      responseMultiplier: multiplier,
    }),
    wmpMaturity: z.strictObject({
      maturitiesPerYear: nonNegative.max(12).describe('Maturities per year per WMP holder.'),
      windowDays: int(1, 60),
      responseMultiplier: multiplier,
      organicReinvestProbability: probability.describe(
        'Chance the customer reinvests matured money untreated.',
      ),
      outflowProbability: probability.describe('Chance that matured money not reinvested leaves the bank.'),
      maturingShareOfAum: probability.describe('Share of the customer AUM that matures.'),
    }),
    largeInflow: z.strictObject({
      perYearByTier: z.record(z.string(), nonNegative).describe('Large inbound transfers per customer-year.'),
      amountShareOfAum: nonNegative.max(10),
      windowDays: int(1, 60),
      responseMultiplier: multiplier,
    }),
  }),
});

export const ProductSchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  family: ProductFamilySchema,
  ticket: z.strictObject({
    medianCny: nonNegative.describe('Median purchase amount for a mass-tier customer.'),
    sdLog: nonNegative.max(3),
    aumElasticity: z
      .number()
      .min(0)
      .max(1)
      .describe('How ticket size scales with AUM (0 = flat, 1 = proportional).'),
    maxShareOfAum: positive.max(10).default(1).describe('Cap as a share of AUM plus money held elsewhere.'),
  }),
  newMoneyShare: probability.describe(
    'Expected share of a purchase that is new money from outside the bank.',
  ),
  revenueRate: nonNegative.max(1).describe('Annual revenue per CNY purchased (fee or spread).'),
  valuePerConversionCny: nonNegative
    .default(0)
    .describe('Yearly value of a conversion beyond the amount (e.g. of an active app user).'),
  propensity: z.strictObject({
    base: probability.describe('Typical (median) chance to accept a neutral offer when reached.'),
    byTier: byTier.default({}),
    sdLogit: nonNegative.max(4).default(1),
  }),
  organicWeekly: probability.describe('Weekly chance of buying it untreated, at mean propensity.'),
  holdShare: probability.describe('Share of customers holding it at the start.'),
});

export const IncentiveSchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  kind: IncentiveKindSchema,
  costPerRedemptionCny: nonNegative.describe('Paid when a treated customer converts.'),
  responseMultiplier: multiplier,
});

const CapacitySchema = z.union([
  z.strictObject({
    staff: z.enum(['wealth_manager', 'remote_agent']),
    attemptsPerStaffPerWeek: positive,
    maxQueueWeeks: int(0, 12).default(2).describe('Leads waiting longer are dropped.'),
  }),
  z.strictObject({
    staff: z.literal('none'),
    attemptsPerWeek: positive.describe('Bank-wide weekly cap (e.g. AI call lines).'),
    maxQueueWeeks: int(0, 12).default(1),
  }),
]);

export const ChannelSchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  wheel: WheelSchema,
  reachVia: ReachKindSchema.describe('Which customer reachability applies.'),
  reachRate: probability.describe('Contact success given the customer is reachable this way.'),
  responseEffect: multiplier.describe('Multiplier on propensity for a cold contact.'),
  closeRate: probability.describe('Chance an interested customer buys through this channel.'),
  costPerAttemptCny: nonNegative,
  staffMinutesPerAttempt: nonNegative.default(0),
  capacity: CapacitySchema.optional(),
  fatigue: z
    .strictObject({
      perRecentContact: probability.describe(
        'Response falls by this share per recent contact (within windowWeeks).',
      ),
      windowWeeks: int(1, 26),
    })
    .default({ perRecentContact: 0, windowWeeks: 4 }),
  leadHalfLifeDays: positive
    .optional()
    .describe('A hot lead handed to this channel cools with this half-life.'),
});

const StepTarget = z.union([id, z.literal('end')]);

const JourneyStepSchema = z.strictObject({
  id,
  channel: id,
  waitDays: int(0, 180).default(0).describe('Wait after the previous step before this one.'),
  onNoContact: StepTarget.default('end'),
  onNotInterested: StepTarget.default('end'),
  onInterested: StepTarget.optional().describe('Referral (转介): hand the hot lead to this step.'),
  onNotConverted: StepTarget.default('end').describe('Return (回流): send back to nurture.'),
});

/**
 * Where the studio draws each step on the journey canvas, keyed by step id: x from the canvas's
 * left, y from the top of the step's lane (the lane follows its channel's wheel), in canvas pixels
 * at zoom 1. Optional: steps without a position are laid out automatically. Runs ignore it.
 */
const JourneyLayoutSchema = z
  .record(
    id,
    z.strictObject({
      x: z.number().min(-100_000).max(100_000),
      y: z.number().min(-100_000).max(100_000),
    }),
  )
  .describe(
    'Canvas positions of the steps by step id: x from the left, y from the top of the lane (saved when a step is dragged).',
  );

/** What a target rule can test (see cross-check.ts for the operators and values each takes). */
export const RuleAttrSchema = z.enum([
  'tier',
  'wealth_level',
  'life_stage',
  'occupation',
  'region',
  'branch',
  'aum_cny',
  'is_app_user',
  'is_payroll',
  'holds',
  'not_holds',
  'temperature',
  'propensity',
]);

const RuleSchema = z.strictObject({
  attr: RuleAttrSchema,
  op: z.enum(['in', 'not_in', 'gte', 'lte']).optional(),
  values: z.array(z.string()).optional(),
  value: z.number().optional(),
});

const TriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('batch'), week: int(0, 520) }),
  z.strictObject({ type: z.literal('event'), event: EventKindSchema, delayDays: int(0, 60).default(1) }),
  z.strictObject({
    type: z.literal('sequence'),
    did: EventKindSchema,
    notDid: z.enum(['purchase', 'app_login']),
    withinDays: int(1, 120),
  }),
]);

export const StrategySchema = z.strictObject({
  id,
  label: LocalTextSchema.optional(),
  priority: int(1, 1000)
    .optional()
    .describe('Lower runs first when strategies collide; default: list order.'),
  target: z.strictObject({
    rules: z.array(RuleSchema).default([]),
    topK: z
      .strictObject({
        share: z.number().gt(0).max(1).describe('Keep the top share by propensity for the offer.'),
      })
      .optional(),
  }),
  trigger: TriggerSchema,
  offer: z.strictObject({
    product: id,
    fit: multiplier.default(1).describe('Offer fit multiplier (price, terms).'),
  }),
  incentive: id.optional(),
  scriptQuality: multiplier.default(1),
  journey: z.strictObject({
    start: id,
    steps: z.array(JourneyStepSchema).min(1),
    layout: JourneyLayoutSchema.optional(),
  }),
  budgetCny: nonNegative.describe('Spending cap; contacts stop when reached.'),
  holdout: z.strictObject({
    share: probability,
    level: z.enum(['customer', 'branch']),
  }),
});

const ContactPolicySchema = z.strictObject({
  maxContactsPerWeek: int(1, 50),
  maxContactsPer4Weeks: int(1, 200),
});

const CalendarSchema = z.strictObject({
  startDate: z.iso.date().describe('ISO date of the first simulated week (a Monday is best).'),
  weeks: int(1, 104),
  seasonality: z
    .array(z.strictObject({ month: int(1, 12), multiplier }))
    .default([])
    .describe('Response and purchase multiplier by calendar month (e.g. 开门红 Jan–Feb).'),
  market: z
    .strictObject({
      sdLog: nonNegative.max(2).describe('Replication-level market factor on all purchase rates, log SD.'),
      aumReturnWeeklyMean: z.number().min(-0.05).max(0.05),
      aumReturnWeeklySd: nonNegative.max(0.1),
    })
    .describe('Moves treatment and control alike.'),
});

const EconomicsSchema = z.strictObject({
  newMoneyMarginRate: nonNegative.max(1).describe('Annual margin on net new money (e.g. NIM).'),
  valueYears: positive.max(10).describe('Years of revenue credited to the campaign.'),
});

const PriorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('beta'), a: positive, b: positive }),
  z.strictObject({ type: z.literal('normal'), mean: z.number(), sd: positive }),
  z.strictObject({ type: z.literal('lognormal'), mu: z.number(), sigma: positive }),
  z.strictObject({ type: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ type: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
]);

const UncertaintySchema = z
  .array(
    z.strictObject({
      param: z
        .string()
        .min(1)
        .describe('Path of a number in this scenario, e.g. channels[ai_call].responseEffect.'),
      prior: PriorSchema,
    }),
  )
  .default([]);

/** Where an assumption's value comes from: a seed figure, the bank's own data, or a guess. */
export const AssumptionSourceSchema = z.enum(['seed', 'bank_data', 'guess']);

/**
 * The assumption ledger (format v1, optional): a source and a note for each uncertain parameter
 * (its prior under `uncertainty`) and for each parameter the user marks as an assumption. Runs
 * ignore it; sensitivity analyses read its ranges (low/high, else the prior's 5th/95th
 * percentiles, else ±20% of the value).
 */
const LedgerSchema = z
  .array(
    z.strictObject({
      param: z.string().min(1).describe('Path of a number in this scenario, as priors name them.'),
      source: AssumptionSourceSchema,
      reference: z.string().optional().describe('The figure leaned on, e.g. "seed 004: reach rate 92.8%".'),
      note: LocalTextSchema.optional(),
      low: z
        .number()
        .optional()
        .describe('Low end for sensitivity (default: prior 5th percentile, else −20%).'),
      high: z
        .number()
        .optional()
        .describe('High end for sensitivity (default: prior 95th percentile, else +20%).'),
    }),
  )
  .describe('Assumption ledger: source and note of each uncertain or assumed parameter (runs ignore it).');

const MonteCarloSchema = z.strictObject({
  replications: int(1, 1_000_000),
  seed: z.union([z.string().min(1), z.number().int()]),
  sampling: z.enum(['plain', 'lhs']).default('plain'),
});

/**
 * Compare variants saved with the scenario (format v1, optional): what the studio's Compare screen
 * runs side by side. Runs ignore it; each override names a parameter path and its value.
 */
const CompareSchema = z
  .strictObject({
    variants: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          name: z.string(),
          overrides: z.array(
            z.strictObject({
              path: z.string().describe('A parameter path, e.g. strategies[omni_fund].holdout.share.'),
              value: z.union([z.number(), z.string(), z.boolean()]),
            }),
          ),
        }),
      )
      .max(4),
  })
  .describe(
    'Compare variants saved with the scenario (the studio runs them side by side; runs ignore them).',
  );

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal(SCENARIO_KIND),
  version: z.literal(SCENARIO_VERSION),
  meta: MetaSchema,
  population: PopulationSchema,
  products: z.array(ProductSchema).min(1),
  incentives: z.array(IncentiveSchema).default([]),
  channels: z.array(ChannelSchema).min(1),
  strategies: z.array(StrategySchema).min(1),
  contactPolicy: ContactPolicySchema,
  calendar: CalendarSchema,
  economics: EconomicsSchema,
  uncertainty: UncertaintySchema,
  monteCarlo: MonteCarloSchema,
  compare: CompareSchema.optional(),
  ledger: LedgerSchema.optional(),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Product = Scenario['products'][number];
export type Incentive = Scenario['incentives'][number];
export type Channel = Scenario['channels'][number];
export type Strategy = Scenario['strategies'][number];
export type JourneyStep = Strategy['journey']['steps'][number];
export type Rule = Strategy['target']['rules'][number];
export type Trigger = Strategy['trigger'];
export type Prior = Scenario['uncertainty'][number]['prior'];
export type LedgerEntry = NonNullable<Scenario['ledger']>[number];
export type AssumptionSource = z.infer<typeof AssumptionSourceSchema>;
export type ReachKind = z.infer<typeof ReachKindSchema>;
export type EventKind = z.infer<typeof EventKindSchema>;
export const REACH_KINDS = ReachKindSchema.options;
export const EVENT_KINDS = EventKindSchema.options;
