import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChannelUse, FLOW_TERMINALS, type FlowEdge } from '../../../sim/index';
import { SankeyChart } from '../../components/charts/SankeyChart';
import type { FlowKind } from '../../components/charts/sankey-data';
import { useLocalText } from '../../i18n/local-text';
import { ChartCard } from './ChartCard';
import { useFormat } from './useFormat';

export type FlowSectionProps = { flows: FlowEdge[]; channels: ChannelUse[]; exportName: string };

/** Sankey of the journey: where customers went, with referral (转介) and return (回流) paths. */
export function FlowSection({ flows, channels, exportName }: FlowSectionProps) {
  const { t } = useTranslation('results');
  const text = useLocalText();
  const f = useFormat();
  const nodeLabel = useCallback(
    (id: string, isRepeat: boolean) => {
      const isTerminal = (FLOW_TERMINALS as readonly string[]).includes(id);
      const name = isTerminal ? t(`flow.node.${id}`) : text(channels.find((c) => c.id === id)?.label) || id;
      return isRepeat ? t('flow.repeat', { name }) : name;
    },
    [channels, t, text],
  );
  const kindLabel = useCallback((kind: FlowKind) => t(`flow.kind.${kind}`), [t]);
  const hasFlows = flows.some((e) => e.count > 0);
  return (
    <ChartCard title={t('flow.title')} hint={t('flow.hint')} exportName={exportName} glossary="flows">
      {hasFlows ? (
        <SankeyChart
          flows={flows}
          nodeLabel={nodeLabel}
          kindLabel={kindLabel}
          formatCount={f.count}
          ariaLabel={t('flow.title')}
          testId="flow-sankey"
        />
      ) : (
        <p className="st-empty">{t('common.noData')}</p>
      )}
    </ChartCard>
  );
}
