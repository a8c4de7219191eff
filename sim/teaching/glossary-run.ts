// Glossary: the calendar, economics, uncertainty priors, Monte Carlo settings, and the file's own
// bookkeeping (meta, compare variants).
import type { RawEntries, RawEntry } from './glossary-types';

const prior = (nameEn: string, nameZh: string, whatEn: string, whatZh: string): RawEntry => ({
  en: [
    `Prior: ${nameEn}`,
    whatEn,
    'Each replication draws the parameter from its prior (plain or Latin hypercube), so parameter uncertainty widens the bands.',
    'Chosen to put the examples’ assumed value near the middle.',
  ],
  zh: [
    `先验：${nameZh}`,
    whatZh,
    '每次重复从先验抽取该参数（普通或拉丁超立方抽样），参数不确定性因此加宽区间。',
    '使示例的假设值位于中间附近。',
  ],
  src: ['examples', 'model'],
});

export const RUN_ENTRIES: RawEntries = {
  'calendar.startDate': {
    en: [
      'Start date',
      'Date of the first simulated week (a Monday is best).',
      'Places weeks in calendar months for seasonality and events.',
      'Any ISO date.',
    ],
    zh: [
      '开始日期',
      '第一个模拟周的日期（最好是周一）。',
      '把各周落到日历月份，用于季节性与事件。',
      '任意 ISO 日期。',
    ],
    src: ['format'],
  },
  'calendar.weeks': {
    en: [
      'Weeks',
      'Length of the simulated horizon.',
      'Every replication simulates this many weeks.',
      '16–26 weeks in the examples; seed 003 piloted for 3 months.',
    ],
    zh: ['周数', '模拟期长度。', '每次重复模拟这么多周。', '示例中为 16–26 周；种子 003 试点 3 个月。'],
    src: ['examples', 'seed003'],
  },
  'calendar.seasonality[].month': {
    en: [
      'Season month',
      'Calendar month (1–12) a seasonal multiplier applies to.',
      'Weeks in that month use the multiplier.',
      'Jan–Feb for 开门红.',
    ],
    zh: ['季节月份', '季节倍数适用的月份（1–12）。', '该月的各周使用此倍数。', '开门红为 1–2 月。'],
    src: ['format'],
  },
  'calendar.seasonality[].multiplier': {
    en: [
      'Season multiplier',
      'Response and purchase multiplier in that month.',
      'Multiplies responses and organic purchases alike.',
      '1.1–1.35 in the examples (开门红).',
    ],
    zh: ['季节倍数', '该月的响应与购买倍数。', '同时乘到响应和自然购买上。', '示例中为 1.1–1.35（开门红）。'],
    src: ['examples'],
  },
  'calendar.market.sdLog': {
    en: [
      'Market factor SD (log)',
      'Replication-level market factor on all purchase rates.',
      'Each replication draws one factor that moves treatment and control alike: it widens the bands, not the uplift.',
      '0.1 in the examples.',
    ],
    zh: [
      '市场因子标准差（对数）',
      '每次重复一个、作用于所有购买率的市场因子。',
      '每次重复抽取一个，对两组影响相同：加宽区间，不改变提升。',
      '示例中为 0.1。',
    ],
    src: ['examples'],
  },
  'calendar.market.aumReturnWeeklyMean': {
    en: [
      'Market return (weekly mean)',
      'Mean weekly market return on AUM.',
      'Added to every customer’s AUM growth in both arms.',
      '0.0005 in the examples.',
    ],
    zh: [
      '市场回报（周均值）',
      'AUM 的平均周市场回报。',
      '两组所有客户的 AUM 增长都加上它。',
      '示例中为 0.0005。',
    ],
    src: ['examples'],
  },
  'calendar.market.aumReturnWeeklySd': {
    en: [
      'Market return (weekly SD)',
      'SD of the weekly market return.',
      'Drawn per replication, shared by all customers.',
      '0.004 in the examples.',
    ],
    zh: ['市场回报（周标准差）', '周市场回报的标准差。', '每次重复抽取，所有客户共享。', '示例中为 0.004。'],
    src: ['examples'],
  },
  'economics.newMoneyMarginRate': {
    en: [
      'Margin on new money',
      'Annual margin on net new money (e.g. net interest margin).',
      'Value += net new money × margin × value years.',
      '1.5% in the examples.',
    ],
    zh: [
      '新资金利差',
      '净新增资金的年利差（如净息差）。',
      '价值 += 净新增资金 × 利差 × 计值年数。',
      '示例中为 1.5%。',
    ],
    src: ['examples'],
  },
  'economics.valueYears': {
    en: [
      'Value years',
      'Years of revenue credited to the campaign.',
      'Multiplies every yearly value.',
      '1 in the examples.',
    ],
    zh: ['计值年数', '计入营销的收入年数。', '乘到每项年度价值上。', '示例中为 1。'],
    src: ['examples'],
  },
  'uncertainty[].param': {
    en: [
      'Uncertain parameter',
      'Path of a number in this scenario that is not known exactly, e.g. channels[ai_call].responseEffect.',
      'Each replication replaces it with a draw from its prior.',
      'Response effects and close rates are the usual ones.',
    ],
    zh: [
      '不确定参数',
      '场景中不确知的某个数值的路径，如 channels[ai_call].responseEffect。',
      '每次重复用其先验的抽样替换它。',
      '通常是响应效果和成交率。',
    ],
    src: ['examples'],
  },
  'uncertainty[].prior.type': {
    en: [
      'Prior distribution',
      'beta, normal, lognormal, uniform or triangular.',
      'The family the parameter is drawn from.',
      'beta for rates; triangular or uniform for multipliers.',
    ],
    zh: [
      '先验分布',
      'beta、正态、对数正态、均匀或三角分布。',
      '参数抽样所用的分布族。',
      '比率用 beta；倍数用三角或均匀。',
    ],
    src: ['examples'],
  },
  'uncertainty[].prior.a': prior(
    'beta a',
    'beta a',
    'Beta shape a (≈ prior successes).',
    'Beta 形状参数 a（约等于先验成功数）。',
  ),
  'uncertainty[].prior.b': prior(
    'beta b',
    'beta b',
    'Beta shape b (≈ prior failures).',
    'Beta 形状参数 b（约等于先验失败数）。',
  ),
  'uncertainty[].prior.mean': prior('mean', '均值', 'Mean of a normal prior.', '正态先验的均值。'),
  'uncertainty[].prior.sd': prior(
    'SD',
    '标准差',
    'Standard deviation of a normal prior.',
    '正态先验的标准差。',
  ),
  'uncertainty[].prior.mu': prior(
    'μ',
    'μ',
    'Log-scale mean of a lognormal prior.',
    '对数正态先验的对数均值。',
  ),
  'uncertainty[].prior.sigma': prior(
    'σ',
    'σ',
    'Log-scale SD of a lognormal prior.',
    '对数正态先验的对数标准差。',
  ),
  'uncertainty[].prior.min': prior(
    'min',
    '最小值',
    'Lower end of a uniform or triangular prior.',
    '均匀或三角先验的下限。',
  ),
  'uncertainty[].prior.max': prior(
    'max',
    '最大值',
    'Upper end of a uniform or triangular prior.',
    '均匀或三角先验的上限。',
  ),
  'uncertainty[].prior.mode': prior(
    'mode',
    '众数',
    'Most likely value of a triangular prior.',
    '三角先验的最可能值。',
  ),
  'monteCarlo.replications': {
    en: [
      'Replications',
      'How many times the campaign is simulated.',
      'Bands come from the spread across replications; the Monte Carlo SE of a mean falls as 1/√replications.',
      '300–400 in the examples.',
    ],
    zh: [
      '重复次数',
      '营销被模拟的次数。',
      '区间来自各次重复之间的离散；均值的蒙特卡洛标准误按 1/√次数 下降。',
      '示例中为 300–400。',
    ],
    src: ['examples', 'stats'],
    see: ['output.mc-se'],
  },
  'monteCarlo.seed': {
    en: [
      'Seed',
      'The master seed: same scenario + same seed → identical output.',
      'Every random stream is derived from it by hashing.',
      'Any text or integer.',
    ],
    zh: [
      '随机种子',
      '主种子：同一场景 + 同一种子 → 完全相同的结果。',
      '所有随机流都由它哈希派生。',
      '任意文本或整数。',
    ],
    src: ['model'],
  },
  'monteCarlo.sampling': {
    en: [
      'Sampling',
      'plain or Latin hypercube (lhs) sampling of uncertain parameters.',
      'LHS spreads the parameter draws evenly over their priors.',
      'lhs in the examples.',
    ],
    zh: [
      '抽样方式',
      '不确定参数的普通抽样或拉丁超立方（lhs）抽样。',
      'LHS 使参数抽样均匀覆盖先验。',
      '示例中为 lhs。',
    ],
    src: ['examples'],
  },
  $schema: {
    en: [
      'Schema link',
      'Link to the JSON Schema, for editors.',
      'Ignored by runs.',
      './scenario.schema.json',
    ],
    zh: ['Schema 链接', '指向 JSON Schema 的链接，供编辑器使用。', '运行时忽略。', './scenario.schema.json'],
    src: ['format'],
  },
  kind: {
    en: ['File kind', 'Always “sandtable.scenario”.', 'Identifies the file.', 'sandtable.scenario'],
    zh: ['文件类型', '固定为“sandtable.scenario”。', '标识文件。', 'sandtable.scenario'],
    src: ['format'],
  },
  version: {
    en: ['Format version', 'Version of the scenario format.', 'Older versions are migrated on load.', '1'],
    zh: ['格式版本', '场景格式的版本。', '旧版本在加载时迁移。', '1'],
    src: ['format'],
  },
  'meta.name': {
    en: ['Scenario name', 'The scenario’s name, in one or both languages.', 'Display only.', 'Short.'],
    zh: ['场景名称', '场景名称，单语或双语。', '仅用于显示。', '简短。'],
    src: ['format'],
  },
  'meta.description': {
    en: ['Description', 'What the scenario is about.', 'Shown on Overview.', 'A paragraph.'],
    zh: ['说明', '场景的内容。', '显示在概览页。', '一段话。'],
    src: ['format'],
  },
  'meta.author': {
    en: ['Author', 'Who wrote the scenario.', 'Display only.', '—'],
    zh: ['作者', '场景作者。', '仅用于显示。', '—'],
    src: ['format'],
  },
  'meta.assumptions[].text': {
    en: [
      'Assumption',
      'One assumption the scenario makes.',
      'Shown on Overview; documents the inputs.',
      'One sentence each.',
    ],
    zh: ['假设', '场景所做的一条假设。', '显示在概览页；记录输入依据。', '每条一句话。'],
    src: ['format'],
  },
  'meta.assumptions[].source': {
    en: [
      'Assumption source',
      'The seed figure or source the assumption leans on.',
      'Display only.',
      'e.g. “seed 004: reach rate 92.8%”.',
    ],
    zh: ['假设来源', '假设所依据的种子数字或来源。', '仅用于显示。', '例如“种子 004：触达率 92.8%”。'],
    src: ['format'],
  },
  'compare.variants[].id': {
    en: [
      'Variant id',
      'Code of a saved Compare variant.',
      'Runs ignore it; the Compare screen uses it.',
      '—',
    ],
    zh: ['变体代码', '已保存的对比变体代码。', '运行忽略；对比页使用。', '—'],
    src: ['format'],
  },
  'compare.variants[].name': {
    en: [
      'Variant name',
      'Name of a saved Compare variant.',
      'Shown on the Compare screen.',
      'e.g. “Holdout 20%”.',
    ],
    zh: ['变体名称', '已保存的对比变体名称。', '显示在对比页。', '例如“对照组 20%”。'],
    src: ['format'],
  },
  'compare.variants[].overrides[].path': {
    en: [
      'Override path',
      'The parameter a variant changes.',
      'The variant runs the scenario with this value replaced, on common random numbers.',
      'e.g. strategies[omni_fund].holdout.share.',
    ],
    zh: [
      '覆盖路径',
      '变体所改变的参数。',
      '变体以替换后的值、在共同随机数上运行场景。',
      '例如 strategies[omni_fund].holdout.share。',
    ],
    src: ['format'],
  },
  'compare.variants[].overrides[].value': {
    en: [
      'Override value',
      'The value the variant uses for that parameter.',
      'Replaces the scenario’s value in the variant’s run.',
      '—',
    ],
    zh: ['覆盖值', '变体对该参数使用的值。', '在变体运行中替换场景值。', '—'],
    src: ['format'],
  },
  'ledger[].param': {
    en: [
      'Assumption',
      'A number of the scenario listed in the assumption ledger (a prior or a marked assumption).',
      'Runs ignore the ledger; sensitivity analyses move this parameter between its low and high.',
      'e.g. channels[ai_call].responseEffect.',
    ],
    zh: [
      '假设',
      '列入假设清单的情景数值（先验或已标记的假设）。',
      '运行忽略假设清单；敏感性分析在其下限与上限之间移动该参数。',
      '例如 channels[ai_call].responseEffect。',
    ],
    src: ['format'],
  },
  'ledger[].source': {
    en: [
      'Source of the assumption',
      'Where the value comes from: a seed figure, the bank’s own data, or a guess.',
      'Display only (the ledger and the PDF report).',
      'seed · bank_data · guess.',
    ],
    zh: [
      '假设来源',
      '取值来源：种子资料数据、本行数据或估计。',
      '仅用于显示（假设清单与 PDF 报告）。',
      'seed · bank_data · guess。',
    ],
    src: ['format'],
  },
  'ledger[].reference': {
    en: [
      'Reference',
      'The figure or document the value leans on.',
      'Display only.',
      'e.g. “seed 004: conversion 36.5%”.',
    ],
    zh: ['依据', '取值所依据的数据或文档。', '仅用于显示。', '例如“种子 004：转化率 36.5%”。'],
    src: ['format'],
  },
  'ledger[].note': {
    en: ['Note', 'A note on the assumption, in one or both languages.', 'Display only.', '—'],
    zh: ['备注', '关于该假设的说明，可写一种或两种语言。', '仅用于显示。', '—'],
    src: ['format'],
  },
  'ledger[].low': {
    en: [
      'Low for sensitivity',
      'The low end the tornado and sweeps move the parameter to.',
      'Default: the prior’s 5th percentile, else 20% below the value.',
      'Below high.',
    ],
    zh: [
      '敏感性下限',
      '龙卷风图与参数扫描使用的下限。',
      '默认：先验的第 5 百分位，否则为取值的 −20%。',
      '须小于上限。',
    ],
    src: ['model'],
  },
  'ledger[].high': {
    en: [
      'High for sensitivity',
      'The high end the tornado and sweeps move the parameter to.',
      'Default: the prior’s 95th percentile, else 20% above the value.',
      'Above low.',
    ],
    zh: [
      '敏感性上限',
      '龙卷风图与参数扫描使用的上限。',
      '默认：先验的第 95 百分位，否则为取值的 +20%。',
      '须大于下限。',
    ],
    src: ['model'],
  },
};
