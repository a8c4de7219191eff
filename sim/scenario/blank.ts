// A blank but valid starting point for a new scenario: a default synthetic bank (the population of
// the omni-channel example at half the size), the channels of the three wheels (seed 003), one
// product and one starter strategy (the format needs at least one of each).
import type { LocalText } from './local-text';
import { SCENARIO_KIND, SCENARIO_VERSION, type ScenarioInput } from './schema';

type PopulationInput = ScenarioInput['population'];
type ChannelInput = ScenarioInput['channels'][number];
type ProductInput = ScenarioInput['products'][number];
type StrategyInput = ScenarioInput['strategies'][number];
type IncentiveInput = NonNullable<ScenarioInput['incentives']>[number];

/** The default synthetic bank: 40 branches, top 2% hold 80% of AUM, 80% long tail (seeds 001, 002, 004). */
export const DEFAULT_POPULATION: PopulationInput = {
  size: 50000,
  branches: {
    count: 40,
    sizeCv: 0.6,
    regions: ['east', 'central', 'west'],
    wealthManagersPer10k: 4,
    remoteAgentsPer10k: 2,
    effectSd: 0.25,
  },
  aum: {
    longTailThresholdCny: 50000,
    longTailShare: 0.8,
    concentration: {
      topShare: 0.02,
      holdsShare: 0.8,
    },
    capCny: 200000000,
  },
  tiers: [
    {
      id: 'long_tail',
      label: { 'zh-CN': '长尾', en: 'Long tail' },
      minAumCny: 0,
    },
    {
      id: 'mass',
      label: { 'zh-CN': '大众', en: 'Mass' },
      minAumCny: 50000,
    },
    {
      id: 'affluent',
      label: { 'zh-CN': '潜力/贵宾', en: 'Affluent' },
      minAumCny: 300000,
    },
    {
      id: 'wealth',
      label: { 'zh-CN': '财富', en: 'Wealth' },
      minAumCny: 1000000,
    },
    {
      id: 'private',
      label: { 'zh-CN': '私行', en: 'Private' },
      minAumCny: 6000000,
    },
  ],
  wealthLevels: [
    {
      id: 'w1',
      minAumCny: 0,
    },
    {
      id: 'w2',
      minAumCny: 10000,
    },
    {
      id: 'w3',
      minAumCny: 50000,
    },
    {
      id: 'w4',
      minAumCny: 200000,
    },
    {
      id: 'w5',
      minAumCny: 500000,
    },
    {
      id: 'w6',
      minAumCny: 1000000,
    },
    {
      id: 'w7',
      minAumCny: 6000000,
    },
  ],
  lifeStages: [
    {
      id: 'young',
      label: { 'zh-CN': '青年', en: 'Young' },
      share: 0.25,
      wealthShift: -0.4,
      payrollShare: 0.4,
    },
    {
      id: 'family',
      label: { 'zh-CN': '家庭', en: 'Family' },
      share: 0.35,
      wealthShift: 0,
      payrollShare: 0.45,
    },
    {
      id: 'mature',
      label: { 'zh-CN': '中年', en: 'Mature' },
      share: 0.25,
      wealthShift: 0.35,
      payrollShare: 0.35,
    },
    {
      id: 'retired',
      label: { 'zh-CN': '退休', en: 'Retired' },
      share: 0.15,
      wealthShift: 0.45,
      payrollShare: 0.05,
    },
  ],
  occupations: [
    {
      id: 'salaried',
      label: { 'zh-CN': '工薪', en: 'Salaried' },
      share: 0.45,
      wealthShift: 0,
      payrollShare: 0.6,
    },
    {
      id: 'self_employed',
      label: { 'zh-CN': '个体/小微', en: 'Self-employed' },
      share: 0.2,
      wealthShift: 0.4,
      payrollShare: 0.05,
    },
    {
      id: 'civil_servant',
      label: { 'zh-CN': '公职', en: 'Public sector' },
      share: 0.15,
      wealthShift: 0.1,
      payrollShare: 0.8,
    },
    {
      id: 'other',
      label: { 'zh-CN': '其他', en: 'Other' },
      share: 0.2,
      wealthShift: -0.3,
      payrollShare: 0.1,
    },
  ],
  app: {
    userShareByTier: {
      long_tail: 0.55,
      mass: 0.75,
      affluent: 0.8,
      wealth: 0.75,
      private: 0.6,
    },
    monthlyActiveShare: 0.5,
    loginsPerActiveMonth: 6,
  },
  reachability: {
    app: {
      base: 0.65,
      byTier: {},
    },
    sms: {
      base: 0.92,
      byTier: {},
    },
    phone: {
      base: 0.5,
      byTier: {
        long_tail: 0.8,
        wealth: 1.2,
        private: 1.3,
      },
    },
    wecom: {
      base: 0.2,
      byTier: {
        long_tail: 0.5,
        affluent: 2,
        wealth: 3,
        private: 3.5,
      },
    },
    branch: {
      base: 0.35,
      byTier: {
        long_tail: 0.5,
        wealth: 1.6,
        private: 2,
      },
    },
  },
  temperature: {
    sdLogit: 0.8,
  },
  organic: {
    aumDriftWeekly: 0.0006,
    aumIdioSdWeekly: 0.01,
    attritionWeekly: {
      base: 0.0012,
      byTier: {
        long_tail: 1.3,
        wealth: 0.6,
        private: 0.5,
      },
    },
    attritionAumLoss: 0.7,
    appActivationWeekly: 0.004,
  },
  events: {
    payroll: {
      dayOfMonth: 10,
      windowDays: 7,
      responseMultiplier: 1.6,
    },
    wmpMaturity: {
      maturitiesPerYear: 2,
      windowDays: 10,
      responseMultiplier: 2.5,
      organicReinvestProbability: 0.45,
      outflowProbability: 0.3,
      maturingShareOfAum: 0.35,
    },
    largeInflow: {
      perYearByTier: {
        long_tail: 0.3,
        mass: 0.8,
        affluent: 1.2,
        wealth: 1.5,
        private: 1.5,
      },
      amountShareOfAum: 0.3,
      windowDays: 14,
      responseMultiplier: 2.2,
    },
  },
};

