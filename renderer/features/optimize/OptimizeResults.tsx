import { useTranslation } from 'react-i18next';
import { BestPlan } from './BestPlan';
import { FinalistsTable } from './FinalistsTable';
import type { OptimizeState } from './optimize-store';
import { PathTable } from './PathTable';
import { usePlanActions } from './plan-actions';
import { SearchChart } from './SearchChart';
import type { OptimizeLabels } from './useOptimizeLabels';

/** The search as it streams in, then the selected plan and the finalists vs the current plan. */
export function OptimizeResults({
  state,
  isStale,
  labels,
}: {
  state: OptimizeState;
  isStale: boolean;
  labels: OptimizeLabels;
}) {
  const { t } = useTranslation('optimize');
  const { spec, result, evaluations } = state;
  const actions = usePlanActions(spec, result?.best?.values ?? null);
  if (!spec || evaluations.length === 0) return null;
  const objective = spec.objective.output;
  const tradeOff = spec.tradeOff?.output ?? 'cost';
  const describe = (values: readonly (number | string)[]) =>
    spec.variables
      .map((v, i) => `${labels.labelOf(v.param)} = ${labels.showValue(v.param, values[i])}`)
      .join(' · ');
  const measureName = (output: string, strategy: string | null | undefined) =>
    `${labels.outputName(output)} (${labels.strategyName(strategy ?? null)})`;
  return (
    <div
      data-testid="opt-results"
      className={isStale ? 'is-stale' : undefined}
      data-stale={isStale || undefined}
    >
      <SearchChart
        spec={spec}
        evaluations={evaluations}
        chosen={result?.best?.values ?? null}
        objectiveName={measureName(objective, spec.objective.strategy)}
        tradeOffName={measureName(tradeOff, spec.tradeOff?.strategy)}
        formatObjective={labels.formatOutput(objective)}
        formatTradeOff={labels.formatOutput(tradeOff)}
        describe={describe}
      />
      <PathTable
        spec={spec}
        evaluations={evaluations}
        labelOf={labels.labelOf}
        showValue={labels.showValue}
        formatObjective={labels.formatOutput(objective)}
        formatTradeOff={labels.formatOutput(tradeOff)}
        objectiveName={measureName(objective, spec.objective.strategy)}
        tradeOffName={measureName(tradeOff, spec.tradeOff?.strategy)}
      />
      {result ? (
        <>
          <BestPlan
            spec={spec}
            result={result}
            labelOf={labels.labelOf}
            showValue={labels.showValue}
            formatObjective={labels.formatOutput(objective)}
            objectiveName={measureName(objective, spec.objective.strategy)}
            blocked={isStale ? t('best.stale') : state.status === 'running' ? t('run.busy') : null}
            canAddVariant={actions.canAddVariant()}
            onAddVariant={actions.addVariant}
            onApply={actions.apply}
          />
          <FinalistsTable
            spec={spec}
            result={result}
            labelOf={labels.labelOf}
            showValue={labels.showValue}
            formatObjective={labels.formatOutput(objective)}
            formatOutput={labels.formatOutput}
            outputName={labels.outputName}
            strategyName={labels.strategyName}
          />
        </>
      ) : null}
    </div>
  );
}
