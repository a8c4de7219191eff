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

export type FunnelArm = { name: string; counts: number[] };

export type FunnelBarChartProps = {
  stages: string[];
  treatment: FunnelArm;
  control: FunnelArm;
  formatShare: (share: number) => string;
  /** The label over a bar (short); default formatShare. */
  formatLabel?: (share: number) => string;
  formatCount: (n: number) => string;
  ariaLabel: string;
  testId?: string;
};

/** Share of each arm's eligible customers reaching each stage; arms differ in size, shares compare. */
export function FunnelBarChart(props: FunnelBarChartProps) {
  const { stages, treatment, control, formatShare, formatLabel, formatCount } = props;
  const option = useMemo<Option>(() => {
    const series = [treatment, control].map((arm, i): BarSeriesOption => {
      const base = arm.counts[0];
      return {
        type: 'bar',
        name: arm.name,
        itemStyle: { color: i === 0 ? palette.treatment : palette.control },
        // Whole percent from 10% up ("100%", not "100.0%"), so two side-by-side labels fit over
        // their bars; the tooltip and the table under the chart have the exact shares.
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p) => (formatLabel ?? formatShare)(Number(p.value)),
        },
        data: arm.counts.map((c) => ({ value: base > 0 ? c / base : 0, count: c })),
      };
    });
    return {
      ...baseOption,
      grid: { left: 48, right: 16, top: 40, bottom: 44 },
      legend: { top: 0 },
      tooltip: {
        confine: true,
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesName, name, data } = p as {
            seriesName: string;
            name: string;
            data: { count: number; value: number };
          };
          return tooltipLines(
            `${seriesName} · ${name}`,
            `${formatCount(data.count)} (${formatShare(data.value)})`,
          );
        },
      },
      // Every stage named: long names wrap instead of being dropped for overlap.
      xAxis: {
        type: 'category',
        data: stages,
        axisLabel: { interval: 0, width: 76, overflow: 'break', lineHeight: 13 },
      },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => formatShare(v) } },
      series,
    };
  }, [stages, treatment, control, formatShare, formatLabel, formatCount]);
  return <EChart option={option} ariaLabel={props.ariaLabel} testId={props.testId} heightPx={260} />;
}
