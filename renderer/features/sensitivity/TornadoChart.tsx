import type { CustomSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TornadoTable } from '../../../sim/index';
import { EChart } from '../../components/charts/EChart';
import { baseOption, palette } from '../../components/charts/palette';
import { tooltipLines } from '../../components/charts/tooltip-html';

type Option = ComposeOption<CustomSeriesOption | GridComponentOption | TooltipComponentOption>;

const ROW_PX = 40;
const LOW_COLOUR = '#93c5fd';
const HIGH_COLOUR = palette.intervalLine;

/**
 * The tornado: per assumption a bar from the base to the output at its low (light) and to the
 * output at its high (dark), largest swing on top; the whisker at the high end is ±2 SE of the swing.
 */
export function TornadoChart({
  table,
  labelOf,
  format,
  ariaLabel,
}: {
  table: TornadoTable;
  labelOf: (param: string) => string;
  format: (v: number) => string;
  ariaLabel: string;
}) {
  const { t } = useTranslation('sensitivity');
  const option = useMemo<Option>(() => {
    const rows = table.rows;
    const base = table.base?.value ?? Number.NaN;
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
          return tooltipLines(
            labelOf(r.parameter),
            `${t('tornado.lowSide')} ${format(r.low)}: ${format(r.outputLow)}`,
            `${t('tornado.highSide')} ${format(r.high)}: ${format(r.outputHigh)} · ${t('tornado.swing')} ${format(r.swing)} ± ${format(r.se)}`,
          );
        },
      },
      xAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
      },
      yAxis: {
        type: 'category',
        data: rows.map((r) => labelOf(r.parameter)),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: 260, overflow: 'break', lineHeight: 14 },
      },
      series: [
        {
          type: 'custom',
          data: rows.map((r, i) => [r.outputLow, r.outputHigh, i, base, r.se]),
          encode: { x: [0, 1, 3], y: 2 },
          renderItem: (_params, api) => {
            const [lo, hi, i, b, se] = [0, 1, 2, 3, 4].map((k) => Number(api.value(k)));
            if (![lo, hi, b].every(Number.isFinite)) return null;
            const height = ((api.size ? (api.size([0, 1]) as number[]) : [0, ROW_PX])[1] ?? ROW_PX) * 0.6;
            const [xb, y] = api.coord([b, i]);
            const bar = (v: number, fill: string) => {
              const [x] = api.coord([v, i]);
              return {
                type: 'rect' as const,
                shape: {
                  x: Math.min(x, xb),
                  y: y - height / 2,
                  width: Math.max(1, Math.abs(x - xb)),
                  height,
                },
                style: { fill },
              };
            };
            const sign = hi >= lo ? 1 : -1;
            const [w0] = api.coord([hi - sign * 2 * se, i]);
            const [w1] = api.coord([hi + sign * 2 * se, i]);
            const stroke = palette.text;
            return {
              type: 'group',
              children: [
                bar(lo, LOW_COLOUR),
                bar(hi, HIGH_COLOUR),
                {
                  type: 'line',
                  shape: { x1: xb, y1: y - height / 2 - 3, x2: xb, y2: y + height / 2 + 3 },
                  style: { stroke: palette.reference, lineWidth: 1 },
                },
                { type: 'line', shape: { x1: w0, y1: y, x2: w1, y2: y }, style: { stroke, lineWidth: 1 } },
                {
                  type: 'line',
                  shape: { x1: w1, y1: y - 4, x2: w1, y2: y + 4 },
                  style: { stroke, lineWidth: 1 },
                },
                {
                  type: 'line',
                  shape: { x1: w0, y1: y - 4, x2: w0, y2: y + 4 },
                  style: { stroke, lineWidth: 1 },
                },
              ],
            };
          },
        },
      ],
    };
  }, [table, labelOf, format, t]);
  return (
    <EChart
      option={option}
      ariaLabel={ariaLabel}
      heightPx={Math.max(120, 48 + ROW_PX * table.rows.length)}
      testId="tornado-chart"
    />
  );
}
