import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type WeeklyPoint = {
  label: string;
  treatment: number;
  control: number;
  uplift: number;
  upliftP05: number;
  upliftP95: number;
};

export type WeeklyChartProps = {
  points: WeeklyPoint[];
  names: { treatment: string; control: string; uplift: string; band: string };
  formatRate: (rate: number) => string;
  formatPp: (pp: number) => string;
  ariaLabel: string;
  testId?: string;
};

const finiteOr = (v: number) => (Number.isFinite(v) ? v : '-');

/** Top: cumulative conversion by arm. Bottom: the uplift (pp) with its 90% band. */
export function WeeklyChart({ points, names, formatRate, formatPp, ariaLabel, testId }: WeeklyChartProps) {
  const option = useMemo<Option>(() => {
    const weeks = points.map((p) => p.label);
    const band = (values: number[], stackName: string, visible: boolean): LineSeriesOption => ({
      type: 'line',
      name: visible ? names.band : undefined,
      xAxisIndex: 1,
      yAxisIndex: 1,
      stack: stackName,
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: visible ? { color: palette.interval, opacity: 1 } : { opacity: 0 },
      tooltip: { show: false },
      data: values.map(finiteOr),
    });
    return {
      ...baseOption,
      legend: { top: 0, data: [names.treatment, names.control, names.uplift] },
      tooltip: { trigger: 'axis', confine: true },
      grid: [
        { left: 56, right: 16, top: 32, height: '40%' },
        { left: 56, right: 16, top: '60%', bottom: 28 },
      ],
      xAxis: [
        { type: 'category', data: weeks, gridIndex: 0, axisLabel: { show: false } },
        { type: 'category', data: weeks, gridIndex: 1 },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, axisLabel: { formatter: (v: number) => formatRate(v) } },
        { type: 'value', gridIndex: 1, scale: true, axisLabel: { formatter: (v: number) => formatPp(v) } },
      ],
      series: [
        line(
          names.treatment,
          points.map((p) => p.treatment),
          palette.treatment,
          0,
          formatRate,
        ),
        line(
          names.control,
          points.map((p) => p.control),
          palette.control,
          0,
          formatRate,
        ),
        band(
          points.map((p) => p.upliftP05),
          'band',
          false,
        ),
        band(
          points.map((p) => p.upliftP95 - p.upliftP05),
          'band',
          true,
        ),
        line(
          names.uplift,
          points.map((p) => p.uplift),
          palette.uplift,
          1,
          formatPp,
        ),
      ],
    };
  }, [points, names, formatRate, formatPp]);
  return <EChart option={option} ariaLabel={ariaLabel} testId={testId} heightPx={340} />;
}

function line(
  name: string,
  values: number[],
  color: string,
  axis: number,
  format: (v: number) => string,
): LineSeriesOption {
  return {
    type: 'line',
    name,
    xAxisIndex: axis,
    yAxisIndex: axis,
    symbolSize: 5,
    itemStyle: { color },
    lineStyle: { color, width: 2 },
    tooltip: { valueFormatter: (v) => format(Number(v)) },
    data: values.map(finiteOr),
  };
}