/** Channels of the three wheels: online (push, banner, SMS, WeChat), remote (AI call, agent, WeCom), offline. */
export const DEFAULT_CHANNELS: ChannelInput[] = [
  {
    id: 'app_push',
    label: { 'zh-CN': '推送', en: 'App push' },
    wheel: 'online',
    reachVia: 'app',
    reachRate: 0.9,
    responseEffect: 0.35,
    closeRate: 0.45,
    costPerAttemptCny: 0.01,
    fatigue: {
      perRecentContact: 0.15,
      windowWeeks: 4,
    },
  },
  {
    id: 'in_app_banner',
    label: { 'zh-CN': '弹窗/Banner', en: 'In-app banner' },
    wheel: 'online',
    reachVia: 'app',
    reachRate: 0.6,
    responseEffect: 0.25,
    closeRate: 0.5,
    costPerAttemptCny: 0,
    fatigue: {
      perRecentContact: 0.1,
      windowWeeks: 4,
    },
  },
  {
    id: 'sms',
    label: { 'zh-CN': '短信', en: 'SMS' },
    wheel: 'online',
    reachVia: 'sms',
    reachRate: 0.95,
    responseEffect: 0.2,
    closeRate: 0.35,
    costPerAttemptCny: 0.05,
    fatigue: {
      perRecentContact: 0.2,
      windowWeeks: 4,
    },
  },
  {
    id: 'wechat_banking',
    label: { 'zh-CN': '微信银行', en: 'WeChat banking' },
    wheel: 'online',
    reachVia: 'wecom',
    reachRate: 0.85,
    responseEffect: 0.3,
    closeRate: 0.35,
    costPerAttemptCny: 0.02,
    fatigue: {
      perRecentContact: 0.15,
      windowWeeks: 4,
    },
  },
  {
    id: 'ai_call',
    label: { 'zh-CN': '智能外呼', en: 'AI outbound call' },
    wheel: 'remote',
    reachVia: 'phone',
    reachRate: 0.85,
    responseEffect: 0.8,
    closeRate: 0.12,
    costPerAttemptCny: 0.6,
    capacity: {
      staff: 'none',
      attemptsPerWeek: 15000,
      maxQueueWeeks: 1,
    },
    fatigue: {
      perRecentContact: 0.25,
      windowWeeks: 4,
    },
  },
  {
    id: 'remote_agent',
    label: { 'zh-CN': '远程坐席', en: 'Remote agent call' },
    wheel: 'remote',
    reachVia: 'phone',
    reachRate: 0.92,
    responseEffect: 1.1,
    closeRate: 0.4,
    costPerAttemptCny: 6,
    staffMinutesPerAttempt: 9,
    capacity: {
      staff: 'remote_agent',
      attemptsPerStaffPerWeek: 150,
      maxQueueWeeks: 2,
    },
    fatigue: {
      perRecentContact: 0.2,
      windowWeeks: 4,
    },
    leadHalfLifeDays: 7,
  },
  {
    id: 'wecom',
    label: { 'zh-CN': '企业微信', en: 'WeCom 1:1' },
    wheel: 'remote',
    reachVia: 'wecom',
    reachRate: 0.8,
    responseEffect: 0.7,
    closeRate: 0.3,
    costPerAttemptCny: 1,
    staffMinutesPerAttempt: 3,
    fatigue: {
      perRecentContact: 0.15,
      windowWeeks: 4,
    },
  },
  {
    id: 'wealth_manager',
    label: { 'zh-CN': '理财经理', en: 'Wealth manager' },
    wheel: 'offline',
    reachVia: 'branch',
    reachRate: 0.9,
    responseEffect: 1.6,
    closeRate: 0.55,
    costPerAttemptCny: 35,
    staffMinutesPerAttempt: 40,
    capacity: {
      staff: 'wealth_manager',
      attemptsPerStaffPerWeek: 25,
      maxQueueWeeks: 2,
    },
    fatigue: {
      perRecentContact: 0.1,
      windowWeeks: 4,
    },
    leadHalfLifeDays: 5,
  },
  {
    id: 'lobby_manager',
    label: { 'zh-CN': '大堂经理', en: 'Lobby manager' },
    wheel: 'offline',
    reachVia: 'branch',
    reachRate: 0.6,
    responseEffect: 1.2,
    closeRate: 0.4,
    costPerAttemptCny: 12,
    staffMinutesPerAttempt: 15,
    fatigue: {
      perRecentContact: 0.1,
      windowWeeks: 4,
    },
  },
];

