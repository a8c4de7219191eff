import { useTranslation } from 'react-i18next';
import type { Choice, OptimizeResult, OptimizeSpec } from '../../../sim/index';
import { Card } from '../../components/Card';

export type BestPlanProps = {
  spec: OptimizeSpec;
  result: OptimizeResult;
  labelOf(param: string): string;
  showValue(param: string, value: Choice): string;
  formatObjective(v: number): string;
  objectiveName: string;
  /** Why the plan cannot be used now (stale, running …); null: it can. */
  blocked: string | null;
  canAddVariant: boolean;
  onAddVariant(): void;
  onApply(): void;
};

/** The selected plan: each variable's value (and the current one), its gain over the current plan, and what to do with it. */
export function BestPlan(p: BestPlanProps) {
  const { t } = useTranslation('optimize');
  const { spec, result } = p;
  const best = result.best;
  if (!best)
    return (
      <p className="notice" role="status" data-testid="opt-none">
        {t('best.none')}
      </p>
    );
  const isCurrent = best.values.every((v, i) => v === result.current.values[i]);
  // The 90% interval of the paired difference leaves out 0: the plan beats the current one.
  const isSure = best.vsCurrent.low > 0 || best.vsCurrent.high < 0;
  return (
    <Card title={t('best.title')} className="opt-best" testId="opt-best">
      <ul className="opt-best__values">
        {spec.variables.map((v, i) => (
          <li key={v.param} data-testid={`opt-best-${i}`} data-value={String(best.values[i])}>
            <span className="opt-best__label">{p.labelOf(v.param)}</span>{' '}
            <strong>{p.showValue(v.param, best.values[i])}</strong>{' '}
            <span className="muted">
              {t('best.now', { value: p.showValue(v.param, result.current.values[i]) })}
            </span>
          </li>
        ))}
      </ul>
      <p data-testid="opt-best-gain">
        {isCurrent
          ? t('best.isCurrent')
          : `${t('best.gain', {
              output: p.objectiveName,
              diff: p.formatObjective(best.vsCurrent.diff),
              se: p.formatObjective(best.vsCurrent.se),
              low: p.formatObjective(best.vsCurrent.low),
              high: p.formatObjective(best.vsCurrent.high),
              n: result.selectionReplications,
            })} ${t(isSure ? 'best.sure' : 'best.unsure')}`}
      </p>
      {result.capped ? (
        <p className="notice" data-testid="opt-capped">
          {t('best.capped', { n: result.selectionReplications })}
        </p>
      ) : null}
      <div className="opt-best__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="opt-add-variant"
          disabled={isCurrent || p.blocked !== null || !p.canAddVariant}
          title={p.blocked ?? (p.canAddVariant ? undefined : t('best.variantsFull'))}
          onClick={p.onAddVariant}
        >
          {t('best.addVariant')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="opt-apply"
          disabled={isCurrent || p.blocked !== null}
          title={p.blocked ?? undefined}
          onClick={p.onApply}
        >
          {t('best.apply')}
        </button>
        <span className="muted">{t('best.undoHint')}</span>
      </div>
    </Card>
  );
}
