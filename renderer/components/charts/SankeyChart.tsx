import type { SankeySeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';
import { type FlowKind, type FlowLink, sankeyColumns, toSankeyGraph } from './sankey-data';
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

/** The series' margins and node width (px); the last column's labels live in the right margin. */
const LEFT = 8;
const RIGHT = 120;
const NODE_WIDTH = 20;
const LABEL_GAP = 10;

/** The width of an element, kept up to date (0 until measured, and where nothing measures: jsdom). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setWidth(Math.round(el.clientWidth));
    const observer = new ResizeObserver(() => setWidth(Math.round(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Customer flows between channels and outcomes; referral and return paths in their own colours. */
export function SankeyChart({
  flows,
  nodeLabel,
  kindLabel,
  formatCount,
  ariaLabel,
  testId,
}: SankeyChartProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef);
  const option = useMemo<Option>(() => {
    const graph = toSankeyGraph(flows);
    const names = new Map(graph.nodes.map((n) => [n.id, nodeLabel(n.baseId, n.isRepeat)]));
    // A label may use the gap to the next column (the last column: the right margin); longer ones
    // are cut with an ellipsis, the full name is in the tooltip. Unmeasured: no limit.
    const { column, columns } = sankeyColumns(graph);
    const spacing = columns > 1 ? (width - LEFT - RIGHT - NODE_WIDTH) / (columns - 1) : 0;
    const labelWidth = (id: string) =>
      column.get(id) === columns - 1 ? RIGHT - LABEL_GAP : Math.max(40, spacing - NODE_WIDTH - LABEL_GAP);
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
          left: LEFT,
          right: RIGHT,
          nodeWidth: NODE_WIDTH,
          top: 8,
          bottom: 8,
          nodeGap: 12,
          emphasis: { focus: 'adjacency' },
          label: { formatter: (p) => names.get(p.name) ?? p.name },
          lineStyle: { curveness: 0.5, opacity: 0.55 },
          data: graph.nodes.map((n) => ({
            name: n.id,
            itemStyle: { color: n.isRepeat ? palette.flow.return : palette.treatment },
            ...(width > 0 ? { label: { width: labelWidth(n.id), overflow: 'truncate' as const } } : {}),
          })),
          links: graph.links.map((l) => ({ ...l, lineStyle: { color: palette.flow[l.kind] } })),
        },
      ],
    };
  }, [flows, nodeLabel, kindLabel, formatCount, width]);
  return (
    <div ref={wrapRef}>
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
