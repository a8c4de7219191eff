import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../sim/results';
import type { PngSink } from '../../components/charts/export-png';
import { BranchWeekSection } from './BranchWeekSection';
import { ChannelTable } from './ChannelTable';
import { CostBreakdown } from './CostBreakdown';
import { DistributionSection } from './DistributionSection';
import { PngExportContext, slug } from './export-context';
import { FlowSection } from './FlowSection';
import { FunnelCard } from './FunnelCard';
import { KpiGrid } from './KpiGrid';
import { NaiveVsCausal } from './NaiveVsCausal';
import { RunStatus } from './RunStatus';
import { SegmentSection } from './SegmentSection';
import { StrategyTabs, tabId } from './StrategyTabs';
import './results.css';

export type ResultsDashboardProps = {
  summary: RunSummary;
  /** While true, figures are provisional: replications done < planned. */
  isRunning: boolean;
  /** Receives chart PNGs (file name with .png, bytes); without it the browser downloads them. */
  onExportPng?: PngSink;
};

/** Results of one run, one strategy at a time. */
export function ResultsDashboard({ summary, isRunning, onExportPng }: ResultsDashboardProps) {
  const { t } = useTranslation('results');
  const panelId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const strategy = summary.strategies.find((s) => s.id === selectedId) ?? summary.strategies[0];
  const isProvisional = isRunning || summary.replicationsDone < summary.replicationsPlanned;
  const prefix = strategy ? `${slug(summary.scenarioName)}-${slug(strategy.id)}` : '';
  return (
    <PngExportContext.Provider value={onExportPng}>
      <div className="st-results" data-testid="results-dashboard" aria-busy={isRunning}>
        <RunStatus summary={summary} isRunning={isRunning} />
        {!strategy ? (
          <p className="st-empty" data-testid="results-empty">
            {t('dashboard.empty')}
          </p>
        ) : (
          <>
            <StrategyTabs
              strategies={summary.strategies}
              selectedId={strategy.id}
              onSelect={setSelectedId}
              panelId={panelId}
            />
            <div
              role="tabpanel"
              id={panelId}
              aria-labelledby={tabId(panelId, strategy.id)}
              className="st-panel"
              data-testid="strategy-panel"
            >
              <p className="st-muted">
                {t('dashboard.strategyMeta', {
                  offer: t(`offer.${strategy.offerProduct}`, { defaultValue: strategy.offerProduct }),
                  holdout: `${Math.round(strategy.holdoutShare * 100)}%`,
                  level: t(`dashboard.assignment.${strategy.assignmentLevel}`),
                })}
              </p>
              {strategy.funnelTreatment.targeted > 0 ? null : (
                <p role="note" className="st-banner" data-testid="no-targeted-note">
                  {t('dashboard.noTargeted')}
                </p>
              )}
              <KpiGrid
                strategy={strategy}
                hasSpread={summary.replicationsDone >= 2}
                isProvisional={isProvisional}
              />
              <div className="st-grid st-grid--2">
                <NaiveVsCausal naive={strategy.naive} exportName={`${prefix}-naive-vs-causal`} />
                <FunnelCard strategy={strategy} exportName={`${prefix}-funnel`} />
              </div>
              <DistributionSection strategy={strategy} exportPrefix={prefix} />
              <FlowSection
                flows={strategy.flows}
                channels={summary.channels}
                exportName={`${prefix}-flows`}
              />
              <SegmentSection strategy={strategy} exportPrefix={prefix} />
              <BranchWeekSection strategy={strategy} exportPrefix={prefix} />
              <CostBreakdown strategy={strategy} />
              <ChannelTable strategy={strategy} runChannels={summary.channels} />
            </div>
          </>
        )}
      </div>
    </PngExportContext.Provider>
  );
}
