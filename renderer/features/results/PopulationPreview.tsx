import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bothLanguages, docTextIn, type PopulationSummary } from '../../../sim/index';
import { BarChart } from '../../components/charts/BarChart';
import type { PngSink } from '../../components/charts/export-png';
import { HeatmapChart } from '../../components/charts/HeatmapChart';
import { LorenzChart } from '../../components/charts/LorenzChart';
import { palette } from '../../components/charts/palette';
import { ChartCard } from './ChartCard';
import { Choice } from './Choice';
import { ALL, populationGrid } from './cell-grid';
import { PngExportContext } from './export-context';
import { gridLabeler } from './grid-labels';
import { PopulationFacts } from './PopulationFacts';
import { useFormat } from './useFormat';
import './results.css';

export type PopulationPreviewProps = { summary: PopulationSummary; onExportPng?: PngSink };

/**
 * The synthetic population before any campaign: concentration, tiers, KYC grid, branches.
 * Memoized: the editor re-renders its panel on every edit, the summary changes only when rebuilt.
 */
export const PopulationPreview = memo(function PopulationPreview({
  summary,
  onExportPng,
}: PopulationPreviewProps) {
  const { t, i18n } = useTranslation('results');
  const f = useFormat();
  const [occupation, setOccupation] = useState<string>(ALL);
  const labels = useMemo(() => gridLabeler(t, i18n.language), [t, i18n.language]);
  const { topShareAum: top, grid, tiers } = summary;
  const topText = t('population.topShare', {
    top: f.percent(top.topShare, 0),
    achieved: f.percent(top.aumShare),
    target: f.percent(top.target, 0),
  });
  const lorenzNames = useMemo(
    () => ({
      curve: t('population.lorenzCurve'),
      equality: t('population.equality'),
      customers: t('population.customerShare'),
      aum: t('population.aumShare'),
      callout: t('population.topLine', { top: f.percent(top.topShare, 0) }),
    }),
    [t, f, top.topShare],
  );
  const tierCategories = useMemo(
    () => tiers.map((x) => t(`tier.${x.id}`, { defaultValue: docTextIn(x.label, i18n.language) })),
    [tiers, t, i18n.language],
  );
  const tierSeries = useMemo(
    () => [
      { name: t('population.customerShare'), values: tiers.map((x) => x.share), color: palette.treatment },
      { name: t('population.aumShare'), values: tiers.map((x) => x.aumShare), color: palette.flow.referral },
    ],
    [tiers, t],
  );
  const counts = useMemo(() => populationGrid(grid, occupation), [grid, occupation]);
  const xLabels = useMemo(() => grid.lifeStages.map(labels.lifeStage), [grid, labels]);
  const yLabels = useMemo(() => grid.wealthLevels.map(labels.wealth), [grid, labels]);
  const branches = useMemo(
    () => [...summary.branches].sort((a, b) => b.customers - a.customers),
    [summary.branches],
  );
  const branchNames = useMemo(() => branches.map((b) => b.name), [branches]);
  const branchSeries = useMemo(
    () => [
      { name: t('population.customers'), values: branches.map((b) => b.customers), color: palette.treatment },
    ],
    [branches, t],
  );
  const branchNote = useMemo(
    () => (i: number) =>
      t('population.branchNote', {
        region: branches[i].region,
        wm: branches[i].wealthManagers,
        agents: branches[i].remoteAgents,
      }),
    [branches, t],
  );
  return (
    <PngExportContext.Provider value={onExportPng}>
      <div className="st-results" data-testid="population-preview">
        <PopulationFacts summary={summary} />
        <div className="st-grid st-grid--2">
          <ChartCard
            title={t('population.lorenzTitle')}
            hint={t('population.lorenzHint')}
            exportName="population-lorenz"
          >
            <p className="st-callout" data-testid="top-share-callout">
              {topText}
            </p>
            <LorenzChart
              points={summary.lorenz}
              topShare={top.topShare}
              names={lorenzNames}
              formatShare={f.percent}
              ariaLabel={t('population.lorenzTitle')}
              testId="lorenz-chart"
            />
          </ChartCard>
          <ChartCard title={t('population.tierTitle')} exportName="population-tiers">
            <BarChart
              categories={tierCategories}
              series={tierSeries}
              format={f.percent}
              ariaLabel={t('population.tierTitle')}
              testId="tier-mix-chart"
            />
          </ChartCard>
        </div>
        <div className="st-grid st-grid--2">
          <ChartCard
            title={t('population.gridTitle')}
            hint={t('population.gridHint', {
              n: grid.wealthLevels.length * grid.lifeStages.length * grid.occupations.length,
            })}
            exportName={`population-grid-${occupation}`}
            controls={
              <Choice
                label={t('segment.occupation')}
                value={occupation}
                onChange={setOccupation}
                options={[
                  { value: ALL, label: t('segment.allOccupations') },
                  ...grid.occupations.map((o) => ({ value: bothLanguages(o), label: labels.occupation(o) })),
                ]}
                testId="population-occupation"
              />
            }
          >
            <HeatmapChart
              xLabels={xLabels}
              yLabels={yLabels}
              values={counts}
              format={f.count}
              scale="sequential"
              xName={t('segment.lifeStage')}
              yName={t('segment.wealthLevel')}
              ariaLabel={t('population.gridTitle')}
              testId="population-heatmap"
            />
          </ChartCard>
          <ChartCard title={t('population.branchTitle')} exportName="population-branches">
            <BarChart
              categories={branchNames}
              series={branchSeries}
              format={f.count}
              isHorizontal
              note={branchNote}
              ariaLabel={t('population.branchTitle')}
              testId="branch-size-chart"
            />
          </ChartCard>
        </div>
      </div>
    </PngExportContext.Provider>
  );
});
