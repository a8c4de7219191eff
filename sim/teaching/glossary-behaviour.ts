// Glossary: the population's behaviour over time — organic drift, churn, app activation — and the
// events (payroll day, wealth-product maturity, large inflows) that open high-intent periods.
import type { RawEntries } from './glossary-types';

export const BEHAVIOUR_ENTRIES: RawEntries = {
  'population.organic.aumDriftWeekly': {
    en: [
      'Weekly AUM drift',
      'Mean weekly growth rate of customer AUM, the same in both arms.',
      'AUM grows by (1 + drift × weeks + market return); it moves treatment and control alike, so it never appears as uplift.',
      '0.0006 per week (≈ 3% a year) in the examples.',
    ],
    zh: [
      '每周 AUM 漂移',
      '客户 AUM 的平均周增长率，两组相同。',
      'AUM 按 (1 + 漂移 × 周数 + 市场回报) 增长；对干预组和对照组一样，不会表现为提升。',
      '示例中每周 0.0006（约每年 3%）。',
    ],
    src: ['examples'],
  },
  'population.organic.aumIdioSdWeekly': {
    en: [
      'Customer AUM noise (weekly SD)',
      'Customer-level SD of weekly AUM change, as a share of AUM.',
      'Adds noise of SD × √weeks to each customer’s AUM; more noise means a wider interval on money uplift.',
      '0.01 in the examples.',
    ],
    zh: [
      '客户 AUM 噪声（周标准差）',
      '客户层面每周 AUM 变动的标准差（占 AUM 的比例）。',
      '给每位客户的 AUM 加上标准差 × √周数 的噪声；噪声越大，金额提升的区间越宽。',
      '示例中为 0.01。',
    ],
    src: ['examples'],
  },
  'population.organic.attritionWeekly.base': {
    en: [
      'Weekly attrition',
      'Weekly chance a customer leaves the bank (churn), untreated.',
      'Each customer draws a churn week from this hazard (times the tier multiplier); a churned customer takes part of their AUM away.',
      '0.0012 per week (≈ 6% a year) in the examples.',
    ],
    zh: [
      '每周流失率',
      '未干预时客户每周流失的概率。',
      '每位客户按此风险（乘以层级系数）抽取流失周；流失客户带走部分 AUM。',
      '示例中每周 0.0012（约每年 6%）。',
    ],
    src: ['examples'],
  },
  'population.organic.attritionWeekly.byTier': {
    en: [
      'Attrition by tier',
      'Multiplier on weekly attrition for each tier.',
      'Customer hazard = base × tier multiplier.',
      '0.5–1.3 in the examples (long tail churns most).',
    ],
    zh: [
      '按层级的流失系数',
      '各层级每周流失率的倍数。',
      '客户风险 = 基础值 × 层级系数。',
      '示例中为 0.5–1.3（长尾流失最多）。',
    ],
    src: ['examples'],
  },
  'population.organic.attritionAumLoss': {
    en: [
      'AUM lost with a churned customer',
      'Share of a churned customer’s AUM that leaves the bank.',
      'Subtracted from net new money; preventing churn adds it back (attrition avoided).',
      '0.7 in the examples.',
    ],
    zh: [
      '流失带走的 AUM 比例',
      '流失客户的 AUM 中离开本行的比例。',
      '从净新增资金中扣除；防止流失则计回（避免的流失）。',
      '示例中为 0.7。',
    ],
    src: ['examples'],
  },
  'population.organic.appActivationWeekly': {
    en: [
      'Weekly app activation',
      'Weekly chance a non-active app customer starts using the app untreated.',
      'The organic baseline of the app-activation outcome; the control arm shows it.',
      '0.004 in the examples.',
    ],
    zh: [
      '每周自然激活率',
      '不活跃的手机银行客户每周自然开始使用的概率。',
      '手机银行激活结果的自然基线；对照组体现的就是它。',
      '示例中为 0.004。',
    ],
    src: ['examples'],
  },
  'population.organic.attritionReductionAfterConversion': {
    en: [
      'Churn prevented by a conversion',
      'Share of later churn a conversion prevents (a served customer stays).',
      'After a campaign purchase the customer’s churn is cancelled with this probability; counted as attrition avoided.',
      '0.5 by default.',
    ],
    zh: [
      '转化后防流失比例',
      '一次转化能防止的后续流失比例（被服务的客户留下）。',
      '营销购买后，客户的流失以此概率被取消；计为避免的流失。',
      '默认 0.5。',
    ],
    src: ['format'],
  },
  'population.events.payroll.dayOfMonth': {
    en: [
      'Payroll day',
      'Day of the month salaries are paid (代发日).',
      'Each payroll customer has an event on this day every month; event-triggered strategies start from it.',
      '10 in the examples.',
    ],
    zh: [
      '代发日',
      '每月发薪日。',
      '每位代发客户每月此日有一次事件；事件触发的策略由此开始。',
      '示例中为 10 号。',
    ],
    src: ['examples'],
  },
  'population.events.payroll.windowDays': {
    en: [
      'Payroll window (days)',
      'Days after payday during which the customer is more responsive.',
      'A contact inside the window multiplies the response by the payroll response multiplier.',
      '7 days in the examples.',
    ],
    zh: [
      '代发窗口（天）',
      '发薪后客户更易响应的天数。',
      '窗口内的接触，响应乘以代发响应倍数。',
      '示例中为 7 天。',
    ],
    src: ['examples'],
  },
  'population.events.payroll.responseMultiplier': {
    en: [
      'Payroll response multiplier',
      'How much more a customer responds inside the payroll window (the days after payday).',
      'Multiplies the response probability of contacts in the window (not outside it).',
      '1.6 in the examples.',
    ],
    zh: ['代发响应倍数', '代发窗口内客户响应提高的倍数。', '乘到窗口内接触的响应概率上。', '示例中为 1.6。'],
    src: ['examples'],
  },
  'population.events.wmpMaturity.maturitiesPerYear': {
    en: [
      'WMP maturities per year',
      'How often a wealth-management-product (理财) holder has money maturing.',
      'Maturity dates are drawn per holder; each opens a high-intent window and puts part of AUM at risk of leaving.',
      '2 per year in the examples.',
    ],
    zh: [
      '理财每年到期次数',
      '理财持有人每年有资金到期的次数。',
      '为每位持有人抽取到期日；每次到期打开一个高意向窗口，并使部分 AUM 面临流出。',
      '示例中每年 2 次。',
    ],
    src: ['examples'],
  },
  'population.events.wmpMaturity.windowDays': {
    en: [
      'Maturity window (days)',
      'Days after maturity during which the customer is more responsive.',
      'Contacts inside it get the maturity response multiplier.',
      '10 days in the examples.',
    ],
    zh: [
      '到期窗口（天）',
      '到期后客户更易响应的天数。',
      '窗口内的接触获得到期响应倍数。',
      '示例中为 10 天。',
    ],
    src: ['examples'],
  },
  'population.events.wmpMaturity.responseMultiplier': {
    en: [
      'Maturity response multiplier',
      'How much more a customer responds inside the maturity window (the days around maturity).',
      'Multiplies the response probability of contacts in the window (not outside it).',
      '2.5 in the examples.',
    ],
    zh: ['到期响应倍数', '到期窗口内客户响应提高的倍数。', '乘到窗口内接触的响应概率上。', '示例中为 2.5。'],
    src: ['examples'],
  },
  'population.events.wmpMaturity.organicReinvestProbability': {
    en: [
      'Organic reinvestment',
      'Chance the customer reinvests matured money without any campaign.',
      'Sets the control arm’s retention; a campaign purchase that only replaces this reinvestment adds nothing.',
      '0.25–0.45 in the examples.',
    ],
    zh: [
      '自然续投率',
      '没有任何营销时客户把到期资金续投的概率。',
      '决定对照组的留存；只是替代自然续投的营销购买不带来增量。',
      '示例中为 0.25–0.45。',
    ],
    src: ['examples', 'seed004'],
  },
  'population.events.wmpMaturity.outflowProbability': {
    en: [
      'Outflow at maturity',
      'Chance that matured money not reinvested leaves the bank.',
      'That money is subtracted from net new money; keeping it is the retention campaign’s money effect.',
      '0.3–0.35 in the examples.',
    ],
    zh: [
      '到期流出率',
      '到期未续投的资金离开本行的概率。',
      '流出资金从净新增资金中扣除；留住它就是承接营销的金额效果。',
      '示例中为 0.3–0.35。',
    ],
    src: ['examples'],
  },
  'population.events.wmpMaturity.maturingShareOfAum': {
    en: [
      'Maturing share of AUM',
      'Share of the customer’s AUM that matures each time.',
      'The amount at stake at each maturity.',
      '0.35 in the examples.',
    ],
    zh: [
      '到期金额占 AUM 比例',
      '每次到期的金额占客户 AUM 的比例。',
      '每次到期时涉及的金额。',
      '示例中为 0.35。',
    ],
    src: ['examples'],
  },
  'population.events.largeInflow.perYearByTier': {
    en: [
      'Large inflows per year by tier',
      'Large inbound transfers (大额到账) per customer-year, by tier.',
      'Inflow dates are drawn per customer; each adds money and opens a high-intent window of days.',
      '0.3 (long tail) – 1.5 (wealth, private) in the examples.',
    ],
    zh: [
      '各层级每年大额到账次数',
      '每位客户每年大额到账的次数，按层级。',
      '为每位客户抽取到账日期；每次到账带来资金并打开高意向窗口。',
      '示例中为 0.3（长尾）– 1.5（财富、私行）。',
    ],
    src: ['examples'],
  },
  'population.events.largeInflow.amountShareOfAum': {
    en: [
      'Inflow size (share of AUM)',
      'Size of a large inflow as a share of the customer’s AUM.',
      'Added to AUM and to net new money in both arms.',
      '0.3 in the examples.',
    ],
    zh: [
      '到账金额（占 AUM 比例）',
      '大额到账金额占客户 AUM 的比例。',
      '两组都计入 AUM 和净新增资金。',
      '示例中为 0.3。',
    ],
    src: ['examples'],
  },
  'population.events.largeInflow.windowDays': {
    en: [
      'Inflow window (days)',
      'Days after the inflow during which the customer is more responsive.',
      'Contacts inside it get the inflow response multiplier.',
      '14 days in the examples.',
    ],
    zh: [
      '到账窗口（天）',
      '到账后客户更易响应的天数。',
      '窗口内的接触获得到账响应倍数。',
      '示例中为 14 天。',
    ],
    src: ['examples'],
  },
  'population.events.largeInflow.responseMultiplier': {
    en: [
      'Inflow response multiplier',
      'How much more a customer responds inside the inflow window (the days after the transfer).',
      'Multiplies the response probability of contacts in the window (not outside it).',
      '2.2 in the examples.',
    ],
    zh: ['到账响应倍数', '到账窗口内客户响应提高的倍数。', '乘到窗口内接触的响应概率上。', '示例中为 2.2。'],
    src: ['examples'],
  },
};
