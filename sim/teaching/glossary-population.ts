// Glossary: the population (KYC) — branches, AUM, tiers, the KYC grid, app use, reachability,
// temperature (organic behaviour and events are in glossary-behaviour.ts). Ranges cite the seeds or the example scenarios.
import type { RawEntries, RawEntry } from './glossary-types';

const reach = (kindEn: string, kindZh: string, typicalEn: string, typicalZh: string) =>
  ({
    en: [
      `Reachability: ${kindEn}`,
      `Share of customers who can be reached by ${kindEn} at all.`,
      `Each customer gets a 0/1 flag drawn with this probability (times the tier multiplier); a channel with this reachVia reaches only flagged customers, then with its reachRate.`,
      typicalEn,
    ],
    zh: [
      `可触达性：${kindZh}`,
      `能通过${kindZh}触达的客户比例。`,
      `每位客户按此概率（乘以层级系数）抽取 0/1 标记；reachVia 为此方式的渠道只能触达有标记的客户，再乘以渠道的触达成功率。`,
      typicalZh,
    ],
    src: ['examples'],
    see: ['channels[].reachVia', 'channels[].reachRate'],
  }) as const;

const reachByTier = {
  en: [
    'Reachability by tier',
    'Multiplier on the base reachability for each service tier (tiers not listed use 1).',
    'Customer reachability = base × multiplier of the customer’s tier, at most 1.',
    '0.5–3.5 in the examples: WeCom binding ×3 for wealth customers, branch visits ×2 for private banking.',
  ],
  zh: [
    '按层级的可触达系数',
    '各服务层级在基础可触达性上的倍数（未列出的层级为 1）。',
    '客户可触达性 = 基础值 × 所在层级系数，最高为 1。',
    '示例中为 0.5–3.5：财富客户企业微信绑定 ×3，私行客户到网点 ×2。',
  ],
  src: ['examples', 'seed002'],
} as const;

const group = (
  whatEn: string,
  whatZh: string,
): Record<'share' | 'wealthShift' | 'payrollShare', RawEntry> => ({
  share: {
    en: [
      `${whatEn} share`,
      `Share of customers in this ${whatEn.toLowerCase()} group.`,
      'Each customer is assigned a group with these probabilities; the shares of all groups should add up to 1.',
      '0.15–0.45 per group in the examples.',
    ],
    zh: [
      `${whatZh}占比`,
      `属于该${whatZh}组的客户比例。`,
      '每位客户按这些概率归入一组；各组占比之和应为 1。',
      '示例中每组 0.15–0.45。',
    ],
    src: ['examples', 'seed000'],
  },
  wealthShift: {
    en: [
      'Wealth shift',
      `How much wealthier (or poorer) this ${whatEn.toLowerCase()} group is, in standard deviations of the latent wealth score.`,
      'Added to each member’s latent wealth score; AUM is assigned by rank of that score, so a positive shift moves the group up the AUM distribution.',
      '−0.4 to +0.45 in the examples (retired and self-employed richer, young poorer).',
    ],
    zh: [
      '财富偏移',
      `该${whatZh}组相对更富（或更穷）的程度，以潜在财富得分的标准差为单位。`,
      '加到成员的潜在财富得分上；AUM 按该得分的排名分配，正偏移使该组在 AUM 分布中上移。',
      '示例中为 −0.4 至 +0.45（退休、个体户更富，青年更穷）。',
    ],
    src: ['examples'],
  },
  payrollShare: {
    en: [
      'Payroll share (代发)',
      `Share of this ${whatEn.toLowerCase()} group paid through the bank.`,
      'A customer is a payroll customer with probability (life-stage share + occupation share) ÷ 2; payroll customers have the payroll-day event.',
      '0.05–0.8 in the examples (salaried and public-sector highest).',
    ],
    zh: [
      '代发占比',
      `该${whatZh}组中由本行代发工资的比例。`,
      '客户成为代发客户的概率 = (人生阶段占比 + 职业占比) ÷ 2；代发客户有代发日事件。',
      '示例中为 0.05–0.8（工薪、公职最高）。',
    ],
    src: ['examples'],
  },
});

const lifeStage = group('Life stage', '人生阶段');
const occupation = group('Occupation', '职业');

