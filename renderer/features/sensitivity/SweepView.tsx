import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SweepAxis, SweepCell } from '../../../sim/index';
import { EChart } from '../../components/charts/EChart';
import { HeatmapChart } from '../../components/charts/HeatmapChart';
import { baseOption, palette } from '../../components/charts/palette';
import { ChartCard } from '../results/ChartCard';

type Option = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

/** z of a two-sided 90% normal interval: the band around each point's estimate. */
const Z90 = 1.6449;

function SweepLine({
  cells,
  xName,
  format,
  ariaLabel,
}: {
  cells: SweepCell[];
  xName: string;
  format: (v: number) => string;
  ariaLabel: string;
}) {
  const option = useMemo<Option>(() => {
    const x = cells.map((c) => String(c.values[0]));
    const band = (values: number[], isVisible: boolean): LineSeriesOption => ({
      type: 'line',
      stack: 'band',
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: isVisible ? { color: palette.interval, opacity: 1 } : { opacity: 0 },
      tooltip: { show: false },
      data: values,
    });
    return {
      ...baseOption,
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => format(Number(v)) },
      grid: {
        left: 8,
        right: 24,
        top: 16,
        bottom: 40,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: { type: 'category', data: x, name: xName, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => format(v) } },
      series: [
        band(
          cells.map((c) => c.estimate - Z90 * c.se),
          false,
        ),
        band(
          cells.map((c) => 2 * Z90 * c.se),
          true,
        ),
        { type: 'line', data: cells.map((c) => c.estimate), color: palette.treatment, symbolSize: 6 },
      ],
    };
  }, [cells, xName, format]);
  return <EChart option={option} ariaLabel={ariaLabel} testId="sweep-line" />;
}

/** A one-way sweep as a line with its 90% Monte Carlo band, a two-way sweep as a heatmap; then the table. */
export function SweepView({
  axes,
  cells,
  labelOf,
  format,
  outputName,
}: {
  axes: SweepAxis[];
  cells: SweepCell[];
  labelOf: (param: string) => string;
  format: (v: number) => string;
  outputName: string;
}) {
  const { t } = useTranslation('sensitivity');
  const [x, y] = axes;
  const isTwoWay = y !== undefined;
  const grid = useMemo(() => {
    if (!y) return [];
    return y.values.map((vy) =>
      x.values.map(
        (vx) => cells.find((c) => c.values[0] === vx && c.values[1] === vy)?.estimate ?? Number.NaN,
      ),
    );
  }, [x, y, cells]);
  const label = t(isTwoWay ? 'sweep.heatmapLabel' : 'sweep.lineLabel', {
    output: outputName,
    x: labelOf(x.param),
    y: y ? labelOf(y.param) : '',
  });
  return (
    <div data-testid="sweep-results">
      <ChartCard
        title={t('sweep.title', { output: outputName })}
        hint={
          isTwoWay && y
            ? t('sweep.heatmapHint', { x: labelOf(x.param), y: labelOf(y.param) })
            : t('sweep.lineHint')
        }
        exportName={`sweep-${x.param}`}
      >
        {isTwoWay && y ? (
          <HeatmapChart
            xLabels={x.values.map(String)}
            yLabels={y.values.map(String)}
            values={grid}
            format={format}
            scale="sequential"
            xName={labelOf(x.param)}
            ariaLabel={label}
            testId="sweep-heatmap"
          />
        ) : (
          <SweepLine cells={cells} xName={labelOf(x.param)} format={format} ariaLabel={label} />
        )}
      </ChartCard>
      <table className="sens-table" data-testid="sweep-table">
        <thead>
          <tr>
            {axes.map((a) => (
              <th key={a.param} scope="col">
                {labelOf(a.param)}
              </th>
            ))}
            <th scope="col">{outputName}</th>
            <th scope="col">{t('sweep.change')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.values.join('|')}>
              {c.values.map((v, i) => (
                <td key={axes[i].param}>{v}</td>
              ))}
              <td>
                {format(c.estimate)} ± {format(c.se)}
              </td>
              <td data-testid="sweep-change">
                {format(c.change)} ± {format(c.changeSe)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
