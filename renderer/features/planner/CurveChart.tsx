import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../components/charts/EChart';
import { baseOption, palette } from '../../components/charts/palette';

type Option = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

export type CurveSeries = {
  name: string;
  points: ReadonlyArray<{ x: number; y: number | null }>;
  color?: string;
  isDashed?: boolean;
};

export type CurveChartProps = {
  series: CurveSeries[];
  xName: string;
  yName: string;
  formatY: (y: number) => string;
  /** Axis ticks, when shorter than formatY (the unit is in the axis name): e.g. "2.5" for "2.50 pp". */
  formatTick?: (y: number) => string;
  ariaLabel: string;
  testId?: string;
  /** A horizontal reference line (e.g. the target power). */
  markY?: { value: number; label: string };
};

/** Lines over a numeric x axis (branches per arm, weeks): simulated beside analytic. */
export function CurveChart({
  series,
  xName,
  yName,
  formatY,
  formatTick,
  ariaLabel,
  testId,
  markY,
}: CurveChartProps) {
  const option = useMemo<Option>(
    () => ({
      ...baseOption,
      // Legend on the right, the y-axis name on the left above the plot: they never overlap.
      legend: { top: 0, right: 0, data: series.map((s) => s.name) },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatY(v) : '—') },
      grid: { left: 64, right: 24, top: 44, bottom: 44 },
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, minInterval: 1, scale: true },
      yAxis: {
        type: 'value',
        name: yName,
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (v: number) => (formatTick ?? formatY)(v) },
      },
      series: series.map(
        (s, i): LineSeriesOption => ({
          type: 'line',
          name: s.name,
          symbolSize: 6,
          itemStyle: { color: s.color ?? palette.series[i % palette.series.length] },
          lineStyle: { type: s.isDashed ? 'dashed' : 'solid', width: 2 },
          data: s.points.map((p) => [p.x, p.y === null || !Number.isFinite(p.y) ? '-' : p.y]),
          ...(i === 0 && markY
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: palette.reference, type: 'dotted' },
                  label: { formatter: markY.label, position: 'insideEndTop' },
                  data: [{ yAxis: markY.value }],
                },
              }
            : {}),
        }),
      ),
    }),
    [series, xName, yName, formatY, formatTick, markY],
  );
  return <EChart option={option} ariaLabel={ariaLabel} testId={testId} heightPx={260} />;
}