export const DEFAULT_PRODUCT: ProductInput = {
  id: 'wmp',
  label: { 'zh-CN': '理财', en: 'Wealth-management product' },
  family: 'wmp',
  ticket: {
    medianCny: 50000,
    sdLog: 0.7,
    aumElasticity: 0.7,
    maxShareOfAum: 1,
  },
  newMoneyShare: 0.35,
  revenueRate: 0.006,
  propensity: {
    base: 0.07,
    byTier: {
      long_tail: 0.5,
      affluent: 1.5,
      wealth: 1.8,
      private: 1.8,
    },
    sdLogit: 0.9,
  },
  organicWeekly: 0.0025,
  holdShare: 0.18,
};

/** A first strategy: app push to app users, SMS where the push does not reach. */
export const STARTER_STRATEGY: StrategyInput = {
  id: 'first_strategy',
  label: { 'zh-CN': '第一个策略', en: 'First strategy' },
  target: { rules: [{ attr: 'is_app_user', value: 1 }] },
  trigger: { type: 'batch', week: 1 },
  offer: { product: 'wmp', fit: 1 },
  journey: {
    start: 'push',
    steps: [
      { id: 'push', channel: 'app_push', onNoContact: 'sms' },
      { id: 'sms', channel: 'sms', waitDays: 2 },
    ],
  },
  budgetCny: 100000,
  holdout: { share: 0.1, level: 'customer' },
};

/** A new incentive's starting values. */
export const DEFAULT_INCENTIVE: IncentiveInput = {
  id: 'new_incentive',
  kind: 'points',
  costPerRedemptionCny: 5,
  responseMultiplier: 1.1,
};

/** A new scenario: valid as it stands, ready for strategies from the library or the forms. */
export function blankScenario(name: LocalText = { 'zh-CN': '新方案', en: 'New scenario' }): ScenarioInput {
  const scenario = {
    kind: SCENARIO_KIND,
    version: SCENARIO_VERSION,
    meta: { name, description: '', author: '', assumptions: [] },
    population: DEFAULT_POPULATION,
    products: [DEFAULT_PRODUCT],
    incentives: [],
    channels: DEFAULT_CHANNELS,
    strategies: [STARTER_STRATEGY],
    contactPolicy: { maxContactsPerWeek: 2, maxContactsPer4Weeks: 5 },
    calendar: {
      startDate: '2027-01-04',
      weeks: 13,
      seasonality: [
        { month: 1, multiplier: 1.35 },
        { month: 2, multiplier: 1.25 },
      ],
      market: { sdLog: 0.1, aumReturnWeeklyMean: 0.0005, aumReturnWeeklySd: 0.004 },
    },
    economics: { newMoneyMarginRate: 0.015, valueYears: 1 },
    uncertainty: [],
    monteCarlo: { replications: 200, seed: 'sandtable-new', sampling: 'lhs' },
  } satisfies ScenarioInput;
  // A deep copy: callers edit what they get, never the shared defaults.
  return JSON.parse(JSON.stringify(scenario)) as ScenarioInput;
}
