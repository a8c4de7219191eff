import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sobolTable, sweepTable, tornadoTable } from '../../../sim/index';
import { useFmt } from '../../i18n/numbers';
import { ChartCard } from '../results/ChartCard';
import { toNumberLocale } from '../results/format';
import { outputFormatter } from './output-format';
import { SobolView } from './SobolView';
import { SweepView } from './SweepView';
import type { SensitivityState } from './sensitivity-store';
import { TornadoChart } from './TornadoChart';
import { TornadoTableView } from './TornadoTableView';

/** The last run's results as its method shows them (tornado, Sobol indices or a sweep), for the chosen output. */
export function SensitivityResults({
  state,
  isStale,
  labelOf,
  outputName,
}: {
  state: SensitivityState;
  isStale: boolean;
  labelOf: (param: string) => string;
  outputName: string;
}) {
  const { t, i18n } = useTranslation('sensitivity');
  const locale = toNumberLocale(i18n.language);
  const format = useMemo(() => outputFormatter(state.output, locale), [state.output, locale]);
  const fmt = useFmt();
  // Parameter values as written, up to 4 decimals (a margin of 0.012 must not read 0.01).
  const formatParam = (v: number) => fmt.num(v, 4);
  const { runMethod, ledger, points, figures, output, strategy, axes, design, settings, status } = state;
  const table = useMemo(
    () =>
      runMethod === 'tornado' && points.length > 0
        ? tornadoTable(ledger, points, figures, output, strategy)
        : null,
    [runMethod, ledger, points, figures, output, strategy],
  );
  const sobol = useMemo(() => {
    if (runMethod !== 'sobol' || status !== 'done' || !design || !settings) return null;
    const run = { ledger, design, settings, figures: figures.filter((f) => f !== undefined) };
    return sobolTable(run, output, strategy);
  }, [runMethod, status, design, settings, ledger, figures, output, strategy]);
  const cells = useMemo(
    () => (runMethod === 'sweep' && axes.length > 0 ? sweepTable({ axes, figures }, output, strategy) : null),
    [runMethod, axes, figures, output, strategy],
  );
  const staleClass = isStale ? 'is-stale' : undefined;
  if (cells && cells.length > 0)
    return (
      <div className={staleClass}>
        <SweepView axes={axes} cells={cells} labelOf={labelOf} format={format} outputName={outputName} />
      </div>
    );
  if (sobol)
    return (
      <div className={staleClass}>
        <SobolView table={sobol} labelOf={labelOf} outputName={outputName} />
      </div>
    );
  if (!table) return null;
  return (
    <div data-testid="tornado-results" className={staleClass}>
      {table.base ? (
        <p className="sens-base" data-testid="tornado-base">
          {outputName} · {t('tornado.base', { value: format(table.base.value), se: format(table.base.se) })}
        </p>
      ) : null}
      {table.rows.length > 0 ? (
        <>
          <ChartCard
            title={`${t('tornado.chart')} · ${outputName}`}
            hint={t('tornado.chartHint')}
            exportName={`tornado-${output}`}
          >
            <TornadoChart
              table={table}
              labelOf={labelOf}
              format={format}
              ariaLabel={t('tornado.chartLabel', { output: outputName })}
            />
          </ChartCard>
          <TornadoTableView table={table} labelOf={labelOf} format={format} formatParam={formatParam} />
        </>
      ) : null}
    </div>
  );
}
