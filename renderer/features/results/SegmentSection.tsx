import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { docTextIn, type StrategySummary } from '../../../sim/index';
import { HeatmapChart } from '../../components/charts/HeatmapChart';
import { IntervalChart } from '../../components/charts/IntervalChart';
import { ChartCard } from './ChartCard';
import { Choice } from './Choice';
import { ALL, buildCellGrid, type CellMetric } from './cell-grid';
import { gridLabeler } from './grid-labels';
import { useFormat } from './useFormat';

export type SegmentSectionProps = { strategy: StrategySummary; exportPrefix: string };

/** Uplift by KYC segment: wealth level × life stage heatmap (one occupation or all), and by tier. */
export function SegmentSection({ strategy, exportPrefix }: SegmentSectionProps) {
  const { t, i18n } = useTranslation('results');
  const f = useFormat();
  const [metric, setMetric] = useState<CellMetric>('conversion');
  const [occupation, setOccupation] = useState<string>(ALL);
  const labels = useMemo(() => gridLabeler(t, i18n.language), [t, i18n.language]);
  const grid = useMemo(
    () => buildCellGrid(strategy.byCell, metric, occupation),
    [strategy.byCell, metric, occupation],
  );
  const format = metric === 'conversion' ? f.pp : f.cnySigned;
  const xLabels = useMemo(() => grid.lifeStages.map(labels.lifeStage), [grid, labels]);
  const yLabels = useMemo(() => grid.wealthLevels.map(labels.wealth), [grid, labels]);
  const note = useMemo(
    () => (x: number, y: number) => t('segment.targeted', { n: f.count(grid.targeted[y][x]) }),
    [grid, f, t],
  );
  const tierRows = useMemo(
    () =>
      strategy.byTier.map((g) => {
        const s = metric === 'conversion' ? g.conversionUpliftPp : g.newMoneyUpliftPerCustomerCny;
        return {
          label: t(`tier.${g.id}`, { defaultValue: docTextIn(g.label, i18n.language) }),
          mean: s.mean,
          p05: s.p05,
          p95: s.p95,
        };
      }),
    [strategy.byTier, metric, t, i18n.language],
  );
  const metricChoice = (
    <Choice
      label={t('segment.metric')}
      value={metric}
      onChange={setMetric}
      options={[
        { value: 'conversion', label: t('metric.conversion') },
        { value: 'newMoney', label: t('metric.newMoney') },
      ]}
      testId="segment-metric"
    />
  );
  const occupationChoice = (
    <Choice
      label={t('segment.occupation')}
      value={occupation}
      onChange={setOccupation}
      options={[
        { value: ALL, label: t('segment.allOccupations') },
        ...grid.occupations.map((o) => ({ value: o, label: labels.occupation(o) })),
      ]}
      testId="segment-occupation"
    />
  );
  return (
    <div className="st-grid st-grid--2-1" data-testid="segment-section">
      <ChartCard
        title={t('segment.gridTitle')}
        glossary="segments"
        hint={t('segment.gridHint')}
        exportName={`${exportPrefix}-grid-${metric}-${occupation}`}
        controls={
          <>
            {metricChoice}
            {occupationChoice}
          </>
        }
      >
        {grid.wealthLevels.length > 0 ? (
          <HeatmapChart
            xLabels={xLabels}
            yLabels={yLabels}
            values={grid.values}
            format={format}
            scale="diverging"
            note={note}
            xName={t('segment.lifeStage')}
            yName={t('segment.wealthLevel')}
            ariaLabel={t('segment.gridTitle')}
            testId="segment-heatmap"
          />
        ) : (
          <p className="st-empty">{t('common.noData')}</p>
        )}
      </ChartCard>
      <ChartCard
        title={t('segment.tierTitle')}
        glossary="segments"
        hint={t('segment.tierHint')}
        exportName={`${exportPrefix}-tiers-${metric}`}
      >
        {tierRows.length > 0 ? (
          <IntervalChart
            rows={tierRows}
            format={format}
            ariaLabel={t('segment.tierTitle')}
            testId="tier-chart"
          />
        ) : (
          <p className="st-empty">{t('common.noData')}</p>
        )}
      </ChartCard>
    </div>
  );
}
