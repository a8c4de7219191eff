import { useTranslation } from 'react-i18next';
import type { Choice, OptimizeResult, OptimizeSpec } from '../../../sim/index';

export type RefinementSummaryProps = {
  spec: OptimizeSpec;
  result: OptimizeResult;
  labelOf(param: string): string;
  showValue(param: string, value: Choice): string;
};

/**
 * What the search between grid points did: where it started (the best screened point) and ended,
 * how many new points it ran (and skipped), the smallest step it tried per range variable. Nothing
 * when it was not asked for (turned off, or no range variable: the plan note says so before a run).
 */
export function RefinementSummary({ spec, result, labelOf, showValue }: RefinementSummaryProps) {
  const { t } = useTranslation('optimize');
  const r = result.refinement;
  const wanted =
    spec.refine.maxEvaluations > 0 && spec.refine.halvings > 0 && spec.variables.some((v) => 'step' in v);
  if (!wanted) return null;
  // Only the range variables move (choices stay as the start has them): name those.
  const planText = (values: readonly Choice[]) =>
    spec.variables
      .flatMap((v, i) => ('step' in v ? [`${labelOf(v.param)} = ${showValue(v.param, values[i])}`] : []))
      .join(' · ');
  const lines: string[] = [];
  if (!r) lines.push(t('refinement.none'));
  else {
    const moved = r.start.some((v, i) => v !== r.end[i]);
    const args = {
      start: planText(r.start),
      end: planText(r.end),
      count: r.evaluations,
      n: result.screeningReplications,
    };
    lines.push(t(moved ? 'refinement.moved' : 'refinement.stayed', args));
    if (r.skipped > 0) lines.push(t('refinement.skipped', { count: r.skipped }));
    const steps = spec.variables
      .map((v, i) => ('step' in v ? { param: v.param, step: r.finalSteps[i] } : null))
      .filter((x) => x !== null)
      .map((x) =>
        x.step === null
          ? `${labelOf(x.param)}: ${t('refinement.noStep')}`
          : `${labelOf(x.param)} ± ${showValue(x.param, x.step)}`,
      );
    if (steps.length) lines.push(t('refinement.steps', { steps: steps.join(' · ') }));
  }
  return (
    <section
      className="opt-refinement"
      data-testid="opt-refinement"
      data-moved={r ? String(r.start.some((v, i) => v !== r.end[i])) : undefined}
    >
      <h4 className="opt-subhead">{t('refinement.title')}</h4>
      <p data-testid="opt-refinement-text">{lines.join(' ')}</p>
    </section>
  );
}
