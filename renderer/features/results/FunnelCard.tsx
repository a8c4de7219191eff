import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_STAGES, type Funnel, type StrategySummary } from '../../../sim/index';
import { FunnelBarChart } from '../../components/charts/FunnelBarChart';
import { ChartCard } from './ChartCard';
import { useFormat } from './useFormat';

export type FunnelCardProps = { strategy: StrategySummary; exportName: string };

// The journey stages, then buyers by any route: the only stage where the arms compare (control
// customers are never contacted, so their journey stages after "targeted" are zero).
const STAGES: ReadonlyArray<keyof Funnel> = [...FUNNEL_STAGES, 'buyers'];

export function FunnelCard({ strategy, exportName }: FunnelCardProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const funnelLabel = useCallback((share: number) => f.percent(share, share >= 0.1 ? 0 : 1), [f]);
  const { funnelTreatment, funnelControl } = strategy;
  const stages = useMemo(() => STAGES.map((s) => t(`funnel.stage.${s}`)), [t]);
  const treatment = useMemo(
    () => ({ name: t('arm.treatment'), counts: STAGES.map((s) => funnelTreatment[s]) }),
    [funnelTreatment, t],
  );
  const control = useMemo(
    () => ({ name: t('arm.control'), counts: STAGES.map((s) => funnelControl[s]) }),
    [funnelControl, t],
  );
  return (
    <ChartCard title={t('funnel.title')} hint={t('funnel.hint')} exportName={exportName} glossary="funnel">
      <FunnelBarChart
        stages={stages}
        treatment={treatment}
        control={control}
        formatShare={f.percent}
        formatLabel={funnelLabel}
        formatCount={f.count}
        ariaLabel={t('funnel.title')}
        testId="funnel-chart"
      />
      <div className="st-scroll">
        <table className="st-table st-table--compact" data-testid="funnel-table">
          <thead>
            <tr>
              <th scope="col">{t('funnel.stageHeader')}</th>
              {stages.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[treatment, control].map((arm) => (
              <tr key={arm.name}>
                <th scope="row">{arm.name}</th>
                {arm.counts.map((c, i) => (
                  <td key={STAGES[i]}>{f.count(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
