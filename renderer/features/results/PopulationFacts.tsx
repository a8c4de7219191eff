import { useTranslation } from 'react-i18next';
import type { PopulationSummary } from '../../../sim/index';
import { useFormat } from './useFormat';

export type PopulationFactsProps = { summary: PopulationSummary };

/** Headline facts of the synthetic population, with the calibration targets beside them. */
export function PopulationFacts({ summary }: PopulationFactsProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const facts = [
    { key: 'size', value: f.count(summary.size) },
    { key: 'totalAum', value: f.cny(summary.totalAumCny) },
    { key: 'meanAum', value: f.cny(summary.meanAumCny) },
    { key: 'medianAum', value: f.cny(summary.medianAumCny) },
    {
      key: 'longTail',
      value: f.percent(summary.longTail.share),
      note: t('population.longTailNote', {
        threshold: f.cny(summary.longTail.thresholdCny),
        target: f.percent(summary.longTail.target, 0),
      }),
    },
    { key: 'appUsers', value: f.percent(summary.appUserShare) },
    { key: 'payroll', value: f.percent(summary.payrollShare) },
  ];
  return (
    <dl className="st-facts st-facts--tiles" data-testid="population-facts">
      {facts.map((fact) => (
        <div key={fact.key} data-testid={`population-${fact.key}`}>
          <dt>{t(`population.${fact.key}`)}</dt>
          <dd>{fact.value}</dd>
          {fact.note ? <dd className="st-muted">{fact.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
