// Glossary: the figures a run produces (the results' cards and charts). The "model" text says how
// each is computed (docs/model.md); the "range" says what the examples show.
import type { RawEntries } from './glossary-types';

/** Result cards and charts with an info icon; every id has an `output.<id>` glossary entry. */
export const OUTPUT_IDS = [
  'conversion-uplift',
  'new-money-per-customer',
  'modelled-new-money',
  'new-money-total',
  'roi',
  'p-uplift',
  'power',
  'verdict',
  'funnel',
  'naive-vs-causal',
  'selection-bias',
  'flows',
  'distribution',
  'segments',
  'branches',
  'weekly',
  'cost',
  'cost-per-incremental-buyer',
  'domain-outcomes',
  'channels',
  'band',
  'mc-se',
] as const;
export type OutputId = (typeof OUTPUT_IDS)[number];

export const OUTPUT_ENTRIES: RawEntries = {
  'output.conversion-uplift': {
    en: [
      'Conversion uplift',
      'Treatment conversion minus randomized-control conversion, in percentage points.',
      'Conversion = share of targeted customers who bought the offer by any route on or after their trigger week; uplift compares the two randomized arms.',
      'A few pp to ~10 pp in the examples; seed 004 reports conversion 36.5% for use-case groups (not an uplift).',
    ],
    zh: [
      '转化提升',
      '干预组转化率减去随机对照组转化率，单位为百分点。',
      '转化 = 目标客户中在触发周及之后以任何途径购买该产品的比例；提升比较两个随机组。',
      '示例中为几个到约 10 个百分点；种子 004 报告用例组转化 36.5%（不是提升）。',
    ],
    src: ['model', 'seed004'],
    see: ['strategies[].holdout.share', 'output.naive-vs-causal'],
  },
  'output.new-money-per-customer': {
    en: [
      'Net new money per customer (randomized)',
      'Treatment minus control net new money per targeted customer, CNY.',
      'Net new money = new money of purchases + large inflows − maturity run-off − churned AUM. With heavy-tailed AUM, which arm holds the few richest customers swings it widely.',
      'Bands of ±¥10,000s per customer around effects of ~¥1,000 in the examples.',
    ],
    zh: [
      '人均净新增资金（随机对照）',
      '每位目标客户的净新增资金，干预组减对照组，单位元。',
      '净新增资金 = 购买带来的新资金 + 大额到账 − 到期流出 − 流失 AUM。AUM 尾部很重，少数最富客户落在哪一组就会大幅摆动。',
      '示例中区间为每客户 ± 数万元，而效果约 1 千元。',
    ],
    src: ['model', 'seed002'],
    see: ['output.modelled-new-money', 'population.aum.concentration.holdsShare'],
  },
  'output.modelled-new-money': {
    en: [
      'Modelled net new money per customer',
      'Each treated customer against their own counterfactual (the same draws without the campaign).',
      'Campaign purchases that would not have happened, less pre-empted organic purchases, plus money kept and churn prevented. The expected effect the randomized figure scatters around.',
      'Far narrower band than the randomized figure.',
    ],
    zh: [
      '模型人均净新增资金',
      '每位干预客户与其自身反事实（相同随机抽样、没有营销）的比较。',
      '没有营销就不会发生的购买，减去被提前占用的自然购买，加上留住的资金和防止的流失。是随机估计围绕的期望效果。',
      '区间远比随机估计窄。',
    ],
    src: ['model'],
  },
  'output.new-money-total': {
    en: [
      'Net new money, total',
      'Randomized net new money uplift over all treated customers, CNY.',
      'Per-customer uplift × treated customers.',
      'Scales with the population.',
    ],
    zh: [
      '净新增资金合计',
      '全部干预客户的随机对照净新增资金提升，单位元。',
      '人均提升 × 干预客户数。',
      '随人口规模变化。',
    ],
    src: ['model'],
  },
  'output.roi': {
    en: [
      'ROI',
      'Modelled value ÷ cost, as a ratio of means over replications.',
      'Mean value ÷ mean cost, never the mean of per-replication ratios; value = revenue + value per conversion + margin on net new money, over value years.',
      'Above 1 pays back; the randomized ROI is shown beside it.',
    ],
    zh: [
      '投资回报率（ROI）',
      '模型价值 ÷ 成本，按各次重复的均值之比。',
      '价值均值 ÷ 成本均值，而不是各次比值的均值；价值 = 收入 + 转化价值 + 净新增资金利差，乘以计值年数。',
      '大于 1 即回本；旁边显示随机对照 ROI。',
    ],
    src: ['model'],
  },
  'output.p-uplift': {
    en: [
      'Replications with uplift > 0',
      'Share of replications whose conversion uplift is above zero.',
      'Counts replications; it is not the probability that the effect is real.',
      '0–100%.',
    ],
    zh: [
      '提升 > 0 的重复占比',
      '转化提升大于 0 的重复次数占比。',
      '统计重复次数；不是“效果为真”的概率。',
      '0–100%。',
    ],
    src: ['model', 'stats'],
  },
  'output.power': {
    en: [
      'Pilot power',
      'Share of replications in which a pilot of this design would detect the conversion uplift (p ≤ 0.05).',
      'Each replication runs the pilot analysis (a covariate-adjusted randomization test); the share that rejects is the simulated power, ±1.645 binomial SE.',
      '80% is the usual target; holdout 5/10/20% → 21/46/71% on the omni example.',
    ],
    zh: [
      '试点检验力',
      '在多少比例的重复中，这种设计的试点能检测出转化提升（p ≤ 0.05）。',
      '每次重复执行试点分析（协变量调整的随机化检验）；拒绝原假设的比例就是模拟检验力，± 1.645 个二项标准误。',
      '通常目标为 80%；全渠道示例中对照组 5/10/20% → 21/46/71%。',
    ],
    src: ['model', 'stats'],
    see: ['strategies[].holdout.share'],
  },
  'output.verdict': {
    en: [
      'Verdict',
      'One plain-words decision per strategy: roll out, pilot first, unprofitable, or no clear effect.',
      'From the modelled effect (p05 > 0), the modelled ROI (below 1, or p05 ≥ 1) and the pilot’s power.',
      '—',
    ],
    zh: [
      '结论',
      '每个策略一句话的决策：推广、先试点、不赚钱或无明确效果。',
      '依据模型效果（p05 > 0）、模型 ROI（低于 1，或 p05 ≥ 1）和试点检验力。',
      '—',
    ],
    src: ['model'],
  },
  'output.funnel': {
    en: [
      'Funnel',
      'Eligible → targeted → reached → responded → converted, treatment and control.',
      'Counts per replication, averaged; the control arm is never contacted, so its reached and responded are 0 and only organic buying converts.',
      'Seed 004: reach 92.8%, conversion 36.5%.',
    ],
    zh: [
      '漏斗',
      '合格 → 选中 → 触达 → 响应 → 转化，干预组与对照组。',
      '每次重复计数后取均值；对照组从不接触，触达与响应为 0，只有自然购买带来转化。',
      '种子 004：触达 92.8%，转化 36.5%。',
    ],
    src: ['model', 'seed004'],
  },
  'output.naive-vs-causal': {
    en: [
      'Naive vs causal',
      'The naive “participants vs non-participants” gap beside the randomized uplift.',
      'Participants (reached and responded) against everyone else targeted or held out: responders are chosen by their own propensity, which also drives organic buying, so the naive gap is far larger.',
      'Naive often several times the causal uplift.',
    ],
    zh: [
      '朴素 vs 因果',
      '朴素的“参与者 vs 未参与者”差距与随机对照提升并列。',
      '参与者（触达且响应）对比其余被选中或留作对照的客户：响应者因自身倾向被选出，而倾向也驱动自然购买，所以朴素差距大得多。',
      '朴素差距常为因果提升的数倍。',
    ],
    src: ['model', 'seed004'],
    see: ['output.selection-bias', 'population.temperature.sdLogit'],
  },
  'output.selection-bias': {
    en: [
      'Selection bias',
      'Naive gap minus causal uplift: the part of the naive figure that is who responds, not what the campaign did.',
      'Computed per replication from the same customers.',
      'Usually most of the naive gap.',
    ],
    zh: [
      '选择偏差',
      '朴素差距减去因果提升：朴素数字中来自“谁会响应”而非营销作用的部分。',
      '每次重复用同一批客户计算。',
      '通常占朴素差距的大部分。',
    ],
    src: ['model'],
  },
  'output.flows': {
    en: [
      'Channel flows',
      'Where customers go through the journey: steps, referrals (转介), returns (回流), conversions and exits, as a Sankey.',
      'Counts of token moves per replication, averaged.',
      '—',
    ],
    zh: [
      '渠道流向',
      '客户在旅程中的去向：步骤、转介、回流、转化与退出（桑基图）。',
      '每次重复的令牌移动计数取均值。',
      '—',
    ],
    src: ['model'],
  },
  'output.distribution': {
    en: [
      'Distribution across replications',
      'Histogram of a figure over replications.',
      'Shows the spread the band summarizes.',
      '—',
    ],
    zh: ['重复间分布', '某个数字在各次重复中的直方图。', '展示区间所概括的离散情况。', '—'],
    src: ['stats'],
  },
  'output.segments': {
    en: [
      'Uplift by segment',
      'Uplift by KYC grid cell and by tier.',
      'Treatment − control within each cell; small cells are noisy.',
      '—',
    ],
    zh: ['分客群提升', '按 KYC 网格单元和层级的提升。', '每个单元内干预组 − 对照组；小单元噪声大。', '—'],
    src: ['seed000', 'model'],
  },
  'output.branches': {
    en: [
      'Uplift by branch',
      'Uplift and activity per branch.',
      'Branches differ by size, staff and random effect.',
      '—',
    ],
    zh: ['分网点提升', '各网点的提升与活动量。', '网点在规模、人员与随机效应上各不相同。', '—'],
    src: ['model'],
  },
  'output.weekly': {
    en: [
      'By week',
      'Contacts, conversions and uplift week by week.',
      'Shows capacity queues, event windows and seasonality over time.',
      '—',
    ],
    zh: ['按周', '逐周的接触、转化与提升。', '展示容量排队、事件窗口与季节性随时间的变化。', '—'],
    src: ['model'],
  },
  'output.cost': {
    en: [
      'Cost',
      'Contacts (attempts × cost per attempt) + redeemed incentives; staff cost is the part spent by staff channels, shown as “of which”.',
      'Summed over treated customers per replication.',
      'Within the strategy budget.',
    ],
    zh: [
      '成本',
      '接触（尝试次数 × 每次成本）+ 已兑付权益；人员成本是人员渠道花费的部分，显示为“其中”。',
      '每次重复对干预客户求和。',
      '不超过策略预算。',
    ],
    src: ['model'],
  },
  'output.cost-per-incremental-buyer': {
    en: [
      'Cost per incremental buyer',
      'Mean cost ÷ mean modelled incremental buyers.',
      'A ratio of means.',
      '—',
    ],
    zh: ['每个增量买家成本', '平均成本 ÷ 平均模型增量买家数。', '均值之比。', '—'],
    src: ['model'],
  },
  'output.domain-outcomes': {
    en: [
      'Products held, MAU, logins, tier-up, attrition',
      'Uplift on the other outcomes, each with its naive multiple.',
      'Treatment − control per targeted customer; the naive multiple shows how much the participants comparison would overstate it.',
      '—',
    ],
    zh: [
      '持有产品数、月活、登录、升级、流失',
      '其他结果的提升，以及各自的朴素倍数。',
      '每位目标客户干预组 − 对照组；朴素倍数显示参与者比较会夸大多少。',
      '—',
    ],
    src: ['model'],
  },
  'output.channels': {
    en: [
      'Channels',
      'Attempts, reach, responses, conversions and cost per channel.',
      'Summed over the journey steps using each channel.',
      '—',
    ],
    zh: ['渠道', '各渠道的尝试、触达、响应、转化与成本。', '对使用该渠道的旅程步骤求和。', '—'],
    src: ['model'],
  },
  'output.band': {
    en: [
      'Band (90% of replications)',
      'The 5th–95th percentile of a figure over replications.',
      'Reflects behaviour noise, the randomized assignment and parameter uncertainty: how much one campaign can vary.',
      '—',
    ],
    zh: [
      '区间（90% 的重复）',
      '某数字在各次重复中的第 5–95 百分位。',
      '反映行为噪声、随机分组与参数不确定性：一次营销可能的波动。',
      '—',
    ],
    src: ['model', 'stats'],
  },
  'output.mc-se': {
    en: [
      'Monte Carlo SE of the mean',
      'How precisely the run has pinned the mean: SD ÷ √replications (shown as ±).',
      'More replications shrink it; they do not shrink the band.',
      '—',
    ],
    zh: [
      '均值的蒙特卡洛标准误',
      '本次运行对均值的确定程度：标准差 ÷ √重复次数（显示为 ±）。',
      '增加重复次数会缩小它，但不会缩小区间。',
      '—',
    ],
    src: ['model', 'stats'],
  },
};
