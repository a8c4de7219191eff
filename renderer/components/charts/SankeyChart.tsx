import type { SankeySeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';
import { type FlowKind, type FlowLink, toSankeyGraph } from './sankey-data';
import { tooltipLines } from './tooltip-html';

type Option = ComposeOption<SankeySeriesOption | TooltipComponentOption>;

export type SankeyChartProps = {
  flows: readonly FlowLink[];
  /** Display name of a node id (channel or outcome); `isRepeat` marks a returned visit. */
  nodeLabel: (id: string, isRepeat: boolean) => string;
  kindLabel: (kind: FlowKind) => string;
  formatCount: (n: number) => string;
  ariaLabel: string;
  testId?: string;
};

const LEGEND_KINDS: FlowKind[] = ['referral', 'return', 'converted', 'dropped'];

/** Customer flows between channels and outcomes; referral and return paths in their own colours. */
export function SankeyChart({
  flows,
  nodeLabel,
  kindLabel,
  formatCount,
  ariaLabel,
  testId,
}: SankeyChartProps) {
  const option = useMemo<Option>(() => {
    const graph = toSankeyGraph(flows);
    const names = new Map(graph.nodes.map((n) => [n.id, nodeLabel(n.baseId, n.isRepeat)]));
    return {
      ...baseOption,
      tooltip: {
        confine: true,
        trigger: 'item',
        formatter: (p: unknown) => {
          const { dataType, data } = p as {
            dataType: string;
            data: { source?: string; target?: string; kind?: FlowKind; value: number; name?: string };
          };
          if (dataType === 'edge') {
            return tooltipLines(
              `${names.get(data.source!)} → ${names.get(data.target!)}`,
              `${kindLabel(data.kind!)}: ${formatCount(data.value)}`,
            );
          }
          return tooltipLines(names.get(data.name ?? ''));
        },
      },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 120,
          top: 8,
          bottom: 8,
          nodeGap: 12,
          emphasis: { focus: 'adjacency' },
          label: { formatter: (p) => names.get(p.name) ?? p.name },
          lineStyle: { curveness: 0.5, opacity: 0.55 },
          data: graph.nodes.map((n) => ({
            name: n.id,
            itemStyle: { color: n.isRepeat ? palette.flow.return : palette.treatment },
          })),
          links: graph.links.map((l) => ({ ...l, lineStyle: { color: palette.flow[l.kind] } })),
        },
      ],
    };
  }, [flows, nodeLabel, kindLabel, formatCount]);
  return (
    <div>
      <EChart option={option} ariaLabel={ariaLabel} testId={testId} heightPx={340} />
      <ul className="st-chart-legend">
        {LEGEND_KINDS.map((k) => (
          <li key={k}>
            <span className="st-chart-swatch" style={{ background: palette.flow[k] }} aria-hidden="true" />
            {kindLabel(k)}
          </li>
        ))}
      </ul>
    </div>
  );
}
