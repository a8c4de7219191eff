import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stat, StrategySummary } from '../../../sim/index';
import { HistogramChart } from '../../components/charts/HistogramChart';
import { ChartCard } from './ChartCard';
import { useFormat } from './useFormat';

export type DistributionSectionProps = { strategy: StrategySummary; exportPrefix: string };

type Histogram = {
  key: string;
  stat: Stat;
  samples: Float64Array;
  format: (v: number) => string;
  reference: number;
};

/** Histograms over replications: how sure are we, and how often is the campaign a loss? */
export function DistributionSection({ strategy, exportPrefix }: DistributionSectionProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const labels = useMemo(
    () => ({
      replications: t('histogram.replications'),
      interval: t('kpi.interval'),
      mean: t('histogram.mean'),
    }),
    [t],
  );
  const histograms: Histogram[] = [
    {
      key: 'conversion-uplift',
      stat: strategy.naive.causalUpliftPp,
      samples: strategy.samples.conversionUpliftPp,
      format: f.pp,
      reference: 0,
    },
    {
      key: 'new-money-per-customer',
      stat: strategy.newMoneyPerCustomerCny.uplift,
      samples: strategy.samples.newMoneyUpliftPerCustomerCny,
      format: f.cnySigned,
      reference: 0,
    },
    { key: 'roi', stat: strategy.roi, samples: strategy.samples.roi, format: f.ratio, reference: 1 },
  ];
  return (
    <div className="st-grid st-grid--3" data-testid="distribution-section">
      {histograms.map((h) => (
        <ChartCard
          key={h.key}
          glossary="distribution"
          title={t(`histogram.title.${h.key}`)}
          hint={t(h.reference === 1 ? 'histogram.hintRoi' : 'histogram.hintUplift')}
          exportName={`${exportPrefix}-histogram-${h.key}`}
        >
          {h.samples.length > 0 ? (
            <HistogramChart
              samples={h.samples}
              p05={h.stat.p05}
              p95={h.stat.p95}
              mean={h.stat.mean}
              reference={h.reference}
              format={h.format}
              labels={labels}
              ariaLabel={t(`histogram.title.${h.key}`)}
              testId={`histogram-${h.key}`}
            />
          ) : (
            <p className="st-empty">{t('common.noData')}</p>
          )}
        </ChartCard>
      ))}
    </div>
  );
}
