import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategySummary } from '../../../sim/index';
import { IntervalChart } from '../../components/charts/IntervalChart';
import { WeeklyChart } from '../../components/charts/WeeklyChart';
import { useLocalText } from '../../i18n/local-text';
import { ChartCard } from './ChartCard';
import { Choice } from './Choice';
import type { CellMetric } from './cell-grid';
import { useFormat } from './useFormat';

export type BranchWeekSectionProps = { strategy: StrategySummary; exportPrefix: string };

/** Branches ranked by uplift (with intervals: small branches are noisy), and the weekly build-up. */
export function BranchWeekSection({ strategy, exportPrefix }: BranchWeekSectionProps) {
  const { t } = useTranslation('results');
  const text = useLocalText();
  const f = useFormat();
  const [metric, setMetric] = useState<CellMetric>('conversion');
  const format = metric === 'conversion' ? f.pp : f.cnySigned;
  const branchRows = useMemo(
    () =>
      strategy.byBranch
        .map((g) => {
          const s = metric === 'conversion' ? g.conversionUpliftPp : g.newMoneyUpliftPerCustomerCny;
          const note = t('segment.targeted', { n: f.count(g.targetedTreatment + g.targetedControl) });
          return { label: text(g.label), mean: s.mean, p05: s.p05, p95: s.p95, note };
        })
        .sort(
          (a, b) =>
            (Number.isFinite(b.mean) ? b.mean : -Infinity) - (Number.isFinite(a.mean) ? a.mean : -Infinity),
        ),
    [strategy.byBranch, metric, f, t, text],
  );
  const weekPoints = useMemo(
    () =>
      strategy.byWeek.map((w) => ({
        label: t('week.label', { week: w.week }),
        treatment: w.conversionTreatment,
        control: w.conversionControl,
        uplift: w.upliftPp.mean,
        upliftP05: w.upliftPp.p05,
        upliftP95: w.upliftPp.p95,
      })),
    [strategy.byWeek, t],
  );
  const weekNames = useMemo(
    () => ({
      treatment: t('arm.treatment'),
      control: t('arm.control'),
      uplift: t('week.uplift'),
      band: t('kpi.interval'),
    }),
    [t],
  );
  return (
    <div className="st-grid st-grid--2" data-testid="branch-week-section">
      <ChartCard
        title={t('branch.title')}
        glossary="branches"
        hint={t('branch.hint')}
        exportName={`${exportPrefix}-branches-${metric}`}
        controls={
          <Choice
            label={t('segment.metric')}
            value={metric}
            onChange={setMetric}
            options={[
              { value: 'conversion', label: t('metric.conversion') },
              { value: 'newMoney', label: t('metric.newMoney') },
            ]}
            testId="branch-metric"
          />
        }
      >
        {branchRows.length > 0 ? (
          <IntervalChart
            rows={branchRows}
            format={format}
            ariaLabel={t('branch.title')}
            testId="branch-chart"
          />
        ) : (
          <p className="st-empty">{t('common.noData')}</p>
        )}
      </ChartCard>
      <ChartCard
        title={t('week.title')}
        hint={t('week.hint')}
        exportName={`${exportPrefix}-weekly`}
        glossary="weekly"
      >
        {weekPoints.length > 0 ? (
          <WeeklyChart
            points={weekPoints}
            names={weekNames}
            formatRate={f.percent}
            formatPp={f.pp}
            ariaLabel={t('week.title')}
            testId="weekly-chart"
          />
        ) : (
          <p className="st-empty">{t('common.noData')}</p>
        )}
      </ChartCard>
    </div>
  );
}
