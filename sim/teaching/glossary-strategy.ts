// Glossary: strategies and journeys (KYATO) and the contact policy (the calendar, economics,
// uncertainty, Monte Carlo settings and bookkeeping are in glossary-run.ts).
import type { RawEntries, RawEntry } from './glossary-types';

const route = (whenEn: string, whenZh: string, extraEn = '', extraZh = ''): RawEntry => ({
  en: [
    `Route: ${whenEn}`,
    `Where the customer goes next when ${whenEn}: another step or end.${extraEn}`,
    'The journey token moves to that step (after its wait) or leaves the journey.',
    'end by default.',
  ],
  zh: [
    `路由：${whenZh}`,
    `${whenZh}时客户的下一步：另一个步骤或结束。${extraZh}`,
    '旅程令牌转到该步骤（等待后）或离开旅程。',
    '默认结束。',
  ],
  src: ['format'],
});

export const STRATEGY_ENTRIES: RawEntries = {
  'strategies[].id': {
    en: [
      'Strategy id',
      'Code of a strategy (用例).',
      'Names the strategy in results and parameter paths.',
      'e.g. omni_fund, maturity_retention.',
    ],
    zh: [
      '策略代码',
      '策略（用例）的代码。',
      '在结果和参数路径中指代该策略。',
      '例如 omni_fund、maturity_retention。',
    ],
    src: ['examples'],
  },
  'strategies[].label': {
    en: [
      'Strategy name',
      'A readable name for the strategy.',
      'Display only.',
      'e.g. “Maturity retention 理财到期承接”.',
    ],
    zh: ['策略名称', '策略的可读名称。', '仅用于显示。', '例如“Maturity retention 理财到期承接”。'],
    src: ['format'],
  },
  'strategies[].priority': {
    en: [
      'Priority',
      'Which strategy goes first when strategies compete for a customer or staff (lower first).',
      'Strategies run in this order each week; contact caps and staff capacity are used up in that order.',
      'List order by default.',
    ],
    zh: [
      '优先级',
      '多个策略争夺同一客户或人员时谁先（数字小者先）。',
      '每周按此顺序运行；接触上限和人员容量按此顺序被占用。',
      '默认按列表顺序。',
    ],
    src: ['format'],
  },
  'strategies[].target.rules[].attr': {
    en: [
      'Rule attribute',
      'What a target rule tests: tier, wealth level, life stage, occupation, region, branch, AUM, app user, payroll, holds, temperature, propensity.',
      'Customers must pass every rule to be eligible.',
      'tier and holds are the most common.',
    ],
    zh: [
      '规则属性',
      '目标规则检验的内容：层级、财富等级、人生阶段、职业、区域、网点、AUM、手机银行用户、代发、持有、温度、倾向。',
      '客户须满足所有规则才有资格。',
      '层级和持有最常用。',
    ],
    src: ['format'],
  },
  'strategies[].target.rules[].op': {
    en: [
      'Rule operator',
      'in, not in, at least (gte) or at most (lte).',
      'How the attribute is compared with the rule’s values.',
      'in for categories; gte/lte for numbers.',
    ],
    zh: [
      '规则运算符',
      '属于、不属于、不小于（gte）或不大于（lte）。',
      '属性与规则取值的比较方式。',
      '类别用 in；数值用 gte/lte。',
    ],
    src: ['format'],
  },
  'strategies[].target.rules[].values': {
    en: [
      'Rule values',
      'The categories a rule lists (tiers, products, regions…).',
      'Compared with the customer’s attribute by the operator.',
      'e.g. [mass, affluent, wealth].',
    ],
    zh: [
      '规则取值',
      '规则列出的类别（层级、产品、区域……）。',
      '按运算符与客户属性比较。',
      '例如 [mass, affluent, wealth]。',
    ],
    src: ['format'],
  },
  'strategies[].target.rules[].value': {
    en: [
      'Rule threshold',
      'The number a gte/lte rule compares with (AUM in CNY, a propensity, a temperature; 0/1 for yes/no).',
      'Compared with the customer’s attribute.',
      'Depends on the attribute.',
    ],
    zh: [
      '规则阈值',
      'gte/lte 规则比较的数值（AUM 元、倾向、温度；是/否用 0/1）。',
      '与客户属性比较。',
      '视属性而定。',
    ],
    src: ['format'],
  },
  'strategies[].target.topK.share': {
    en: [
      'Top share by model score',
      'Keep only this top share of eligible customers by a propensity-model score.',
      'Ranks eligible customers by a noisy model score of their propensity and keeps the top share (the model → select segment step).',
      '0.6 in the examples; absent = everyone eligible.',
    ],
    zh: [
      '模型分前段比例',
      '按倾向模型分只保留合格客户中的前这部分。',
      '按带噪声的倾向模型分对合格客户排序，保留前段（“建模型—筛客群”）。',
      '示例中为 0.6；不填 = 全部合格客户。',
    ],
    src: ['seed004', 'examples'],
  },
  'strategies[].trigger.type': {
    en: [
      'Trigger',
      'When a customer enters the journey: a batch week, an event (payroll, maturity, large inflow), or a sequence (did A but not B within N days).',
      'Control customers are “targeted” on the same day but never contacted.',
      'Event triggers catch high-intent windows.',
    ],
    zh: [
      '触发方式',
      '客户何时进入旅程：批量周、事件（代发、到期、大额到账）或序列（做了 A 但 N 天内没做 B）。',
      '对照组客户同日被“选中”但从不接触。',
      '事件触发能抓住高意向窗口。',
    ],
    src: ['seed002', 'model'],
  },
  'strategies[].trigger.week': {
    en: [
      'Batch week',
      'Week of the run (from 0) when a batch strategy starts.',
      'All eligible customers are triggered that week.',
      '0–1 in the examples.',
    ],
    zh: ['批量周', '批量策略开始的周（从 0 起）。', '所有合格客户在该周被触发。', '示例中为 0–1。'],
    src: ['examples'],
  },
  'strategies[].trigger.event': {
    en: [
      'Trigger event',
      'Which event starts the journey: payroll, WMP maturity or large inflow.',
      'Each occurrence for an eligible customer triggers the journey after the delay.',
      'payroll, wmp_maturity, large_inflow.',
    ],
    zh: [
      '触发事件',
      '启动旅程的事件：代发、理财到期或大额到账。',
      '合格客户每发生一次，在延迟后触发旅程。',
      'payroll、wmp_maturity、large_inflow。',
    ],
    src: ['format'],
  },
  'strategies[].trigger.delayDays': {
    en: [
      'Reaction delay (days)',
      'Days between the event and the first contact.',
      'A long delay misses the high-intent window (its first days).',
      '1 day in the examples.',
    ],
    zh: ['反应延迟（天）', '事件与首次接触之间的天数。', '延迟过长会错过高意向窗口。', '示例中为 1 天。'],
    src: ['examples'],
  },
  'strategies[].trigger.did': {
    en: [
      'Sequence: did',
      'The event the customer did (e.g. payroll).',
      'Starts the watch for the “did not” action.',
      'payroll in the examples.',
    ],
    zh: ['序列：发生了', '客户发生的事件（如代发）。', '开始观察“未发生”的行为。', '示例中为 payroll。'],
    src: ['examples'],
  },
  'strategies[].trigger.notDid': {
    en: [
      'Sequence: did not',
      'The action the customer did not take (purchase or app login).',
      'If it does not happen within the window, the journey starts.',
      'app_login in the examples (“paid but not logged in”).',
    ],
    zh: [
      '序列：未发生',
      '客户未做的行为（购买或登录）。',
      '窗口内未发生则启动旅程。',
      '示例中为 app_login（“代发未登录”）。',
    ],
    src: ['examples'],
  },
  'strategies[].trigger.withinDays': {
    en: [
      'Sequence window (days)',
      'Days to wait for the “did not” action.',
      'The journey starts when the window closes without it.',
      '14 days in the examples.',
    ],
    zh: ['序列窗口（天）', '等待“未发生”行为的天数。', '窗口结束仍未发生则启动旅程。', '示例中为 14 天。'],
    src: ['examples'],
  },
  'strategies[].offer.product': {
    en: [
      'Offered product',
      'The product the strategy offers.',
      'Its propensity, ticket and revenue drive response and value.',
      'One of the scenario’s products.',
    ],
    zh: ['推荐产品', '策略推荐的产品。', '其倾向、金额和收入决定响应与价值。', '场景中的某个产品。'],
    src: ['format'],
  },
  'strategies[].offer.fit': {
    en: [
      'Offer fit',
      'How well the offer’s price and terms fit (a multiplier).',
      'Multiplies every response of the strategy.',
      '1–1.35 in the examples.',
    ],
    zh: [
      '产品匹配度',
      '推荐的价格与条款的匹配程度（倍数）。',
      '乘到该策略的所有响应上。',
      '示例中为 1–1.35。',
    ],
    src: ['examples'],
  },
  'strategies[].incentive': {
    en: [
      'Incentive',
      'The incentive offered with the strategy (optional).',
      'Its multiplier raises response; its cost is paid per conversion.',
      'One of the scenario’s incentives.',
    ],
    zh: ['权益', '策略附带的权益（可选）。', '其倍数提高响应；其成本按转化支付。', '场景中的某项权益。'],
    src: ['format'],
  },
  'strategies[].scriptQuality': {
    en: [
      'Script quality (话术质量)',
      'How good the script (话术) is, as a multiplier on response.',
      'Multiplies every response of the strategy, like offer fit.',
      '1 by default; 0.8–1.3 is a plausible spread.',
    ],
    zh: [
      '话术质量',
      '话术的好坏，以响应倍数表示。',
      '与产品匹配度一样，乘到该策略的所有响应上。',
      '默认 1；0.8–1.3 为合理范围。',
    ],
    src: ['format', 'seed004'],
  },
  'strategies[].journey.start': {
    en: [
      'Journey start',
      'The step a triggered customer enters first.',
      'The journey token starts here.',
      'Usually an online step (push, SMS).',
    ],
    zh: ['旅程起点', '被触发客户进入的第一步。', '旅程令牌从这里开始。', '通常是线上步骤（推送、短信）。'],
    src: ['seed003'],
  },
  'strategies[].journey.layout': {
    en: [
      'Canvas layout',
      'Where the studio draws each journey step on the canvas (optional).',
      'Display only: runs ignore it.',
      'Written when a step is dragged; dropped by Auto layout.',
    ],
    zh: [
      '画布布局',
      '工作台在旅程画布上绘制各步骤的位置（可选）。',
      '仅用于显示：运行时忽略。',
      '拖动步骤时写入；“自动布局”会清除。',
    ],
    src: ['format'],
  },
  'strategies[].journey.steps[].id': {
    en: ['Step id', 'Code of a journey step.', 'Routes name it.', 'e.g. push, ai, wm, nurture.'],
    zh: ['步骤代码', '旅程步骤的代码。', '路由引用它。', '例如 push、ai、wm、nurture。'],
    src: ['examples'],
  },
  'strategies[].journey.steps[].channel': {
    en: [
      'Step channel',
      'The channel this step contacts through.',
      'The channel’s reach, response, close rate, cost, capacity and fatigue apply.',
      'One of the scenario’s channels.',
    ],
    zh: [
      '步骤渠道',
      '该步骤使用的渠道。',
      '适用该渠道的触达、响应、成交、成本、容量和疲劳。',
      '场景中的某个渠道。',
    ],
    src: ['format'],
  },
  'strategies[].journey.steps[].waitDays': {
    en: [
      'Wait (days)',
      'Wait after the previous step before this one.',
      'Delays the contact; waiting past an event window loses its multiplier.',
      '0–14 days in the examples.',
    ],
    zh: [
      '等待（天）',
      '上一步之后到本步之前的等待天数。',
      '推迟接触；等待超过事件窗口会失去其倍数。',
      '示例中为 0–14 天。',
    ],
    src: ['examples'],
  },
  'strategies[].journey.steps[].onNoContact': route('no contact', '未触达'),
  'strategies[].journey.steps[].onNotInterested': route('not interested', '无兴趣'),
  'strategies[].journey.steps[].onInterested': {
    en: [
      'Referral (转介)',
      'Hand an interested customer to this step as a hot lead, instead of closing here.',
      'The lead waits for the next step’s capacity and cools with its lead half-life; then that channel’s close rate applies.',
      'AI call → wealth manager in the examples.',
    ],
    zh: [
      '转介',
      '把有兴趣的客户作为热商机转交到此步骤，而不是在本步成交。',
      '商机等待下一步的容量，并按其商机半衰期冷却；之后适用该渠道的成交率。',
      '示例中为 AI 外呼 → 理财经理。',
    ],
    src: ['seed003', 'model'],
    see: ['channels[].leadHalfLifeDays'],
  },
  'strategies[].journey.steps[].onNotConverted': route(
    'interested but not converted (return, 回流)',
    '有兴趣但未转化（回流）',
    ' A return sends the customer back to online nurture.',
    '回流把客户送回线上培育。',
  ),
  'strategies[].budgetCny': {
    en: [
      'Budget (CNY)',
      'Spending cap of the strategy.',
      'Contacts stop when cost reaches it.',
      '40,000–600,000 CNY in the examples.',
    ],
    zh: ['预算（元）', '策略的支出上限。', '成本达到上限后停止接触。', '示例中为 4 万–60 万元。'],
    src: ['examples'],
  },
  'strategies[].holdout.share': {
    en: [
      'Holdout share (对照组)',
      'Share of targeted customers (or branches) randomly held out as a control group and never contacted.',
      'Uplift = treatment − control. A larger holdout costs some campaign reach but raises the pilot’s power.',
      '0.1–0.25 in the examples; in Compare, 5/10/20% → power 21/46/71% on the omni example.',
    ],
    zh: [
      '对照组比例',
      '被随机留作对照组、从不接触的目标客户（或网点）比例。',
      '提升 = 干预组 − 对照组。对照组越大，营销覆盖略少，但试点检验力更高。',
      '示例中为 0.1–0.25；在对比中 5/10/20% → 全渠道示例检验力 21/46/71%。',
    ],
    src: ['seed002', 'examples'],
    see: ['output.power'],
  },
  'strategies[].holdout.level': {
    en: [
      'Holdout level',
      'Randomize individual customers, or whole branches.',
      'Branch-level randomization puts every eligible customer of a control branch in control; the analysis then compares branch means (a cluster design, fewer effective units).',
      'customer in most examples; branch for the long-tail batch.',
    ],
    zh: [
      '对照层级',
      '按客户随机，或按整个网点随机。',
      '网点级随机使对照网点的全部合格客户进入对照组；分析比较网点均值（整群设计，有效单位更少）。',
      '多数示例按客户；长尾批量按网点。',
    ],
    src: ['examples', 'model'],
  },
  'contactPolicy.maxContactsPerWeek': {
    en: [
      'Max contacts per week',
      'Most reached contacts a customer may get in a week, across all strategies.',
      'Contacts beyond it are skipped; protects against fatigue.',
      '2 in the examples.',
    ],
    zh: [
      '每周最多接触次数',
      '每位客户每周在所有策略中最多被触达的次数。',
      '超出的接触被跳过；防止疲劳。',
      '示例中为 2。',
    ],
    src: ['examples', 'seed003'],
  },
  'contactPolicy.maxContactsPer4Weeks': {
    en: [
      'Max contacts per 4 weeks',
      'Most reached contacts a customer may get in any 4 weeks.',
      'As the weekly cap, over 4 weeks.',
      '5 in the examples.',
    ],
    zh: [
      '每 4 周最多接触次数',
      '每位客户任意 4 周内最多被触达的次数。',
      '与每周上限相同，按 4 周计。',
      '示例中为 5。',
    ],
    src: ['examples'],
  },
};
