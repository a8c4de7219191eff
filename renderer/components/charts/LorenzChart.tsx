import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from './EChart';
import { baseOption, palette } from './palette';

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export type LorenzChartProps = {
  points: Array<{ customerShare: number; aumShare: number }>;
  /** Top customer share to call out (0.02) and the AUM share it holds. */
  topShare: number;
  names: { curve: string; equality: string; customers: string; aum: string; callout: string };
  formatShare: (share: number) => string;
  ariaLabel: string;
  testId?: string;
};

/** Cumulative AUM share against cumulative customer share, poorest first. */
export function LorenzChart({ points, topShare, names, formatShare, ariaLabel, testId }: LorenzChartProps) {
  const option = useMemo<Option>(() => {
    const cut = 1 - topShare;
    return {
      ...baseOption,
      grid: { left: 56, right: 24, top: 24, bottom: 44 },
      tooltip: {
        confine: true,
        trigger: 'axis',
        valueFormatter: (v) => formatShare(Number(v)),
        axisPointer: { label: { formatter: (p) => formatShare(Number(p.value)) } },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: names.customers,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => formatShare(v) },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: names.aum,
        axisLabel: { formatter: (v: number) => formatShare(v) },
      },
      series: [
        {
          type: 'line',
          name: names.equality,
          symbol: 'none',
          lineStyle: { color: palette.control, type: 'dashed', width: 1 },
          data: [
            [0, 0],
            [1, 1],
          ],
        },
        {
          type: 'line',
          name: names.curve,
          symbol: 'none',
          lineStyle: { color: palette.treatment, width: 2 },
          areaStyle: { color: palette.interval },
          data: points.map((p) => [p.customerShare, p.aumShare]),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: palette.flow.referral, type: 'solid' },
            label: { formatter: names.callout, position: 'insideEndTop', color: palette.text },
            data: [{ xAxis: cut }],
          },
        },
      ],
    };
  }, [points, topShare, names, formatShare]);
  return <EChart option={option} ariaLabel={ariaLabel} testId={testId} heightPx={280} />;
}
