import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NaiveView } from '../../../sim/index';
import { IntervalChart } from '../../components/charts/IntervalChart';
import { ChartCard } from './ChartCard';
import { useFormat } from './useFormat';

export type NaiveVsCausalProps = { naive: NaiveView; exportName: string };

/** The trade-article number ("participants vs non-participants") beside the randomized one. */
export function NaiveVsCausal({ naive, exportName }: NaiveVsCausalProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const rows = useMemo(
    () => [
      { label: t('naive.naiveLabel'), ...naive.naiveUpliftPp },
      { label: t('naive.causalLabel'), ...naive.causalUpliftPp },
    ],
    [naive, t],
  );
  return (
    <ChartCard title={t('naive.title')} exportName={exportName} glossary="naive-vs-causal">
      <div className="st-naive" data-testid="naive-vs-causal">
        <dl className="st-naive__figures">
          <div className="st-naive__figure">
            <dt>{t('naive.naiveLabel')}</dt>
            <dd data-testid="naive-uplift-value">{f.pp(naive.naiveUpliftPp.mean)}</dd>
            <dd className="st-muted">
              {t('naive.naiveDetail', {
                participants: f.percent(naive.participantsConversion.mean),
                others: f.percent(naive.nonParticipantsConversion.mean),
              })}
            </dd>
          </div>
          <div className="st-naive__figure st-naive__figure--causal">
            <dt>{t('naive.causalLabel')}</dt>
            <dd data-testid="causal-uplift-value">{f.pp(naive.causalUpliftPp.mean)}</dd>
            <dd className="st-muted">{t('naive.causalDetail')}</dd>
          </div>
          <div className="st-naive__figure">
            <dt>{t('naive.biasLabel')}</dt>
            <dd data-testid="selection-bias-value">{f.pp(naive.selectionBiasPp.mean)}</dd>
            <dd className="st-muted">
              {t('naive.newMoneyDetail', {
                participants: f.cny(naive.participantsNewMoneyPerCustomerCny.mean),
                others: f.cny(naive.nonParticipantsNewMoneyPerCustomerCny.mean),
              })}
            </dd>
          </div>
        </dl>
        <p className="st-naive__explanation" data-testid="naive-explanation">
          {t('naive.explanation')}
        </p>
        <IntervalChart rows={rows} format={f.pp} ariaLabel={t('naive.chartAria')} testId="naive-chart" />
      </div>
    </ChartCard>
  );
}
