import { useTranslation } from 'react-i18next';
import type { Choice, Comparison, ConstraintResult, OptimizeResult, OptimizeSpec } from '../../../sim/index';

export type FinalistsTableProps = {
  spec: OptimizeSpec;
  result: OptimizeResult;
  labelOf(param: string): string;
  showValue(param: string, value: Choice): string;
  formatObjective(v: number): string;
  formatOutput(output: string): (v: number) => string;
  outputName(output: string): string;
  strategyName(id: string | null): string;
};

const same = (a: readonly Choice[], b: readonly Choice[]) => a.every((x, i) => x === b[i]);

/**
 * The finalists and the current plan at the selection replications: each variable's value, the
 * objective ± SE, the paired difference vs the current plan ± SE with its 90% interval, and each
 * constraint's estimate ± SE and verdict.
 */
export function FinalistsTable(p: FinalistsTableProps) {
  const { t } = useTranslation('optimize');
  const { spec, result } = p;
  const fo = p.formatObjective;
  const verdict = (c: ConstraintResult) =>
    `${c.met ? '✓' : '✗'} ${p.formatOutput(c.output)(c.estimate)} ± ${p.formatOutput(c.output)(c.se)}${
      c.close ? ` (${t('finalists.close')})` : ''
    }`;
  const row = (c: Comparison, key: string, kind: 'chosen' | 'finalist' | 'current') => (
    <tr key={key} data-testid={`opt-finalist-${key}`} data-kind={kind} className={`opt-row--${kind}`}>
      <th scope="row">{t(`finalists.kind.${kind}`)}</th>
      {c.values.map((v, i) => (
        <td key={spec.variables[i].param}>{p.showValue(spec.variables[i].param, v)}</td>
      ))}
      <td>
        {fo(c.objective)} ± {fo(c.objectiveSe)}
      </td>
      <td data-testid="opt-diff">
        {kind === 'current' ? '—' : `${fo(c.vsCurrent.diff)} ± ${fo(c.vsCurrent.se)}`}
      </td>
      <td data-testid="opt-interval">
        {kind === 'current' ? '—' : `${fo(c.vsCurrent.low)} … ${fo(c.vsCurrent.high)}`}
      </td>
      {c.constraints.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: constraints are in the spec's order
        <td key={i} className={x.met ? undefined : 'opt-breaks'}>
          {verdict(x)}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="opt-table-wrap">
      <table className="sens-table" data-testid="opt-finalists">
        <caption>{t('finalists.caption', { n: result.selectionReplications, seed: result.seed })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('finalists.plan')}</th>
            {spec.variables.map((v) => (
              <th key={v.param} scope="col">
                {p.labelOf(v.param)}
              </th>
            ))}
            <th scope="col">
              {t('finalists.objective', {
                output: p.outputName(spec.objective.output),
                strategy: p.strategyName(spec.objective.strategy ?? null),
              })}
            </th>
            <th scope="col">{t('finalists.diff')}</th>
            <th scope="col">{t('finalists.interval')}</th>
            {spec.constraints.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: constraints are in the spec's order
              <th key={i} scope="col">
                {t(
                  c.max !== undefined && c.min !== undefined
                    ? 'finalists.between'
                    : c.max !== undefined
                      ? 'finalists.atMost'
                      : 'finalists.atLeast',
                  {
                    output: p.outputName(c.output),
                    strategy: p.strategyName(c.strategy ?? null),
                    min: c.min === undefined ? '' : p.formatOutput(c.output)(c.min),
                    max: c.max === undefined ? '' : p.formatOutput(c.output)(c.max),
                  },
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.finalists.map((f, i) =>
            row(
              f,
              String(i),
              result.best && same(f.values, result.best.values)
                ? 'chosen'
                : same(f.values, result.current.values)
                  ? 'current'
                  : 'finalist',
            ),
          )}
          {result.finalists.some((f) => same(f.values, result.current.values))
            ? null
            : row(result.current, 'current', 'current')}
        </tbody>
      </table>
    </div>
  );
}
