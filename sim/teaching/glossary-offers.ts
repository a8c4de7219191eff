// Glossary: products and incentives (KYP) and channels (KYATO's three wheels).
import type { RawEntries } from './glossary-types';

export const OFFER_ENTRIES: RawEntries = {
  'products[].id': {
    en: [
      'Product id',
      'Code of a product offered by strategies.',
      'Strategies name it in their offer; holds/not_holds rules test it.',
      'fund, wmp, large_cd, app_active in the examples.',
    ],
    zh: [
      '产品代码',
      '策略所推荐产品的代码。',
      '策略的 offer 引用它；holds/not_holds 规则检验它。',
      '示例中为 fund、wmp、large_cd、app_active。',
    ],
    src: ['examples'],
  },
  'products[].label': {
    en: [
      'Product name',
      'A readable name for the product.',
      'Display only.',
      'e.g. “Non-money-market fund 非货基金”.',
    ],
    zh: ['产品名称', '产品的可读名称。', '仅用于显示。', '例如“Non-money-market fund 非货基金”。'],
    src: ['format'],
  },
  'products[].family': {
    en: [
      'Product family',
      'Kind of product: deposit, large CD, WMP, fund, insurance, loan, credit card, app activation.',
      'Decides how a purchase books money (app activation books none) and which events fit it.',
      'One of eight families.',
    ],
    zh: [
      '产品类别',
      '产品种类：存款、大额存单、理财、基金、保险、贷款、信用卡、手机银行激活。',
      '决定购买如何计入资金（激活不计金额）以及适配哪些事件。',
      '八类之一。',
    ],
    src: ['format'],
  },
  'products[].ticket.medianCny': {
    en: [
      'Median ticket (CNY)',
      'Median purchase amount for a mass-tier customer.',
      'Amount = median × (AUM ÷ reference AUM)^elasticity × lognormal noise, capped by maxShareOfAum.',
      '0 (app activation) – 200,000 CNY in the examples.',
    ],
    zh: [
      '购买金额中位数（元）',
      '大众层级客户的购买金额中位数。',
      '金额 = 中位数 × (AUM ÷ 参考 AUM)^弹性 × 对数正态噪声，上限为 maxShareOfAum。',
      '示例中为 0（激活）– 20 万元。',
    ],
    src: ['examples'],
  },
  'products[].ticket.sdLog': {
    en: [
      'Ticket spread (log SD)',
      'Spread of purchase amounts around the median, on the log scale.',
      'The lognormal noise of each purchase amount.',
      '0–0.8 in the examples.',
    ],
    zh: [
      '金额离散度（对数标准差）',
      '购买金额围绕中位数的离散度（对数尺度）。',
      '每笔购买金额的对数正态噪声。',
      '示例中为 0–0.8。',
    ],
    src: ['examples'],
  },
  'products[].ticket.aumElasticity': {
    en: [
      'Ticket elasticity to AUM',
      'How ticket size scales with AUM (0 = flat, 1 = proportional).',
      'The exponent on AUM in the ticket formula: with 0.7 a customer 10× richer buys ≈ 5× more.',
      '0–0.7 in the examples.',
    ],
    zh: [
      '金额对 AUM 的弹性',
      '购买金额随 AUM 的变化（0 = 不变，1 = 成正比）。',
      '金额公式中 AUM 的指数：0.7 时富 10 倍的客户约多买 5 倍。',
      '示例中为 0–0.7。',
    ],
    src: ['examples'],
  },
  'products[].ticket.maxShareOfAum': {
    en: [
      'Ticket cap (share of wealth)',
      'Largest purchase as a share of AUM plus money held elsewhere.',
      'Caps each purchase amount.',
      '1 by default.',
    ],
    zh: ['金额上限（占财富比例）', '单笔购买最多占 AUM 加他行资金的比例。', '限制每笔购买金额。', '默认 1。'],
    src: ['format'],
  },
  'products[].newMoneyShare': {
    en: [
      'New-money share',
      'Expected share of a purchase that is new money from outside the bank.',
      'New money = share × the customer’s wealth held elsewhere (relative to the average); the rest is an internal shift, never counted as uplift.',
      '0–0.4 in the examples.',
    ],
    zh: [
      '新资金占比',
      '一笔购买中来自他行新资金的预期比例。',
      '新资金 = 占比 × 客户他行资金（相对平均）；其余是行内转移，从不计为提升。',
      '示例中为 0–0.4。',
    ],
    src: ['examples', 'model'],
  },
  'products[].revenueRate': {
    en: [
      'Revenue rate',
      'Annual revenue per CNY purchased (fee or spread).',
      'Value += amount × rate × value years.',
      '0–1.2% a year in the examples.',
    ],
    zh: [
      '收入率',
      '每元购买额的年收入（手续费或利差）。',
      '价值 += 金额 × 收入率 × 计值年数。',
      '示例中为每年 0–1.2%。',
    ],
    src: ['examples'],
  },
  'products[].valuePerConversionCny': {
    en: [
      'Value per conversion (CNY)',
      'Yearly value of a conversion beyond the amount, e.g. of an active app user.',
      'Value += this × value years for each conversion.',
      '40 CNY (app activation) in the examples; 0 by default.',
    ],
    zh: [
      '每次转化价值（元）',
      '转化本身（金额之外）每年的价值，如一个活跃手机银行用户。',
      '每次转化，价值 += 此值 × 计值年数。',
      '示例中为 40 元（激活）；默认 0。',
    ],
    src: ['examples'],
  },
  'products[].propensity.base': {
    en: [
      'Base propensity',
      'Typical (median) chance a customer accepts a neutral offer when reached.',
      'Each customer’s propensity: log-odds = logit(base × tier multiplier) + 0.5 × temperature + noise. Response = propensity × channel effect × fit × incentive × script × … (at most 0.95).',
      '0.04–0.12 in the examples.',
    ],
    zh: [
      '基础倾向',
      '触达时客户接受一个中性推荐的典型（中位）概率。',
      '每位客户的倾向：对数几率 = logit(基础 × 层级系数) + 0.5 × 温度 + 噪声。响应 = 倾向 × 渠道效果 × 匹配 × 权益 × 话术 × …（最高 0.95）。',
      '示例中为 0.04–0.12。',
    ],
    src: ['examples', 'model'],
    see: ['channels[].responseEffect'],
  },
  'products[].propensity.byTier': {
    en: [
      'Propensity by tier',
      'Multiplier on the base propensity for each tier.',
      'Applied before the log-odds noise.',
      '0.2–1.8 in the examples (funds appeal to affluent and wealth tiers).',
    ],
    zh: [
      '按层级的倾向系数',
      '各层级在基础倾向上的倍数。',
      '在对数几率噪声之前乘入。',
      '示例中为 0.2–1.8（基金更吸引潜力、财富客户）。',
    ],
    src: ['examples'],
  },
  'products[].propensity.sdLogit': {
    en: [
      'Propensity spread',
      'How much customers differ in propensity, SD on the log-odds scale.',
      'The noise term of each customer’s propensity; targeting by a model score works better when it is large.',
      '0.8–1 in the examples.',
    ],
    zh: [
      '倾向离散度',
      '客户之间倾向差异的标准差（对数几率尺度）。',
      '每位客户倾向中的噪声项；越大，按模型分筛选越有效。',
      '示例中为 0.8–1。',
    ],
    src: ['examples'],
  },
  'products[].organicWeekly': {
    en: [
      'Organic weekly purchase',
      'Weekly chance of buying the product untreated, at typical propensity.',
      'Hazard = organicWeekly × propensity ÷ typical × seasonality × market. The control arm buys at this rate; a campaign purchase pre-empts the same customer’s later organic one.',
      '0.001–0.004 per week in the examples.',
    ],
    zh: [
      '每周自然购买率',
      '典型倾向的客户在未干预时每周购买该产品的概率。',
      '风险 = organicWeekly × 倾向 ÷ 典型倾向 × 季节 × 市场。对照组按此购买；营销购买会提前“占用”同一客户之后的自然购买。',
      '示例中每周 0.001–0.004。',
    ],
    src: ['examples', 'model'],
  },
  'products[].holdShare': {
    en: [
      'Holding share',
      'Share of customers holding the product at the start.',
      'Holdings are drawn per customer (more likely with higher propensity); holds/not_holds rules and products-held outcome use them.',
      '0–0.18 in the examples.',
    ],
    zh: [
      '持有比例',
      '开始时持有该产品的客户比例。',
      '按客户抽取（倾向越高越可能持有）；holds/not_holds 规则和持有产品数结果用到它。',
      '示例中为 0–0.18。',
    ],
    src: ['examples'],
  },
  'incentives[].id': {
    en: [
      'Incentive id',
      'Code of an incentive (权益/积分).',
      'Strategies name it.',
      'points_500, fee_coupon, rate_coupon, app_gift in the examples.',
    ],
    zh: [
      '权益代码',
      '权益（积分等）的代码。',
      '策略引用它。',
      '示例中为 points_500、fee_coupon、rate_coupon、app_gift。',
    ],
    src: ['examples'],
  },
  'incentives[].label': {
    en: [
      'Incentive name',
      'A readable name for the incentive.',
      'Display only.',
      'e.g. “Rate-up coupon 加息券”.',
    ],
    zh: ['权益名称', '权益的可读名称。', '仅用于显示。', '例如“Rate-up coupon 加息券”。'],
    src: ['format'],
  },
  'incentives[].kind': {
    en: [
      'Incentive kind',
      'Points, voucher, rate coupon, gift, or none.',
      'Descriptive; the cost and multiplier carry the effect.',
      'One of five kinds.',
    ],
    zh: ['权益类型', '积分、券、加息券、礼品或无。', '仅描述；效果由成本与倍数体现。', '五类之一。'],
    src: ['format'],
  },
  'incentives[].costPerRedemptionCny': {
    en: [
      'Cost per redemption (CNY)',
      'Paid when a treated customer converts.',
      'Added to cost for each campaign conversion.',
      '5–60 CNY in the examples.',
    ],
    zh: [
      '每次兑付成本（元）',
      '干预组客户转化时支付的成本。',
      '每次营销转化计入成本。',
      '示例中为 5–60 元。',
    ],
    src: ['examples'],
  },
  'incentives[].responseMultiplier': {
    en: [
      'Incentive response multiplier',
      'How much the incentive raises the response.',
      'Multiplies every response of the strategy’s contacts.',
      '1.15–1.4 in the examples.',
    ],
    zh: ['权益响应倍数', '权益使响应提高的倍数。', '乘到该策略所有接触的响应上。', '示例中为 1.15–1.4。'],
    src: ['examples'],
  },
  'channels[].id': {
    en: [
      'Channel id',
      'Code of a channel.',
      'Journey steps name it.',
      'app_push, sms, ai_call, remote_agent, wecom, wealth_manager in the examples.',
    ],
    zh: [
      '渠道代码',
      '渠道的代码。',
      '旅程步骤引用它。',
      '示例中为 app_push、sms、ai_call、remote_agent、wecom、wealth_manager。',
    ],
    src: ['examples'],
  },
  'channels[].label': {
    en: [
      'Channel name',
      'A readable name for the channel.',
      'Display only.',
      'e.g. “AI outbound call 智能外呼”.',
    ],
    zh: ['渠道名称', '渠道的可读名称。', '仅用于显示。', '例如“AI outbound call 智能外呼”。'],
    src: ['format'],
  },
  'channels[].wheel': {
    en: [
      'Wheel',
      'Which of the three wheels: online (线上), remote (远程) or offline (线下).',
      'Places the step in a lane of the journey canvas; costs and capacities, not the wheel, drive the numbers.',
      'online: wide and near-free; remote: moderate cost; offline: deep, expensive, scarce (seed 003).',
    ],
    zh: [
      '轮',
      '三轮之一：线上、远程或线下。',
      '决定旅程画布中的泳道；数字由成本和容量决定，而不是轮本身。',
      '线上：广而近乎免费；远程：中等成本；线下：深、贵、稀缺（种子 003）。',
    ],
    src: ['seed003'],
  },
  'channels[].reachVia': {
    en: [
      'Reached via',
      'Which customer reachability applies: app, SMS, phone, WeCom or branch.',
      'Only customers reachable this way can be reached by the channel.',
      'AI and human calls use phone; wealth managers use branch.',
    ],
    zh: [
      '触达方式',
      '适用哪种客户可触达性：App、短信、电话、企业微信或网点。',
      '只有能以此方式触达的客户才能被该渠道触达。',
      'AI 与人工外呼用电话；理财经理用网点。',
    ],
    src: ['format'],
  },
  'channels[].reachRate': {
    en: [
      'Reach rate',
      'Chance a contact attempt succeeds, given the customer is reachable this way.',
      'P(reached) = reach rate × the customer’s reachability flag.',
      '0.8–0.95 in the examples (seed 004: reach 92.8% for use-case groups).',
    ],
    zh: [
      '触达成功率',
      '客户可通过此方式触达时，一次接触成功的概率。',
      'P(触达) = 触达成功率 × 客户可触达标记。',
      '示例中为 0.8–0.95（种子 004：用例组触达率 92.8%）。',
    ],
    src: ['seed004', 'examples'],
  },
  'channels[].responseEffect': {
    en: [
      'Response effect (响应效果)',
      'Multiplier on the customer’s propensity for a cold contact through this channel.',
      'Response = propensity × response effect × offer fit × incentive × script quality × seasonality × market × branch effect × fatigue × event window, at most 0.95.',
      '0.2 (SMS) – 1.6 (wealth manager) in the examples.',
    ],
    zh: [
      '响应效果',
      '通过此渠道进行冷接触时，对客户倾向的倍数。',
      '响应 = 倾向 × 响应效果 × 产品匹配 × 权益 × 话术质量 × 季节 × 市场 × 网点效应 × 疲劳 × 事件窗口，最高 0.95。',
      '示例中为 0.2（短信）– 1.6（理财经理）。',
    ],
    src: ['examples', 'model'],
    see: ['products[].propensity.base', 'strategies[].scriptQuality'],
  },
  'channels[].closeRate': {
    en: [
      'Close rate',
      'Chance an interested customer buys through this channel.',
      'After a response (or a hot-lead hand-off) the customer converts with this probability; otherwise the journey follows “not converted” (回流).',
      '0.12–0.55 in the examples.',
    ],
    zh: [
      '成交率',
      '有兴趣的客户通过此渠道购买的概率。',
      '响应（或热商机转交）后以此概率转化；否则旅程走“未转化”（回流）。',
      '示例中为 0.12–0.55。',
    ],
    src: ['examples'],
  },
  'channels[].costPerAttemptCny': {
    en: [
      'Cost per attempt (CNY)',
      'Cost of one contact attempt (reached or not).',
      'Cost = attempts × this; staff channels’ part is shown as staff cost.',
      '0.01 (push) – 35 (wealth manager) in the examples.',
    ],
    zh: [
      '每次尝试成本（元）',
      '一次接触尝试（无论是否触达）的成本。',
      '成本 = 尝试次数 × 此值；人员渠道的部分显示为人员成本。',
      '示例中为 0.01（推送）– 35（理财经理）元。',
    ],
    src: ['examples'],
  },
  'channels[].staffMinutesPerAttempt': {
    en: [
      'Staff minutes per attempt',
      'Staff time one attempt takes.',
      'Summed into staff hours; informs productivity.',
      '3–40 minutes in the examples; 0 for automated channels.',
    ],
    zh: [
      '每次尝试人员分钟',
      '一次尝试占用的人员时间。',
      '汇总为人员工时；用于衡量人效。',
      '示例中为 3–40 分钟；自动渠道为 0。',
    ],
    src: ['examples'],
  },
  'channels[].capacity.staff': {
    en: [
      'Staffed by',
      'Who does the work: wealth managers, remote agents, or none (a bank-wide cap).',
      'Staffed channels get capacity per branch = headcount × attempts per staff per week.',
      'AI call: none; human calls: remote_agent; advisers: wealth_manager.',
    ],
    zh: [
      '人员类型',
      '由谁执行：理财经理、远程坐席，或无（全行上限）。',
      '有人员的渠道，每网点容量 = 人数 × 每人每周尝试次数。',
      'AI 外呼：无；人工外呼：远程坐席；顾问：理财经理。',
    ],
    src: ['format'],
  },
  'channels[].capacity.attemptsPerStaffPerWeek': {
    en: [
      'Attempts per staff per week',
      'Contacts one staff member can make in a week on this channel.',
      'With headcount, the weekly capacity per branch; leads beyond it queue.',
      '25 (wealth manager) – 150 (remote agent) in the examples.',
    ],
    zh: [
      '每人每周尝试次数',
      '一名人员每周在此渠道能完成的接触数。',
      '与人数一起决定每网点每周容量；超出的商机排队。',
      '示例中为 25（理财经理）– 150（远程坐席）。',
    ],
    src: ['examples'],
  },
  'channels[].capacity.maxQueueWeeks': {
    en: [
      'Max queue (weeks)',
      'Leads waiting longer than this are dropped.',
      'Excess attempts wait in a queue; after this many weeks they are lost. Hot leads keep cooling while they wait.',
      '1–2 weeks in the examples.',
    ],
    zh: [
      '最长排队（周）',
      '等待超过此周数的商机被放弃。',
      '超出容量的尝试排队；超过此周数即流失。热商机排队期间持续冷却。',
      '示例中为 1–2 周。',
    ],
    src: ['examples'],
  },
  'channels[].capacity.attemptsPerWeek': {
    en: [
      'Attempts per week (bank-wide)',
      'Bank-wide weekly cap for an unstaffed channel, e.g. AI call lines.',
      'At most this many attempts per week across all branches.',
      '15,000 in the examples.',
    ],
    zh: [
      '每周尝试上限（全行）',
      '无人员渠道的全行每周上限，如 AI 外呼线路。',
      '全行每周最多这么多次尝试。',
      '示例中为 15,000。',
    ],
    src: ['examples'],
  },
  'channels[].fatigue.perRecentContact': {
    en: [
      'Fatigue decay (疲劳衰减)',
      'Response falls by this share for each recent contact of the customer.',
      'Response × (1 − fatigue)^k, where k = the customer’s reached contacts within the fatigue window (its days). The seed’s “repeatedly disturbed” high-end customers.',
      '0.1–0.25 in the examples.',
    ],
    zh: [
      '疲劳衰减',
      '客户近期每被接触一次，响应下降的比例。',
      '响应 × (1 − 疲劳)^k，k 为疲劳窗口内已触达的次数。即种子中“被反复打扰”的高端客户。',
      '示例中为 0.1–0.25。',
    ],
    src: ['seed003', 'examples'],
    see: ['contactPolicy.maxContactsPerWeek'],
  },
  'channels[].fatigue.windowWeeks': {
    en: [
      'Fatigue window (weeks)',
      'How far back contacts count towards fatigue.',
      'Contacts older than this no longer lower the response.',
      '4 weeks in the examples.',
    ],
    zh: ['疲劳窗口（周）', '计入疲劳的接触回溯多少周。', '早于此的接触不再降低响应。', '示例中为 4 周。'],
    src: ['examples'],
  },
  'channels[].leadHalfLifeDays': {
    en: [
      'Lead half-life (商机半衰期)',
      'A hot lead handed to this channel cools with this half-life, in days.',
      'After a referral (转介) the customer stays interested with probability 0.5^(days waited ÷ half-life); slow follow-up loses leads.',
      '5–7 days in the examples.',
    ],
    zh: [
      '商机半衰期',
      '转交到此渠道的热商机按此半衰期（天）冷却。',
      '转介后，客户保持兴趣的概率 = 0.5^(等待天数 ÷ 半衰期)；跟进越慢，流失越多。',
      '示例中为 5–7 天。',
    ],
    src: ['examples', 'model'],
    see: ['strategies[].journey.steps[].onInterested'],
  },
};
