import { useTranslation } from 'react-i18next';
import type { Choice, Evaluation, OptimizeSpec } from '../../../sim/index';

/** Every evaluation in the order it ran (the search path), folded away under the chart. */
export function PathTable({
  spec,
  evaluations,
  labelOf,
  showValue,
  formatObjective,
  formatTradeOff,
  objectiveName,
  tradeOffName,
}: {
  spec: OptimizeSpec;
  evaluations: readonly Evaluation[];
  labelOf(param: string): string;
  showValue(param: string, value: Choice): string;
  formatObjective(v: number): string;
  formatTradeOff(v: number): string;
  objectiveName: string;
  tradeOffName: string;
}) {
  const { t } = useTranslation('optimize');
  return (
    <details className="opt-path no-print" data-testid="opt-path">
      <summary>{t('path.summary', { count: evaluations.length })}</summary>
      <div className="opt-table-wrap">
        <table className="sens-table" data-testid="opt-path-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('path.stage')}</th>
              {spec.variables.map((v) => (
                <th key={v.param} scope="col">
                  {labelOf(v.param)}
                </th>
              ))}
              <th scope="col">{t('path.replications')}</th>
              <th scope="col">{t('path.objective', { output: objectiveName })}</th>
              <th scope="col">{tradeOffName}</th>
              <th scope="col">{t('path.feasible')}</th>
            </tr>
          </thead>
          <tbody>
            {evaluations.map((e, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an evaluation is its place in the path
              <tr key={k}>
                <td>{k + 1}</td>
                <td>
                  {t(`path.stages.${e.stage}`)}
                  {e.isCurrent ? ` · ${t('search.current')}` : ''}
                </td>
                {e.values.map((v, i) => (
                  <td key={spec.variables[i].param}>{showValue(spec.variables[i].param, v)}</td>
                ))}
                <td>{e.replications}</td>
                <td>
                  {formatObjective(e.objective)} ± {formatObjective(e.objectiveSe)}
                </td>
                <td>{formatTradeOff(e.tradeOff)}</td>
                <td>{e.feasible ? '✓' : '✗'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
