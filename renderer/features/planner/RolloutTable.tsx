import { useTranslation } from 'react-i18next';
import type { RolloutForecast, Stat } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';

/** Per stage: strategies with 90% intervals, then the capacity check. */
export function RolloutTable({ forecasts }: { forecasts: RolloutForecast[] }) {
  const { t } = useTranslation('planner');
  const text = useLocalText();
  const fmt = useFmt();
  const interval = (s: Stat, f: (x: number) => string) =>
    t('rollout.interval', { mean: f(s.mean), p05: f(s.p05), p95: f(s.p95) });
  return (
    <div className="stack" data-testid="planner-rollout-results">
      {forecasts.map((f) => (
        <section
          key={f.stageId}
          aria-label={t(`rollout.stage_${f.stageId}`)}
          data-testid={`planner-rollout-${f.stageId}`}
        >
          <h4 className="section-title">
            {t('rollout.stageTitle', {
              stage: t(`rollout.stage_${f.stageId}`),
              n: f.branches.length,
              customers: fmt.int(f.customers),
              weeks: f.weeks,
            })}
          </h4>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('rollout.strategy')}</th>
                <th scope="col" className="num">
                  {t('rollout.conversion')}
                </th>
                <th scope="col" className="num">
                  {t('rollout.uplift')}
                </th>
                <th scope="col" className="num">
                  {t('rollout.newMoney')}
                </th>
                <th scope="col" className="num">
                  {t('rollout.cost')}
                </th>
                <th scope="col" className="num">
                  {t('rollout.roi')}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.strategies.map((s) => (
                <tr key={s.id} data-testid={`planner-rollout-${f.stageId}-${s.id}`}>
                  <th scope="row">{text(s.label)}</th>
                  <td className="num">{interval(s.conversionTreatment, (x) => fmt.pct(x))}</td>
                  <td className="num">{interval(s.upliftPp, (x) => fmt.pp(x))}</td>
                  <td className="num">{interval(s.newMoneyUpliftTotalCny, fmt.cny)}</td>
                  <td className="num">{interval(s.costCny, fmt.cny)}</td>
                  <td className="num">
                    {interval(s.roi, (x) => fmt.num(x, 2))} ·{' '}
                    {t('rollout.pRoi', { p: fmt.pct(s.roi.pAbove1, 0) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {f.capacity.length > 0 ? (
            <table className="table" aria-label={t('rollout.capacity')}>
              <thead>
                <tr>
                  <th scope="col">{t('rollout.channel')}</th>
                  <th scope="col" className="num">
                    {t('rollout.used')}
                  </th>
                  <th scope="col" className="num">
                    {t('rollout.available')}
                  </th>
                  <th scope="col" className="num">
                    {t('rollout.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('rollout.dropped')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {f.capacity.map((c) => (
                  <tr
                    key={c.channelId}
                    data-testid={`planner-capacity-${f.stageId}-${c.channelId}`}
                    data-overloaded={c.isOverloaded}
                  >
                    <th scope="row">{text(c.label)}</th>
                    <td className="num">{fmt.int(c.attempts.mean)}</td>
                    <td className="num">{fmt.int(c.availableAttempts)}</td>
                    <td className="num">
                      {t('rollout.shareValue', {
                        mean: fmt.pct(c.usedShare, 0),
                        p95: fmt.pct(c.usedShareP95, 0),
                      })}
                      {c.isOverloaded ? ` ⚠ ${t('rollout.overloaded')}` : ''}
                    </td>
                    <td className="num">{fmt.int(c.leadsDropped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </div>
  );
}
