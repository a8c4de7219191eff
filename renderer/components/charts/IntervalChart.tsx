import type { CustomSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';
import { tooltipLines } from './tooltip-html';

type Option = ComposeOption<
  | CustomSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

export type IntervalRow = { label: string; mean: number; p05: number; p95: number; note?: string };

export type IntervalChartProps = {
  rows: IntervalRow[];
  format: (v: number) => string;
  /** Vertical reference line, usually 0 (no effect). */
  reference?: number;
  ariaLabel: string;
  testId?: string;
};

const ROW_PX = 24;

/** Forest plot: one row per group, the mean as a dot and the 90% interval as a whisker. */
export function IntervalChart({ rows, format, reference = 0, ariaLabel, testId }: IntervalChartProps) {
  const option = useMemo<Option>(() => {
    const labels = rows.map((r) => r.label);
    const colorOf = (r: IntervalRow) =>
      r.p05 > reference ? palette.uplift : r.p95 < reference ? palette.negative : palette.intervalLine;
    return {
      ...baseOption,
      grid: {
        left: 8,
        right: 24,
        top: 12,
        bottom: 28,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        confine: true,
        trigger: 'item',
        formatter: (p: unknown) => {
          const r = rows[(p as { dataIndex: number }).dataIndex];
          return tooltipLines(r.label, `${format(r.mean)} (${format(r.p05)} – ${format(r.p95)})`, r.note);
        },
      },
      xAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
      },
      yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false } },
      series: [
        {
          type: 'custom',
          data: rows.map((r, i) => [r.p05, r.p95, i]),
          encode: { x: [0, 1], y: 2 },
          renderItem: (params, api) => {
            if (!Number.isFinite(api.value(0)) || !Number.isFinite(api.value(1))) return null;
            const [x0, y] = api.coord([api.value(0), api.value(2)]);
            const [x1] = api.coord([api.value(1), api.value(2)]);
            const stroke = colorOf(rows[params.dataIndex]);
            const line = (shape: { x1: number; y1: number; x2: number; y2: number }) => ({
              type: 'line' as const,
              shape,
              style: { stroke, lineWidth: 2 },
            });
            return {
              type: 'group',
              children: [
                line({ x1: x0, y1: y, x2: x1, y2: y }),
                line({ x1: x0, y1: y - 5, x2: x0, y2: y + 5 }),
                line({ x1: x1, y1: y - 5, x2: x1, y2: y + 5 }),
              ],
            };
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: palette.reference, type: 'dashed' },
            data: [{ xAxis: reference }],
          },
        },
        {
          type: 'scatter',
          symbolSize: 9,
          data: rows.map((r, i) => ({ value: [r.mean, i], itemStyle: { color: colorOf(r) } })),
        },
      ],
    };
  }, [rows, format, reference]);
  const heightPx = Math.max(120, rows.length * ROW_PX + 48);
  return <EChart option={option} ariaLabel={ariaLabel} testId={testId} heightPx={heightPx} />;
}
