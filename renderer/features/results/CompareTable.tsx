import { useTranslation } from 'react-i18next';
import type { StrategySummary } from '../../../sim/index';
import { COMPARE_ROWS, kpiDifference } from './compare';
import { useFormat } from './useFormat';

export type CompareColumn = { name: string; strategy: StrategySummary | undefined; isPaired: boolean };

export type CompareTableProps = { columns: CompareColumn[]; hasSpread: boolean };

/** KPIs side by side; from the second column on, the difference to the first (paired when possible). */
export function CompareTable({ columns, hasSpread }: CompareTableProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const base = columns[0]?.strategy;
  return (
    <div className="st-scroll">
      <table className="st-table st-compare" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('compare.kpi')}</th>
            {columns.map((c, i) => (
              <th key={c.name} scope="col" data-testid={`compare-variant-${i}`}>
                {c.name}
                {i === 0 ? <span className="st-tag">{t('compare.base')}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARE_ROWS.map((def) => {
            const name = def.name;
            const fmt = def.format(f);
            const fmtDiff = def.formatDiff(f);
            return (
              <tr key={name} data-testid={`compare-row-${name}`}>
                <th scope="row">{t(`kpi.${name}`)}</th>
                {columns.map((c, i) => {
                  const key = c.name;
                  if (!c.strategy) {
                    return (
                      <td key={key} className="st-muted">
                        {t('compare.noStrategy')}
                      </td>
                    );
                  }
                  const v = def.value(c.strategy);
                  const d = i > 0 && base ? kpiDifference(def, base, c.strategy, c.isPaired) : null;
                  return (
                    <td key={key} data-testid={`compare-${name}-${i}`}>
                      <div className="st-compare__value" data-testid={`compare-${name}-${i}-value`}>
                        {fmt(v.mean)}
                      </div>
                      {hasSpread && Number.isFinite(v.p05) ? (
                        <div className="st-muted">{f.range(v.p05, v.p95, fmt)}</div>
                      ) : null}
                      {d ? (
                        <div className="st-compare__diff" data-testid={`compare-${name}-${i}-diff`}>
                          {t('compare.diff', { value: fmtDiff(d.mean) })}
                          {Number.isFinite(d.p05) && hasSpread ? ` (${f.range(d.p05, d.p95, fmtDiff)})` : ''}
                          {Number.isFinite(d.pPositive) && d.p05 !== d.p95 ? (
                            <span className="st-muted st-compare__p">
                              {' '}
                              {t('compare.pBetter', { p: f.probability(d.pPositive) })}
                            </span>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
