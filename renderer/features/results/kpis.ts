// The six headline figures of a strategy, defined once for the dashboard cards and the compare view.
import { normalInterval, type StrategySummary } from '../../../sim/index';
import type { Formatters } from './format';

export const KPI_NAMES = [
  'conversion-uplift',
  'new-money-per-customer',
  'modelled-new-money',
  'new-money-total',
  'roi',
  'p-uplift',
  'power',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** The figure, its band (90% of replications), and the Monte Carlo SE of the mean when it has one. */
export type KpiValue = { mean: number; p05: number; p95: number; mcSe?: number };

export type KpiDef = {
  name: KpiName;
  value: (s: StrategySummary) => KpiValue;
  /** Per-replication values, when the engine keeps them: they make paired differences possible. */
  samples?: (s: StrategySummary) => ArrayLike<number>;
  format: (f: Formatters) => (v: number) => string;
  /** How a difference between two variants is shown (probabilities differ in points). */
  formatDiff: (f: Formatters) => (v: number) => string;
};

export const KPIS: Record<KpiName, KpiDef> = {
  'conversion-uplift': {
    name: 'conversion-uplift',
    // The pp-named field; conversionRate.uplift holds the same figure as a rate difference.
    value: (s) => s.naive.causalUpliftPp,
    samples: (s) => s.samples.conversionUpliftPp,
    format: (f) => (v) => f.pp(v),
    formatDiff: (f) => (v) => f.pp(v),
  },
  'new-money-per-customer': {
    name: 'new-money-per-customer',
    value: (s) => s.newMoneyPerCustomerCny.uplift,
    samples: (s) => s.samples.newMoneyUpliftPerCustomerCny,
    format: (f) => f.cnySigned,
    formatDiff: (f) => f.cnySigned,
  },
  'modelled-new-money': {
    name: 'modelled-new-money',
    // Each treated customer against their own counterfactual: the expected effect without the
    // randomized comparison's sampling noise (large when AUM is skewed).
    value: (s) => s.modelled.newMoneyPerCustomerCny,
    format: (f) => f.cnySigned,
    formatDiff: (f) => f.cnySigned,
  },
  'new-money-total': {
    name: 'new-money-total',
    value: (s) => s.newMoneyUpliftTotalCny,
    format: (f) => f.cnySigned,
    formatDiff: (f) => f.cnySigned,
  },
  roi: {
    name: 'roi',
    // Modelled value ÷ cost as a ratio of means; the randomized ROI is on the card's second line.
    value: (s) => s.modelled.roi,
    samples: (s) => s.samples.roi,
    format: (f) => f.ratio,
    formatDiff: (f) => (v) => (v > 0 ? '+' : '') + f.ratio(v),
  },
  'p-uplift': {
    name: 'p-uplift',
    value: (s) => {
      const p = s.naive.causalUpliftPp.pPositive;
      return { mean: p, p05: Number.NaN, p95: Number.NaN };
    },
    format: (f) => f.probability,
    formatDiff: (f) => (v) => f.pp(v * 100),
  },
  power: {
    name: 'power',
    // Monte Carlo uncertainty of the simulated power: ±1.645 standard errors, clipped to [0, 1].
    value: ({ pilot }) => {
      const i = normalInterval(pilot.powerConversion, pilot.powerConversionSe, 0.9, { min: 0, max: 1 });
      return { mean: pilot.powerConversion, p05: i.low, p95: i.high };
    },
    format: (f) => f.probability,
    formatDiff: (f) => (v) => f.pp(v * 100),
  },
};
