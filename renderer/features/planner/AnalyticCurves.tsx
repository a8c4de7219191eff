import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { useFmt } from '../../i18n/numbers';
import { mdeByWeeks, type PlannerInputs, powerByBranches, type Solved } from './analytic-plan';
import { CurveChart } from './CurveChart';

/** Power vs branches per arm and MDE vs weeks, from the formula. */
export function AnalyticCurves({ inputs, solved }: { inputs: PlannerInputs; solved: Solved }) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  const curves = useMemo(() => {
    if (!solved.ok) return null;
    const k = solved.result.clustersPerArmRounded ?? 2;
    return {
      power: powerByBranches(inputs, solved.result.clustersPerArm ?? k),
      mde: mdeByWeeks(inputs, k, solved.result.weeks),
      k,
    };
  }, [inputs, solved]);
  if (!curves) return null;
  const isBinary = inputs.outcome === 'binary';
  const formatMde = (y: number) => (isBinary ? fmt.pp(y) : fmt.cny(y));
  return (
    <div className="grid-2">
      <Card
        title={t('curves.powerTitle')}
        subtitle={t('curves.powerSubtitle', { m: fmt.int(inputs.customersPerBranch ?? 0) })}
      >
        <CurveChart
          testId="planner-power-curve"
          ariaLabel={t('curves.powerTitle')}
          xName={t('curves.branchesPerArm')}
          yName={t('curves.power')}
          formatY={(y) => fmt.pct(y, 0)}
          markY={{ value: inputs.power ?? 0.8, label: t('curves.target') }}
          series={[{ name: t('curves.formula'), points: curves.power }]}
        />
      </Card>
      <Card title={t('curves.mdeTitle')} subtitle={t('curves.mdeSubtitle', { k: curves.k })}>
        {curves.mde.length > 0 ? (
          <CurveChart
            testId="planner-mde-curve"
            ariaLabel={t('curves.mdeTitle')}
            xName={t('curves.weeks')}
            yName={isBinary ? t('curves.mdePp') : t('curves.mdeCny')}
            formatY={formatMde}
            formatTick={(y) => (isBinary ? fmt.num(y, 1) : fmt.cny(y))}
            series={[{ name: t('curves.formula'), points: curves.mde }]}
          />
        ) : (
          <p className="muted" data-testid="planner-mde-needs-accrual">
            {t('curves.needsAccrual')}
          </p>
        )}
      </Card>
    </div>
  );
}
