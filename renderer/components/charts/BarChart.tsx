import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';
import { tooltipLines } from './tooltip-html';

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type BarSeries = { name: string; values: number[]; color?: string };

export type BarChartProps = {
  categories: string[];
  series: BarSeries[];
  format: (v: number) => string;
  /** Bars grow to the right with categories down the side; good for long labels. */
  isHorizontal?: boolean;
  isStacked?: boolean;
  /** Extra tooltip line per category. */
  note?: (index: number) => string;
  heightPx?: number;
  ariaLabel: string;
  testId?: string;
};

export function BarChart(props: BarChartProps) {
  const { categories, series, format, isHorizontal = false, isStacked = false, note } = props;
  const option = useMemo<Option>(() => {
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      inverse: isHorizontal,
      axisTick: { show: false },
    };
    const valueAxis = {
      type: 'value' as const,
      axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
    };
    return {
      ...baseOption,
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: {
        left: 8,
        right: 24,
        top: series.length > 1 ? 32 : 12,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        confine: true,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => format(Number(v)),
        formatter: note
          ? (params: unknown) => {
              const list = params as Array<{
                dataIndex: number;
                seriesName: string;
                value: number;
              }>;
              const lines = list.map((p) => `${p.seriesName}: ${format(p.value)}`);
              return tooltipLines(categories[list[0].dataIndex], ...lines, note(list[0].dataIndex));
            }
          : undefined,
      },
      xAxis: isHorizontal ? valueAxis : categoryAxis,
      yAxis: isHorizontal ? categoryAxis : valueAxis,
      series: series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        stack: isStacked ? 'total' : undefined,
        itemStyle: { color: s.color ?? palette.series[i % palette.series.length] },
        data: s.values.map((v) => (Number.isFinite(v) ? v : 0)),
      })),
    };
  }, [categories, series, format, isHorizontal, isStacked, note]);
  const heightPx = props.heightPx ?? (isHorizontal ? Math.max(140, categories.length * 22 + 56) : 260);
  return <EChart option={option} ariaLabel={props.ariaLabel} testId={props.testId} heightPx={heightPx} />;
}
