import type { CustomSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { binSamples } from './histogram-bins';
import { baseOption, palette } from './palette';
import { tooltipLines } from './tooltip-html';

type Option = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkAreaComponentOption
>;

export type HistogramChartProps = {
  samples: ArrayLike<number>;
  /** The 90% interval to shade, and the mean to mark. */
  p05: number;
  p95: number;
  mean: number;
  /** A line the reader compares against: 0 for uplift, 1 for ROI. */
  reference?: number;
  format: (v: number) => string;
  labels: { replications: string; interval: string; mean: string };
  ariaLabel: string;
  testId?: string;
};

/** Distribution of a figure across replications, with its 90% interval shaded. */
export function HistogramChart(props: HistogramChartProps) {
  const { samples, p05, p95, mean, reference, format, labels } = props;
  const option = useMemo<Option>(() => {
    const bins = binSamples(samples);
    const marks = [
      ...(Number.isFinite(mean)
        ? [{ xAxis: mean, name: labels.mean, lineStyle: { color: palette.intervalLine } }]
        : []),
      ...(reference === undefined
        ? []
        : [{ xAxis: reference, name: '', lineStyle: { color: palette.reference } }]),
    ];
    const hasInterval = Number.isFinite(p05) && Number.isFinite(p95);
    return {
      ...baseOption,
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: {
        confine: true,
        trigger: 'item',
        formatter: (p: unknown) => {
          const [x0, x1, count] = (p as { value: number[] }).value;
          return tooltipLines(`${format(x0)} – ${format(x1)}`, `${labels.replications}: ${count}`);
        },
      },
      xAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
      },
      yAxis: { type: 'value', name: labels.replications, nameTextStyle: { align: 'left' }, minInterval: 1 },
      series: [
        {
          type: 'custom',
          data: bins.map((b) => [b.x0, b.x1, b.count]),
          encode: { x: [0, 1], y: 2 },
          renderItem: (_params, api) => {
            const [x0, top] = api.coord([api.value(0), api.value(2)]);
            const [x1, bottom] = api.coord([api.value(1), 0]);
            return {
              type: 'rect',
              shape: { x: x0 + 0.5, y: top, width: Math.max(1, x1 - x0 - 1), height: bottom - top },
              style: { fill: palette.treatment, opacity: 0.75 },
            };
          },
          markArea: hasInterval
            ? {
                silent: true,
                itemStyle: { color: palette.interval },
                label: { show: true, position: 'top', color: palette.muted, fontSize: 11 },
                data: [[{ xAxis: p05, name: labels.interval }, { xAxis: p95 }]],
              }
            : undefined,
          markLine: { silent: true, symbol: 'none', label: { show: false }, data: marks },
        },
      ],
    };
  }, [samples, p05, p95, mean, reference, format, labels]);
  return <EChart option={option} ariaLabel={props.ariaLabel} testId={props.testId} heightPx={220} />;
}
