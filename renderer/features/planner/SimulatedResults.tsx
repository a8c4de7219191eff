import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { palette } from '../../components/charts/palette';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { BalanceTable } from './BalanceTable';
import { CurveChart } from './CurveChart';
import { PilotComparison } from './PilotComparison';
import type { PilotResult } from './usePilotPlan';

export type Outcome = 'conversion' | 'aum';

/** The simulated pilot: per strategy, power vs branches and MDE vs weeks beside the formula. */
export function SimulatedResults({
  result,
  onUseEstimates,
}: {
  result: PilotResult;
  onUseEstimates(values: { icc: number; cv: number; customersPerBranch: number }): void;
}) {
  const { t } = useTranslation('planner');
  const text = useLocalText();
  const fmt = useFmt();
  const { report } = result;
  const [index, setIndex] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>('conversion');
  const st = report.strategies[Math.min(index, report.strategies.length - 1)];
  const isConv = outcome === 'conversion';
  const series = useMemo(() => {
    const power = (key: 'powerConversion' | 'powerAum' | 'analyticPowerConversion' | 'analyticPowerAum') =>
      st.byBranches.map((p) => ({ x: p.branchesPerArm, y: p[key] }));
    const mde = (key: 'mdeConversionPp' | 'mdeAumCny' | 'analyticMdeConversionPp' | 'analyticMdeAumCny') =>
      st.byWeeks.map((p) => ({ x: p.weeks, y: p[key] }));
    return {
      power: [
        {
          name: t('curves.simulated'),
          points: power(isConv ? 'powerConversion' : 'powerAum'),
          color: palette.treatment,
        },
        {
          name: t('curves.formula'),
          points: power(isConv ? 'analyticPowerConversion' : 'analyticPowerAum'),
          color: palette.uplift,
          isDashed: true,
        },
      ],
      mde: [
        {
          name: t('curves.simulated'),
          points: mde(isConv ? 'mdeConversionPp' : 'mdeAumCny'),
          color: palette.treatment,
        },
        {
          name: t('curves.formula'),
          points: mde(isConv ? 'analyticMdeConversionPp' : 'analyticMdeAumCny'),
          color: palette.uplift,
          isDashed: true,
        },
      ],
    };
  }, [st, isConv, t]);
  return (
    <div className="stack" data-testid="planner-sim-results">
      <div className="planner-controls no-print">
        <div className="field">
          <label htmlFor="planner-sim-strategy" className="field__label">
            {t('sim.strategy')}
          </label>
          <select
            id="planner-sim-strategy"
            className="input"
            data-testid="planner-sim-strategy"
            value={index}
            onChange={(e) => setIndex(Number(e.target.value))}
          >
            {report.strategies.map((s, i) => (
              <option key={s.id} value={i}>
                {text(s.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="planner-sim-outcome" className="field__label">
            {t('sim.outcome')}
          </label>
          <select
            id="planner-sim-outcome"
            className="input"
            data-testid="planner-sim-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
          >
            <option value="conversion">{t('sim.conversion')}</option>
            <option value="aum">{t('sim.aum')}</option>
          </select>
        </div>
      </div>
      <div className="grid-2">
        <CurveChart
          testId="planner-sim-power-curve"
          ariaLabel={t('curves.simPowerTitle', { weeks: report.weeks })}
          xName={t('curves.branchesPerArm')}
          yName={t('curves.power')}
          formatY={(y) => fmt.pct(y, 0)}
          markY={{ value: report.targetPower, label: t('curves.target') }}
          series={series.power}
        />
        <CurveChart
          testId="planner-sim-mde-curve"
          ariaLabel={t('curves.simMdeTitle', { k: report.branchesPerArm })}
          xName={t('curves.weeks')}
          yName={isConv ? t('curves.mdePp') : t('curves.mdeCny')}
          formatY={(y) => (isConv ? fmt.pp(y) : fmt.cny(y))}
          formatTick={(y) => (isConv ? fmt.num(y, 1) : fmt.cny(y))}
          series={series.mde}
        />
      </div>
      <PilotComparison report={report} strategy={st} onUseEstimates={onUseEstimates} />
      <BalanceTable selection={report.selection} branches={result.branches} />
    </div>
  );
}
