import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../sim/results';
import { ChartLiveContext } from '../../components/charts/chart-context';
import { isPacedEnvironment } from '../../components/charts/chart-scheduler';
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
import { useProgressiveReveal } from './useProgressiveReveal';
import './results.css';

export type ResultsDashboardProps = {
  summary: RunSummary;
  /** While true, figures are provisional: replications done < planned. */
  isRunning: boolean;
  /** Receives chart PNGs (file name with .png, bytes); without it the browser downloads them. */
  onExportPng?: PngSink;
};

/**
 * Results of one run, one strategy at a time.
 *
 * Kept cheap on the UI thread while a run streams partial summaries into it: the body renders as
 * a transition (also the first time), its sections (KPIs first) mount one per task and are skipped
 * by layout while off screen, charts are drawn one per task and only once on screen (see EChart)
 * and do not animate while running, and a tab switch re-renders the panel as a transition.
 */
export function ResultsDashboard({ summary, isRunning, onExportPng }: ResultsDashboardProps) {
  // A new summary (the first one too) renders in the background, in slices.
  const shown = useDeferredValue<RunSummary | null>(summary, isPacedEnvironment() ? null : summary);
  return (
    <PngExportContext.Provider value={onExportPng}>
      <ChartLiveContext.Provider value={isRunning}>
        <div className="st-results" data-testid="results-dashboard" aria-busy={isRunning || !shown}>
          {shown ? <DashboardBody summary={shown} isRunning={isRunning} /> : null}
        </div>
      </ChartLiveContext.Provider>
    </PngExportContext.Provider>
  );
}

/** Sections of the strategy panel: the KPIs, then seven more. */
const SECTIONS = 8;

/** A section below the KPIs: skipped by style, layout and paint while off screen (see results.css). */
function Section({ isShown, children }: { isShown: boolean; children: ReactNode }) {
  return isShown ? <div className="st-section">{children}</div> : null;
}

function DashboardBody({ summary, isRunning }: { summary: RunSummary; isRunning: boolean }) {
  const { t } = useTranslation('results');
  const panelId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The tab shows the choice at once; the panel follows when it has rendered.
  const shownId = useDeferredValue(selectedId);
  const selected = summary.strategies.find((s) => s.id === selectedId) ?? summary.strategies[0];
  const strategy = summary.strategies.find((s) => s.id === shownId) ?? summary.strategies[0];
  const isProvisional = isRunning || summary.replicationsDone < summary.replicationsPlanned;
  const scenarioSlug = useMemo(() => slug(summary.scenarioName), [summary.scenarioName]);
  const prefix = strategy ? `${scenarioSlug}-${slug(strategy.id)}` : '';
  const revealed = useProgressiveReveal(SECTIONS);
  return (
    <>
      <RunStatus summary={summary} isRunning={isRunning} />
      {!strategy || !selected ? (
        <p className="st-empty" data-testid="results-empty">
          {t('dashboard.empty')}
        </p>
      ) : (
        <>
          <StrategyTabs
            strategies={summary.strategies}
            selectedId={selected.id}
            onSelect={setSelectedId}
            panelId={panelId}
          />
          <div
            role="tabpanel"
            id={panelId}
            aria-labelledby={tabId(panelId, selected.id)}
            aria-busy={strategy !== selected || undefined}
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
            {/* Mounted one per task, in this order (see SECTIONS). */}
            {revealed > 0 ? (
              <KpiGrid
                strategy={strategy}
                hasSpread={summary.replicationsDone >= 2}
                isProvisional={isProvisional}
              />
            ) : null}
            <Section isShown={revealed > 1}>
              <div className="st-grid st-grid--2">
                <NaiveVsCausal naive={strategy.naive} exportName={`${prefix}-naive-vs-causal`} />
                <FunnelCard strategy={strategy} exportName={`${prefix}-funnel`} />
              </div>
            </Section>
            <Section isShown={revealed > 2}>
              <DistributionSection strategy={strategy} exportPrefix={prefix} />
            </Section>
            <Section isShown={revealed > 3}>
              <FlowSection
                flows={strategy.flows}
                channels={summary.channels}
                exportName={`${prefix}-flows`}
              />
            </Section>
            <Section isShown={revealed > 4}>
              <SegmentSection strategy={strategy} exportPrefix={prefix} />
            </Section>
            <Section isShown={revealed > 5}>
              <BranchWeekSection strategy={strategy} exportPrefix={prefix} />
            </Section>
            <Section isShown={revealed > 6}>
              <CostBreakdown strategy={strategy} />
            </Section>
            <Section isShown={revealed > 7}>
              <ChannelTable strategy={strategy} runChannels={summary.channels} />
            </Section>
          </div>
        </>
      )}
    </>
  );
}
