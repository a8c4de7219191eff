import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SobolTable } from '../../../sim/index';
import { IntervalChart } from '../../components/charts/IntervalChart';
import { ChartCard } from '../results/ChartCard';
import { formatPercent, formatRatio, toNumberLocale } from '../results/format';

/** First-order and total indices with their 90% bootstrap intervals: two forest plots and a table. */
export function SobolView({
  table,
  labelOf,
  outputName,
}: {
  table: SobolTable;
  labelOf: (param: string) => string;
  outputName: string;
}) {
  const { t, i18n } = useTranslation('sensitivity');
  const locale = toNumberLocale(i18n.language);
  const f = useMemo(() => (v: number) => formatRatio(v, locale), [locale]);
  const forest = (which: 'first' | 'total') =>
    table.rows.map((r) => ({
      label: labelOf(r.parameter),
      mean: r[which].value,
      p05: r[which].p05,
      p95: r[which].p95,
    }));
  if (!Number.isFinite(table.variance) || table.variance <= 0)
    return (
      <p className="notice" role="status" data-testid="sobol-undefined">
        {t('sobol.undefined')}
      </p>
    );
  const isNoisy = table.noiseShare > 0.2;
  return (
    <div data-testid="sobol-results">
      <p className={isNoisy ? 'notice' : 'muted'} data-testid="sobol-noise">
        {t('sobol.noise', { share: formatPercent(table.noiseShare, locale) })}{' '}
        {isNoisy ? t('sobol.noisy') : ''}
      </p>
      <ChartCard
        title={t('sobol.title', { output: outputName })}
        hint={t('sobol.hint')}
        exportName={`sobol-${table.output}`}
      >
        <h4 className="sens-chart-title">{t('sobol.total')}</h4>
        <IntervalChart
          rows={forest('total')}
          format={f}
          ariaLabel={t('sobol.totalChart', { output: outputName })}
          testId="sobol-total-chart"
        />
        <h4 className="sens-chart-title">{t('sobol.first')}</h4>
        <IntervalChart
          rows={forest('first')}
          format={f}
          ariaLabel={t('sobol.firstChart', { output: outputName })}
          testId="sobol-first-chart"
        />
      </ChartCard>
      <table className="sens-table" data-testid="sobol-table">
        <thead>
          <tr>
            <th scope="col">{t('tornado.parameter')}</th>
            <th scope="col">{t('sobol.first')}</th>
            <th scope="col">{t('sobol.interval')}</th>
            <th scope="col">{t('sobol.total')}</th>
            <th scope="col">{t('sobol.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.parameter} data-testid={`sobol-row-${r.parameter}`}>
              <th scope="row" title={r.parameter}>
                {labelOf(r.parameter)}
              </th>
              <td>{f(r.first.value)}</td>
              <td>
                {f(r.first.p05)} – {f(r.first.p95)}
              </td>
              <td>{f(r.total.value)}</td>
              <td>
                {f(r.total.p05)} – {f(r.total.p95)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
