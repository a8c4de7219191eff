// The figures a lesson question or a challenge task can ask about, read from a run's summary of
// one strategy. Units are in the names: pct and pp are percent and percentage points, cny is CNY.
import type { StrategySummary } from '../results';

export const METRICS = [
  'conversion-uplift-pp',
  'conversion-treatment-pct',
  'conversion-control-pct',
  'reach-rate-pct',
  'naive-gap-pp',
  'selection-bias-pp',
  'naive-to-causal-ratio',
  'power-pct',
  'money-power-pct',
  'roi',
  'new-money-per-customer-cny',
  'modelled-new-money-cny',
  'new-money-interval-width-cny',
  'cost-total-cny',
  'cost-per-incremental-buyer-cny',
  'lead-follow-up-pct',
] as const;
export type Metric = (typeof METRICS)[number];

/** The mean over replications of `metric` for one strategy (NaN when undefined, e.g. 0 ÷ 0). */
export function metricValue(s: StrategySummary, metric: Metric): number {
  switch (metric) {
    case 'conversion-uplift-pp':
      return s.naive.causalUpliftPp.mean;
    case 'conversion-treatment-pct':
      return s.conversionRate.treatment.mean * 100;
    case 'conversion-control-pct':
      return s.conversionRate.control.mean * 100;
    case 'reach-rate-pct':
      // Reached ÷ targeted in the treatment arm: a ratio of means over replications.
      return (s.funnelTreatment.reached / s.funnelTreatment.targeted) * 100;
    case 'naive-gap-pp':
      return s.naive.naiveUpliftPp.mean;
    case 'selection-bias-pp':
      return s.naive.selectionBiasPp.mean;
    case 'naive-to-causal-ratio':
      return s.naive.naiveUpliftPp.mean / s.naive.causalUpliftPp.mean;
    case 'power-pct':
      return s.pilot.powerConversion * 100;
    case 'money-power-pct':
      return s.pilot.powerAum * 100;
    case 'roi':
      return s.modelled.roi.mean;
    case 'new-money-per-customer-cny':
      return s.newMoneyPerCustomerCny.uplift.mean;
    case 'modelled-new-money-cny':
      return s.modelled.newMoneyPerCustomerCny.mean;
    case 'new-money-interval-width-cny':
      return s.pilot.newMoneyIntervalWidthCny;
    case 'cost-total-cny':
      return s.cost.totalCny.mean;
    case 'cost-per-incremental-buyer-cny':
      return s.modelled.costPerIncrementalBuyerCny;
    case 'lead-follow-up-pct':
      return s.leadFollowUpRate.mean * 100;
  }
}
