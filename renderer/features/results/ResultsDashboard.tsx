import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RunSummary, textIn } from '../../../sim/index';
import { ChartLiveContext } from '../../components/charts/chart-context';
import { isPacedEnvironment } from '../../components/charts/chart-scheduler';
import type { PngSink } from '../../components/charts/export-png';
import { PngExportContext, slug } from './export-context';
import { RunStatus } from './RunStatus';
import { PANEL_SECTIONS, StrategyPanel } from './StrategyPanel';
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

function DashboardBody({ summary, isRunning }: { summary: RunSummary; isRunning: boolean }) {
  const { t, i18n } = useTranslation('results');
  const panelId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The tab shows the choice at once; the panel follows when it has rendered.
  const shownId = useDeferredValue(selectedId);
  const selected = summary.strategies.find((s) => s.id === selectedId) ?? summary.strategies[0];
  const strategy = summary.strategies.find((s) => s.id === shownId) ?? summary.strategies[0];
  const isProvisional = isRunning || summary.replicationsDone < summary.replicationsPlanned;
  const scenarioSlug = useMemo(
    () => slug(textIn(summary.scenarioName, i18n.language)),
    [summary.scenarioName, i18n.language],
  );
  const prefix = strategy ? `${scenarioSlug}-${slug(strategy.id)}` : '';
  const revealed = useProgressiveReveal(PANEL_SECTIONS);
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
            <StrategyPanel
              summary={summary}
              strategy={strategy}
              isProvisional={isProvisional}
              revealed={revealed}
              exportPrefix={prefix}
            />
          </div>
        </>
      )}
    </>
  );
}
