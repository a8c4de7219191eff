import { useTranslation } from 'react-i18next';
import type { PlannerPrefill } from '../../../sim/index';
import { useFmt } from '../../i18n/numbers';
import { type PlannerInputs, powerAt, type Solved } from './analytic-plan';

export type ScenarioFactsProps = {
  prefill: PlannerPrefill | null;
  /** The branch effect's SD on the log-odds (the ICC's source). */
  effectSd: number;
  inputs: PlannerInputs;
  solved: Solved;
  onRefill(): void;
};

/** Where the formula's inputs came from in the open scenario, and whether the design fits its bank. */
export function ScenarioFacts({ prefill, effectSd, inputs, solved, onRefill }: ScenarioFactsProps) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  if (!prefill) {
    return (
      <p className="muted" data-testid="planner-scenario-waiting">
        {t('scenario.waiting')}
      </p>
    );
  }
  const k = solved.ok ? (solved.result.clustersPerArmRounded ?? null) : null;
  const isInfeasible = k !== null && 2 * k > prefill.branchCount;
  const kMax = Math.floor(prefill.branchCount / 2);
  const powerMax = isInfeasible && kMax >= 2 ? powerAt(inputs, kMax) : null;
  return (
    <div className="planner-scenario" data-testid="planner-scenario">
      <p className="planner-explain" data-testid="planner-prefilled">
        {t('scenario.prefilled', {
          strategy: prefill.strategyId,
          branches: fmt.int(prefill.branchCount),
          m: fmt.int(Math.round(prefill.customersPerBranch)),
          cv: fmt.num(prefill.cv, 2),
          weeks: fmt.int(prefill.weeks),
          icc: fmt.num(prefill.icc, 4),
          sd: fmt.num(effectSd, 2),
        })}{' '}
        {prefill.rates
          ? t('scenario.rates', {
              weeks: fmt.int(prefill.weeks),
              pControl: fmt.pct(prefill.rates.pControl, 2),
              pTreat: fmt.pct(prefill.rates.pTreat, 2),
            })
          : t('scenario.noRates')}
      </p>
      <button type="button" className="btn no-print" data-testid="planner-refill" onClick={onRefill}>
        {t('scenario.refill')}
      </button>
      {isInfeasible ? (
        <p className="notice notice--error" role="alert" data-testid="planner-infeasible">
          {powerMax !== null
            ? t('scenario.infeasible', {
                need: fmt.int(2 * k),
                k: fmt.int(k),
                have: fmt.int(prefill.branchCount),
                kMax: fmt.int(kMax),
                power: fmt.pct(powerMax, 1),
              })
            : t('scenario.infeasibleNone', {
                need: fmt.int(2 * k),
                k: fmt.int(k),
                have: fmt.int(prefill.branchCount),
              })}
        </p>
      ) : null}
    </div>
  );
}
