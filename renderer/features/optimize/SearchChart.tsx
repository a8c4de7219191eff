import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Evaluation, type OptimizeSpec, paretoFront } from '../../../sim/index';
import { EChart } from '../../components/charts/EChart';
import { baseOption, palette } from '../../components/charts/palette';
import { tooltipLines } from '../../components/charts/tooltip-html';
import { ChartCard } from '../results/ChartCard';

type Option = ComposeOption<
  | ScatterSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

export type SearchChartProps = {
  spec: OptimizeSpec;
  evaluations: readonly Evaluation[];
  /** The selected plan's values once the run is done (null: none yet, or nothing feasible). */
  chosen: readonly (number | string)[] | null;
  objectiveName: string;
  tradeOffName: string;
  formatObjective(v: number): string;
  formatTradeOff(v: number): string;
  /** "Holdout share = 0.1 · AI step's channel = WeCom" */
  describe(values: readonly (number | string)[]): string;
};

const same = (a: readonly unknown[], b: readonly unknown[]) => a.every((x, i) => x === b[i]);

/** The best screened candidate meeting the constraints so far (by the objective's sense). */
export function bestSoFar(spec: OptimizeSpec, evals: readonly Evaluation[]): Evaluation | null {
  const g = spec.objective.sense === 'maximize' ? 1 : -1;
  let best: Evaluation | null = null;
  for (const e of evals)
    if (e.stage === 'screening' && e.feasible && (!best || g * e.objective > g * best.objective)) best = e;
  return best;
}

/**
 * Every candidate as it is evaluated, objective against the trade-off output: screening candidates
 * (meeting the constraints or not), the current plan, the best so far, the selection re-runs, and
 * the Pareto front of the screened ones.
 */
export function SearchChart(p: SearchChartProps) {
  const { t } = useTranslation('optimize');
  const option = useMemo<Option>(() => {
    const screened = p.evaluations.filter((e) => e.stage === 'screening');
    const best = p.chosen ? null : bestSoFar(p.spec, screened);
    const front = paretoFront(p.spec, screened);
    const point = (e: Evaluation) => ({ value: [e.tradeOff, e.objective], e });
    const names = {
      feasible: t('search.feasible'),
      infeasible: t('search.infeasible'),
      current: t('search.current'),
      best: t(p.chosen ? 'search.chosen' : 'search.best'),
      selection: t('search.selection'),
      pareto: t('search.pareto'),
    };
    const scatter = (
      name: string,
      data: Evaluation[],
      style: Partial<ScatterSeriesOption>,
    ): ScatterSeriesOption => ({ type: 'scatter', name, data: data.map(point), ...style });
    const chosen = p.chosen;
    const series: Array<ScatterSeriesOption | LineSeriesOption> = [
      {
        type: 'line',
        name: names.pareto,
        data: front.map(point),
        symbol: 'none',
        color: palette.uplift,
        lineStyle: { type: 'dashed', width: 2 },
        z: 1,
      },
      scatter(
        names.feasible,
        screened.filter((e) => e.feasible && !e.isCurrent),
        { color: palette.treatment, symbolSize: 9 },
      ),
      scatter(
        names.infeasible,
        screened.filter((e) => !e.feasible && !e.isCurrent),
        {
          color: palette.control,
          symbol: 'emptyCircle',
          symbolSize: 9,
        },
      ),
      scatter(
        names.selection,
        p.evaluations.filter(
          (e) => e.stage === 'selection' && !e.isCurrent && !(chosen && same(e.values, chosen)),
        ),
        {
          color: palette.series[3],
          symbol: 'rect',
          symbolSize: 9,
        },
      ),
      scatter(
        names.current,
        p.evaluations.filter((e) => e.isCurrent),
        {
          color: palette.series[1],
          symbol: 'diamond',
          symbolSize: 15,
          z: 3,
        },
      ),
      scatter(
        names.best,
        chosen
          ? p.evaluations.filter((e) => e.stage === 'selection' && same(e.values, chosen))
          : best
            ? [best]
            : [],
        { color: palette.uplift, symbol: 'triangle', symbolSize: 18, z: 4 },
      ),
    ];
    return {
      ...baseOption,
      animation: false,
      // Only what the chart shows so far (no selection re-runs while screening).
      legend: { top: 0, data: series.filter((x) => (x.data?.length ?? 0) > 0).map((x) => String(x.name)) },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (param: unknown) => {
          const e = (param as { data?: { e?: Evaluation } }).data?.e;
          if (!e) return '';
          return tooltipLines(
            p.describe(e.values),
            `${p.objectiveName}: ${p.formatObjective(e.objective)} ± ${p.formatObjective(e.objectiveSe)}`,
            `${p.tradeOffName}: ${p.formatTradeOff(e.tradeOff)}`,
            t('search.tooltipRuns', { count: e.replications }),
            e.feasible ? t('search.meets') : t('search.breaks'),
          );
        },
      },
      grid: {
        left: 8,
        right: 24,
        top: 48,
        bottom: 40,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: {
        type: 'value',
        scale: true,
        name: p.tradeOffName,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => p.formatTradeOff(v) },
      },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => p.formatObjective(v) } },
      series,
    };
  }, [p, t]);
  return (
    <ChartCard
      title={t('search.title', { objective: p.objectiveName, tradeOff: p.tradeOffName })}
      hint={t('search.hint')}
      exportName="optimizer-search"
    >
      <EChart
        option={option}
        heightPx={340}
        ariaLabel={t('search.label', {
          objective: p.objectiveName,
          tradeOff: p.tradeOffName,
          count: p.evaluations.length,
        })}
        testId="opt-search-chart"
      />
    </ChartCard>
  );
}
