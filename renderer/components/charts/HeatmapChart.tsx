import type { HeatmapSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';
import { tooltipLines } from './tooltip-html';

type Option = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export type HeatmapChartProps = {
  xLabels: string[];
  yLabels: string[];
  /** values[y][x]; NaN leaves the cell empty (no customers there). */
  values: number[][];
  format: (v: number) => string;
  /** 'diverging' centres the colour scale on 0 (uplift); 'sequential' runs from 0 up (counts). */
  scale: 'diverging' | 'sequential';
  /** Extra tooltip line per cell, e.g. the number of customers behind it. */
  note?: (x: number, y: number) => string;
  xName?: string;
  yName?: string;
  ariaLabel: string;
  testId?: string;
};

export function HeatmapChart(props: HeatmapChartProps) {
  const { xLabels, yLabels, values, format, scale, note, xName, yName } = props;
  const option = useMemo<Option>(() => {
    const finite = values.flat().filter(Number.isFinite);
    const maxAbs = finite.reduce((a, v) => Math.max(a, Math.abs(v)), 0) || 1;
    const [min, max] = scale === 'diverging' ? [-maxAbs, maxAbs] : [0, Math.max(...finite, 1)];
    const data = values.flatMap((row, y) => row.map((v, x) => [x, y, Number.isFinite(v) ? v : '-']));
    return {
      ...baseOption,
      grid: {
        left: 8,
        right: 110,
        top: 28,
        bottom: 40,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        confine: true,
        formatter: (p: unknown) => {
          const [x, y, v] = (p as { value: [number, number, number | string] }).value;
          const text = typeof v === 'number' ? format(v) : '—';
          return tooltipLines(`${yLabels[y]} · ${xLabels[x]}`, text, note?.(x, y));
        },
      },
      xAxis: {
        type: 'category',
        data: xLabels,
        name: xName,
        nameLocation: 'middle',
        nameGap: 28,
        splitArea: { show: true },
      },
      yAxis: { type: 'category', data: yLabels, name: yName, splitArea: { show: true } },
      visualMap: {
        type: 'continuous',
        min,
        max,
        calculable: false,
        orient: 'vertical',
        right: 8,
        top: 'middle',
        itemHeight: 140,
        text: [format(max), format(min)],
        textStyle: { color: palette.muted, fontSize: 11 },
        inRange: { color: scale === 'diverging' ? [...palette.heatDiverging] : [...palette.heatSequential] },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: true,
            fontSize: 10,
            formatter: (p) => formatCell((p.value as unknown[])[2], format),
          },
          emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
        },
      ],
    };
  }, [xLabels, yLabels, values, format, scale, note, xName, yName]);
  const heightPx = Math.max(220, yLabels.length * 32 + 80);
  return <EChart option={option} ariaLabel={props.ariaLabel} testId={props.testId} heightPx={heightPx} />;
}

function formatCell(v: unknown, format: (v: number) => string): string {
  return typeof v === 'number' ? format(v) : '';
}
