import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StrategySummary } from '../../../sim/index';
import { InfoButton } from '../teaching/InfoButton';
import type { Formatters } from './format';
import { KpiCard } from './KpiCard';
import { KPI_NAMES, KPIS, type KpiName } from './kpis';
import { useFormat } from './useFormat';

export type KpiGridProps = {
  strategy: StrategySummary;
  /** False with fewer than two replications: every interval has collapsed to a point. */
  hasSpread: boolean;
  isProvisional: boolean;
};

export function KpiGrid({ strategy, hasSpread, isProvisional }: KpiGridProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  return (
    <div className="st-kpis" data-testid="kpi-grid">
      {KPI_NAMES.map((name) => {
        const def = KPIS[name];
        const v = def.value(strategy);
        const fmt = def.format(f);
        // A share of replications has no band of its own; the power's band is a Monte Carlo
        // interval of the power itself, and says so.
        const interval =
          name === 'p-uplift'
            ? undefined
            : !hasSpread
              ? t('kpi.noSpread')
              : name === 'power'
                ? `${t('kpi.powerInterval')}: ${f.range(v.p05, v.p95, fmt)}`
                : `${t('kpi.interval')}: ${f.range(v.p05, v.p95, fmt)}`;
        const se = name === 'power' ? undefined : v.mcSe;
        const mcSe =
          hasSpread && se !== undefined && Number.isFinite(se)
            ? t('kpi.mcSe', { se: fmt(se).replace(/^[+-]/, '') })
            : undefined;
        return (
          <KpiCard
            key={name}
            name={name}
            label={t(`kpi.${name}`)}
            value={fmt(v.mean)}
            interval={interval}
            mcSe={mcSe}
            sub={subLine(name, strategy, f, t)}
            hint={t(`kpi.hint.${name}`)}
            isProvisional={isProvisional}
            info={<InfoButton path={`output.${name}`} />}
          />
        );
      })}
    </div>
  );
}

function subLine(name: KpiName, s: StrategySummary, f: Formatters, t: TFunction<'results'>): string {
  switch (name) {
    case 'conversion-uplift':
      return t('kpi.sub.arms', {
        treatment: f.percent(s.conversionRate.treatment.mean),
        control: f.percent(s.conversionRate.control.mean),
      });
    case 'new-money-per-customer':
      return t('kpi.sub.pPositive', { p: f.probability(s.newMoneyPerCustomerCny.uplift.pPositive) });
    case 'modelled-new-money':
      return t('kpi.sub.modelled', { pp: f.pp(s.modelled.conversionUpliftPp.mean) });
    case 'new-money-total':
      return t('kpi.sub.pPositive', { p: f.probability(s.newMoneyUpliftTotalCny.pPositive) });
    case 'roi':
      return t('kpi.sub.pRoiAbove1', {
        p: f.probability(s.modelled.roi.pAbove1),
        randomized: f.ratio(s.roi.mean),
      });
    case 'p-uplift':
      return t('kpi.sub.pNewMoney', { p: f.probability(s.newMoneyPerCustomerCny.uplift.pPositive) });
    case 'power':
      return t('kpi.sub.power', {
        aum: f.probability(s.pilot.powerAum),
        level: t(`kpi.level.${s.pilot.analysisLevel}`),
      });
  }
}