export const POPULATION_ENTRIES: RawEntries = {
  'population.size': {
    en: [
      'Customers',
      'Number of synthetic customers in the bank.',
      'Every customer is built from the seed (branch, AUM, tier, grid cell, app use, reachability, propensities) and simulated week by week in every replication.',
      '60,000–100,000 in the examples; run time grows in proportion.',
    ],
    zh: [
      '客户数',
      '合成银行的客户总数。',
      '每位客户由种子生成（网点、AUM、层级、网格单元、手机银行使用、可触达性、倾向），并在每次重复中逐周模拟。',
      '示例中为 6 万–10 万；运行时间与之成正比。',
    ],
    src: ['examples'],
  },
  'population.branches.count': {
    en: [
      'Branches',
      'Number of branches (网点/支行) the customers belong to.',
      'Customers are spread over branches by size; each branch has its own staff and random effect. Branch-level pilots randomize whole branches.',
      '40 in the examples; seed 004 piloted in 10 of 40 branches.',
    ],
    zh: [
      '网点数',
      '客户所属的网点（支行）数量。',
      '客户按网点规模分布到各网点；每个网点有自己的人员与随机效应。网点级试点按整个网点随机分组。',
      '示例中为 40；种子 004 在 40 家中的 10 家试点。',
    ],
    src: ['seed004', 'examples'],
    see: ['population.branches.effectSd', 'strategies[].holdout.level'],
  },
  'population.branches.sizeWeights': {
    en: [
      'Branch sizes',
      'Relative size of each branch, one number per branch (optional).',
      'Customers are allocated in proportion to these weights; when absent, sizes are drawn lognormal with the size CV.',
      'Usually absent; give it to mirror a real network.',
    ],
    zh: [
      '网点规模',
      '各网点的相对规模，每个网点一个数（可选）。',
      '客户按这些权重分配到网点；缺省时按规模变异系数从对数正态分布抽取。',
      '通常不填；需要贴合真实网点时填写。',
    ],
    src: ['format'],
  },
  'population.branches.sizeCv': {
    en: [
      'Branch size CV',
      'Coefficient of variation of branch size (SD ÷ mean).',
      'Branch sizes are drawn lognormal with σ = √ln(1 + CV²) when no explicit sizes are given. Unequal branches lower a cluster pilot’s power.',
      '0.6 in the examples; 0 makes all branches equal.',
    ],
    zh: [
      '网点规模变异系数',
      '网点规模的变异系数（标准差 ÷ 均值）。',
      '未给出规模时，按 σ = √ln(1 + CV²) 的对数正态分布抽取网点规模。网点越不均，整群试点的检验力越低。',
      '示例中为 0.6；0 表示各网点一样大。',
    ],
    src: ['examples', 'model'],
  },
  'population.branches.regions': {
    en: [
      'Regions',
      'Names of the regions branches are spread over.',
      'Branches are assigned to regions in turn; target rules and pilot branch selection can use the region.',
      'e.g. east, central, west.',
    ],
    zh: [
      '区域',
      '网点分布的区域名称。',
      '网点依次分配到各区域；目标规则和试点网点选择可按区域。',
      '例如 east、central、west。',
    ],
    src: ['examples'],
  },
  'population.branches.wealthManagersPer10k': {
    en: [
      'Wealth managers per 10,000 customers',
      'Wealth-manager (理财经理) headcount per 10,000 customers of a branch (at least 1 per branch).',
      'Sets each branch’s weekly capacity for channels staffed by wealth managers: headcount × attempts per staff per week. Leads beyond it queue and cool.',
      '4 in the examples.',
    ],
    zh: [
      '每万客户理财经理数',
      '每个网点每 1 万名客户配备的理财经理人数（每网点至少 1 人）。',
      '决定理财经理渠道每个网点每周的容量：人数 × 每人每周可尝试次数。超出部分排队并冷却。',
      '示例中为 4。',
    ],
    src: ['examples'],
    see: ['channels[].capacity.attemptsPerStaffPerWeek'],
  },
  'population.branches.remoteAgentsPer10k': {
    en: [
      'Remote agents per 10,000 customers',
      'Remote-agent (远程坐席) headcount per 10,000 customers of a branch (at least 1).',
      'Sets the weekly capacity of channels staffed by remote agents, as for wealth managers.',
      '2 in the examples.',
    ],
    zh: [
      '每万客户远程坐席数',
      '每个网点每 1 万名客户对应的远程坐席人数（至少 1 人）。',
      '与理财经理相同，决定远程坐席渠道的每周容量。',
      '示例中为 2。',
    ],
    src: ['examples'],
  },
  'population.branches.effectSd': {
    en: [
      'Branch effect SD',
      'How much branches differ: SD of a random branch effect on the response, in log-odds.',
      'Each branch draws an effect; every response in that branch is multiplied by exp(effect). This is what makes branch-randomized pilots need more branches (intra-cluster correlation).',
      '0.25 in the examples (a branch one SD up responds ≈ 28% more).',
    ],
    zh: [
      '网点效应标准差',
      '网点之间的差异：网点随机效应（对数几率）的标准差。',
      '每个网点抽取一个效应，该网点所有响应乘以 exp(效应)。正因如此，按网点随机的试点需要更多网点（组内相关）。',
      '示例中为 0.25（高一个标准差的网点响应约多 28%）。',
    ],
    src: ['examples', 'model'],
  },
  'population.aum.longTailThresholdCny': {
    en: [
      'Long-tail threshold (CNY)',
      'AUM below which a customer counts as long tail (长尾).',
      'With the long-tail share, one of the two points the capped-lognormal AUM curve is solved to meet.',
      '50,000 CNY in the examples.',
    ],
    zh: [
      '长尾门槛（元）',
      'AUM 低于此值的客户为长尾客户。',
      '与长尾占比一起，是封顶对数正态 AUM 曲线要满足的两个条件之一。',
      '示例中为 5 万元。',
    ],
    src: ['seed001', 'examples'],
  },
  'population.aum.longTailShare': {
    en: [
      'Long-tail share',
      'Share of customers below the long-tail threshold.',
      'The AUM distribution is solved so that this share of customers falls below the threshold.',
      '≈ 0.8 (seed 001: long-tail customers are about 80%).',
    ],
    zh: [
      '长尾占比',
      '低于长尾门槛的客户比例。',
      'AUM 分布按此求解，使该比例的客户低于门槛。',
      '约 0.8（种子 001：长尾客户约占 80%）。',
    ],
    src: ['seed001'],
  },
  'population.aum.concentration.topShare': {
    en: [
      'Top share of customers',
      'The top slice of customers by AUM used to state concentration (e.g. 0.02 = top 2%).',
      'With “holds share”, the second point the AUM curve is solved to meet: the top share holds that share of all AUM.',
      '0.02 (seed 002).',
    ],
    zh: [
      '头部客户占比',
      '用来描述集中度的按 AUM 排名的头部客户比例（0.02 = 前 2%）。',
      '与“持有占比”一起，是 AUM 曲线要满足的第二个条件：头部客户持有该比例的总 AUM。',
      '0.02（种子 002）。',
    ],
    src: ['seed002'],
  },
  'population.aum.concentration.holdsShare': {
    en: [
      'Share of AUM they hold',
      'Share of all AUM held by the top customers.',
      'The AUM curve is solved so the top share holds this much; the heavier the tail, the noisier any money uplift.',
      '0.8 (seed 002: 2% of customers hold about 80% of AUM).',
    ],
    zh: [
      '头部持有 AUM 占比',
      '头部客户持有的 AUM 占总 AUM 的比例。',
      'AUM 曲线按此求解；尾部越重，任何金额提升的估计越不稳定。',
      '0.8（种子 002：2% 的客户持有约 80% 的 AUM）。',
    ],
    src: ['seed002'],
    see: ['output.new-money-per-customer'],
  },
  'population.aum.capCny': {
    en: [
      'AUM cap (CNY)',
      'No synthetic customer holds more than this.',
      'Lognormal draws are capped here, so a single extreme customer cannot dominate a run.',
      '200 million CNY by default.',
    ],
    zh: [
      'AUM 上限（元）',
      '任何合成客户的 AUM 都不超过此值。',
      '对数正态抽样在此封顶，避免单个极端客户主导一次运行。',
      '默认 2 亿元。',
    ],
    src: ['format'],
  },
  'population.tiers[].id': {
    en: [
      'Tier id',
      'Code of a service tier (long tail, mass, affluent, wealth, private banking).',
      'Used by target rules and by every “by tier” multiplier.',
      'long_tail, mass, affluent, wealth, private in the examples.',
    ],
    zh: [
      '层级代码',
      '服务层级的代码（长尾、大众、潜力/贵宾、财富、私行）。',
      '目标规则和所有“按层级”系数都用它。',
      '示例中为 long_tail、mass、affluent、wealth、private。',
    ],
    src: ['examples', 'seed001'],
  },
  'population.tiers[].label': {
    en: [
      'Tier name',
      'A readable name for the tier, shown in results.',
      'Display only.',
      'e.g. “Wealth 财富”.',
    ],
    zh: ['层级名称', '层级的可读名称，显示在结果中。', '仅用于显示。', '例如“Wealth 财富”。'],
    src: ['format'],
  },
  'population.tiers[].minAumCny': {
    en: [
      'Tier lower bound (CNY)',
      'AUM at which the tier starts; the first tier starts at 0.',
      'Customers are placed in the highest tier whose bound their AUM reaches; tier-up counts customers crossing a bound during the run.',
      '0 / 50,000 / 500,000 / 1,000,000 / 6,000,000 CNY in the examples.',
    ],
    zh: [
      '层级下限（元）',
      '该层级起始的 AUM；第一个层级从 0 开始。',
      '客户归入其 AUM 达到下限的最高层级；“升级”统计运行期间越过下限的客户。',
      '示例中为 0 / 5 万 / 50 万 / 100 万 / 600 万元。',
    ],
    src: ['examples'],
  },
  'population.wealthLevels[].id': {
    en: [
      'Wealth level id',
      'Code of a wealth level, one axis of the KYC grid (wealth × life stage × occupation).',
      'Rows of the grid in results; target rules can select them.',
      '6–7 levels (seed 000: 7 wealth levels × 4 life stages × 4 occupations = 112 cells).',
    ],
    zh: [
      '财富等级代码',
      '财富等级的代码，是 KYC 网格（财富 × 人生阶段 × 职业）的一个维度。',
      '结果中网格的行；目标规则可按它选择。',
      '6–7 级（种子 000：7 个财富等级 × 4 个人生阶段 × 4 类职业 = 112 个单元）。',
    ],
    src: ['seed000'],
  },
  'population.wealthLevels[].label': {
    en: ['Wealth level name', 'A readable name for the wealth level.', 'Display only.', 'e.g. “W3 ≥ 200k”.'],
    zh: ['财富等级名称', '财富等级的可读名称。', '仅用于显示。', '例如“W3 ≥ 20 万”。'],
    src: ['format'],
  },
  'population.wealthLevels[].minAumCny': {
    en: [
      'Wealth level lower bound (CNY)',
      'AUM at which the wealth level starts; the first starts at 0.',
      'Places each customer in a grid row, as tiers do.',
      '0 up to 6,000,000 CNY in the examples.',
    ],
    zh: [
      '财富等级下限（元）',
      '该财富等级起始的 AUM；第一级从 0 开始。',
      '与层级一样，把客户放入网格的某一行。',
      '示例中从 0 到 600 万元。',
    ],
    src: ['examples'],
  },
  'population.lifeStages[].id': {
    en: [
      'Life stage id',
      'Code of a life stage (young, family, mature, retired).',
      'A grid axis; usable in target rules.',
      '4 stages (seed 000).',
    ],
    zh: [
      '人生阶段代码',
      '人生阶段的代码（青年、家庭、中年、退休）。',
      '网格的一个维度；可用于目标规则。',
      '4 个阶段（种子 000）。',
    ],
    src: ['seed000'],
  },
  'population.lifeStages[].label': {
    en: ['Life stage name', 'A readable name for the life stage.', 'Display only.', 'e.g. “Retired 退休”.'],
    zh: ['人生阶段名称', '人生阶段的可读名称。', '仅用于显示。', '例如“Retired 退休”。'],
    src: ['format'],
  },
  'population.lifeStages[].share': lifeStage.share,
  'population.lifeStages[].wealthShift': lifeStage.wealthShift,
  'population.lifeStages[].payrollShare': lifeStage.payrollShare,
  'population.occupations[].id': {
    en: [
      'Occupation id',
      'Code of an occupation type (salaried, self-employed, public sector, other).',
      'A grid axis; usable in target rules.',
      '4 types (seed 000).',
    ],
    zh: [
      '职业代码',
      '职业类型的代码（工薪、个体/小微、公职、其他）。',
      '网格的一个维度；可用于目标规则。',
      '4 类（种子 000）。',
    ],
    src: ['seed000'],
  },
  'population.occupations[].label': {
    en: ['Occupation name', 'A readable name for the occupation.', 'Display only.', 'e.g. “Salaried 工薪”.'],
    zh: ['职业名称', '职业的可读名称。', '仅用于显示。', '例如“Salaried 工薪”。'],
    src: ['format'],
  },
  'population.occupations[].share': occupation.share,
  'population.occupations[].wealthShift': occupation.wealthShift,
  'population.occupations[].payrollShare': occupation.payrollShare,
  'population.app.userShareByTier': {
    en: [
      'App users by tier',
      'Share of customers in each tier who use the mobile banking app.',
      'Each customer is an app user with their tier’s share (0.5 for tiers not listed); push and in-app channels reach only app users; “is app user” is a target rule.',
      '0.55 (long tail) – 0.8 (affluent) in the examples.',
    ],
    zh: [
      '各层级手机银行用户占比',
      '各层级中使用手机银行的客户比例。',
      '客户按所在层级的占比成为手机银行用户（未列出的层级为 0.5）；推送和 App 内渠道只能触达手机银行用户；“是否手机银行用户”可作目标规则。',
      '示例中为 0.55（长尾）– 0.8（潜力）。',
    ],
    src: ['examples'],
  },
  'population.app.monthlyActiveShare': {
    en: [
      'Monthly active share (MAU)',
      'Share of app users who log in during a given month.',
      'Drives the untreated app logins and the MAU outcome; the app-activation product turns inactive users active.',
      '0.5 in the examples.',
    ],
    zh: [
      '月活占比（MAU）',
      '手机银行用户中某月登录过的比例。',
      '决定未干预时的登录和月活结果；手机银行激活产品把不活跃用户变为活跃。',
      '示例中为 0.5。',
    ],
    src: ['examples'],
    see: ['output.domain-outcomes'],
  },
  'population.app.loginsPerActiveMonth': {
    en: [
      'Logins per active month',
      'Mean number of logins in a month by an active app user.',
      'Multiplies active months into the app-logins outcome.',
      '6 in the examples.',
    ],
    zh: ['活跃月均登录次数', '活跃用户每月平均登录次数。', '乘以活跃月数得到登录次数结果。', '示例中为 6。'],
    src: ['examples'],
  },
  'population.reachability.app.base': reach(
    'app push (opt-in among app users)',
    '手机银行推送（手机银行用户中开启推送者）',
    '0.65 in the examples.',
    '示例中为 0.65。',
  ),
  'population.reachability.app.byTier': reachByTier,
  'population.reachability.sms.base': reach('SMS', '短信', '0.92 in the examples.', '示例中为 0.92。'),
  'population.reachability.sms.byTier': reachByTier,
  'population.reachability.phone.base': reach(
    'phone (the call connects)',
    '电话（电话能接通）',
    '0.5 in the examples; higher for wealthier tiers.',
    '示例中为 0.5；高层级更高。',
  ),
  'population.reachability.phone.byTier': reachByTier,
  'population.reachability.wecom.base': reach(
    'WeChat/WeCom (bound to the bank)',
    '微信/企业微信（已绑定）',
    '0.2 in the examples, ×2–3.5 for wealth tiers.',
    '示例中为 0.2，财富类层级 ×2–3.5。',
  ),
  'population.reachability.wecom.byTier': reachByTier,
  'population.reachability.branch.base': reach(
    'branch (comes to a meeting when invited)',
    '网点（受邀时愿意到网点面谈）',
    '0.35 in the examples.',
    '示例中为 0.35。',
  ),
  'population.reachability.branch.byTier': reachByTier,
  'population.temperature.sdLogit': {
    en: [
      'Relationship temperature spread',
      'Spread of relationship “temperature” (客户温度计), how warm a customer is to the bank, in log-odds.',
      'Each customer draws a temperature; half of it is added to every product propensity’s log-odds, so warm customers respond and buy organically more — the root of selection bias in the naive view.',
      '0.8 by default.',
    ],
    zh: [
      '客户温度离散度',
      '客户温度计（客户对本行的亲密程度）的离散度，对数几率尺度。',
      '每位客户抽取温度，其一半加到各产品倾向的对数几率上，因此“热”客户既更易响应也更常自然购买——这正是朴素视图中选择偏差的来源。',
      '默认 0.8。',
    ],
    src: ['seed000', 'model'],
    see: ['output.selection-bias'],
  },
};
