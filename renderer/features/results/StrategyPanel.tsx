import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary, StrategySummary } from '../../../sim/index';
import { NaiveCheckPanel } from '../calibration/NaiveCheckPanel';
import { BranchWeekSection } from './BranchWeekSection';
import { ChannelTable } from './ChannelTable';
import { CostBreakdown } from './CostBreakdown';
import { DistributionSection } from './DistributionSection';
import { DomainOutcomes } from './DomainOutcomes';
import { FlowSection } from './FlowSection';
import { FunnelCard } from './FunnelCard';
import { KpiGrid } from './KpiGrid';
import { NaiveVsCausal } from './NaiveVsCausal';
import { SegmentSection } from './SegmentSection';
import { VerdictCard } from './VerdictCard';

/** Sections of a strategy panel: the KPIs, then seven more. */
export const PANEL_SECTIONS = 8;

/** A section below the KPIs: skipped by style, layout and paint while off screen (see results.css). */
function Section({ isShown, children }: { isShown: boolean; children: ReactNode }) {
  return isShown ? <div className="st-section">{children}</div> : null;
}

export type StrategyPanelProps = {
  summary: RunSummary;
  strategy: StrategySummary;
  isProvisional: boolean;
  /** How many of the PANEL_SECTIONS to mount, in order (the dashboard reveals them one per task). */
  revealed: number;
  /** Start of every PNG export name in this panel. */
  exportPrefix: string;
};

/** Everything the results say about one strategy: KPIs, naive vs causal, funnel, distributions… */
export function StrategyPanel({
  summary,
  strategy,
  isProvisional,
  revealed,
  exportPrefix,
}: StrategyPanelProps) {
  const { t } = useTranslation('results');
  const prefix = exportPrefix;
  return (
    <>
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
      {revealed > 0 && summary.replicationsDone >= 2 ? <VerdictCard verdict={strategy.verdict} /> : null}
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
        <NaiveCheckPanel strategyId={strategy.id} />
      </Section>
      <Section isShown={revealed > 2}>
        <DistributionSection strategy={strategy} exportPrefix={prefix} />
      </Section>
      <Section isShown={revealed > 3}>
        <FlowSection flows={strategy.flows} channels={summary.channels} exportName={`${prefix}-flows`} />
      </Section>
      <Section isShown={revealed > 4}>
        <SegmentSection strategy={strategy} exportPrefix={prefix} />
      </Section>
      <Section isShown={revealed > 5}>
        <BranchWeekSection strategy={strategy} exportPrefix={prefix} />
      </Section>
      <Section isShown={revealed > 6}>
        <div className="st-grid">
          <CostBreakdown strategy={strategy} />
          <DomainOutcomes strategy={strategy} />
        </div>
      </Section>
      <Section isShown={revealed > 7}>
        <ChannelTable strategy={strategy} runChannels={summary.channels} />
      </Section>
    </>
  );
}
