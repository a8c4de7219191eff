import { useTranslation } from 'react-i18next';
import type { Stat, StrategySummary } from '../../../sim/index';
import { InfoButton } from '../teaching/InfoButton';
import { useFormat } from './useFormat';

export type CostBreakdownProps = { strategy: StrategySummary };

// Total = contacts + incentives (their shares add to 100%); staff time is the part of the contact
// cost spent by staff channels, shown as "of which" below the total.
const PARTS = ['contactsCny', 'incentivesCny'] as const;

/** Where the money goes (contacts, incentives; of which staff time) and what it buys. */
export function CostBreakdown({ strategy }: CostBreakdownProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  const { cost } = strategy;
  const total = cost.totalCny.mean;
  const range = (s: Stat, fmt: (v: number) => string) => f.range(s.p05, s.p95, fmt);
  return (
    <section className="st-card" aria-label={t('cost.title')} data-testid="cost-breakdown">
      <header className="st-card__header">
        <h3 className="st-card__title">
          {t('cost.title')}
          <InfoButton path="output.cost" />
        </h3>
      </header>
      <table className="st-table">
        <thead>
          <tr>
            <th scope="col">{t('cost.item')}</th>
            <th scope="col">{t('cost.mean')}</th>
            <th scope="col">{t('kpi.interval')}</th>
            <th scope="col">{t('cost.share')}</th>
          </tr>
        </thead>
        <tbody>
          {PARTS.map((part) => {
            const share = total > 0 ? cost[part].mean / total : Number.NaN;
            return (
              <tr key={part} data-testid={`cost-${part}`}>
                <th scope="row">{t(`cost.${part}`)}</th>
                <td>{f.cny(cost[part].mean)}</td>
                <td className="st-muted">{range(cost[part], f.cny)}</td>
                <td>
                  <span className="st-bar" aria-hidden="true">
                    <span
                      className="st-bar__fill"
                      style={{ width: `${Number.isFinite(share) ? share * 100 : 0}%` }}
                    />
                  </span>
                  {f.percent(share, 0)}
                </td>
              </tr>
            );
          })}
          <tr className="st-table__total" data-testid="cost-totalCny">
            <th scope="row">{t('cost.totalCny')}</th>
            <td>{f.cny(total)}</td>
            <td className="st-muted">{range(cost.totalCny, f.cny)}</td>
            <td>{f.percent(total > 0 ? 1 : Number.NaN, 0)}</td>
          </tr>
          <tr data-testid="cost-staffCny">
            <th scope="row" className="st-muted">
              {t('cost.ofWhichStaffCny')}
            </th>
            <td>{f.cny(cost.staffCny.mean)}</td>
            <td className="st-muted">{range(cost.staffCny, f.cny)}</td>
            <td className="st-muted">{f.percent(total > 0 ? cost.staffCny.mean / total : Number.NaN, 0)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="st-facts">
        <div>
          <dt>{t('cost.modelledValue')}</dt>
          <dd>{f.cnySigned(strategy.modelled.valueCny.mean)}</dd>
        </div>
        <div>
          <dt>{t('cost.incrementalValue')}</dt>
          <dd>{f.cnySigned(strategy.incrementalValueCny.mean)}</dd>
        </div>
        <div>
          <dt>{t('cost.costPerIncrementalBuyer')}</dt>
          <dd>{f.cny(strategy.modelled.costPerIncrementalBuyerCny)}</dd>
        </div>
        <div>
          <dt>{t('cost.costPerNewMoney')}</dt>
          <dd>{f.cny(10_000 * strategy.modelled.costPerCnyNewMoney)}</dd>
        </div>
        <div>
          <dt>{t('cost.staffHours')}</dt>
          <dd>{f.count(cost.staffHours.mean)}</dd>
        </div>
        <div>
          <dt>{t('cost.conversionsPerStaffHour')}</dt>
          <dd>{f.ratio(strategy.conversionsPerStaffHour.mean)}</dd>
        </div>
        <div>
          <dt>{t('cost.leadFollowUpRate')}</dt>
          <dd>{f.percent(strategy.leadFollowUpRate.mean)}</dd>
        </div>
      </dl>
    </section>
  );
}
