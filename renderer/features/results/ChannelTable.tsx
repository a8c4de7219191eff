import { useTranslation } from 'react-i18next';
import type { ChannelUse, Stat, StrategySummary } from '../../../sim/index';
import { useLocalText } from '../../i18n/local-text';
import { InfoButton } from '../teaching/InfoButton';
import { useFormat } from './useFormat';

export type ChannelTableProps = { strategy: StrategySummary; runChannels: ChannelUse[] };

const OWN = ['attempts', 'reached', 'responses', 'conversions', 'costCny'] as const;
const SHARED = ['capacityUsedShare', 'leadsQueued', 'leadsDecayed', 'leadsDropped'] as const;

/**
 * Channel economics. The first columns are this strategy's use; capacity and lead queues are
 * shared by every strategy of the run (staff are finite), so they come from the run totals.
 */
export function ChannelTable({ strategy, runChannels }: ChannelTableProps) {
  const { t } = useTranslation('results');
  const text = useLocalText();
  const f = useFormat();
  const fmt = (key: (typeof OWN)[number] | (typeof SHARED)[number]) =>
    key === 'costCny' ? f.cny : key === 'capacityUsedShare' ? (v: number) => f.percent(v, 0) : f.count;
  const cell = (key: (typeof OWN)[number] | (typeof SHARED)[number], s: Stat | undefined) => (
    <td key={key} title={s ? `${t('kpi.interval')}: ${f.range(s.p05, s.p95, fmt(key))}` : undefined}>
      {s ? fmt(key)(s.mean) : '—'}
    </td>
  );
  return (
    <section className="st-card" aria-label={t('channel.title')} data-testid="channel-table">
      <header className="st-card__header">
        <h3 className="st-card__title">
          {t('channel.title')}
          <InfoButton path="output.channels" />
        </h3>
      </header>
      <div className="st-scroll">
        <table className="st-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('channel.channel')}
              </th>
              <th scope="colgroup" colSpan={OWN.length}>
                {t('channel.thisStrategy')}
              </th>
              <th scope="colgroup" colSpan={SHARED.length}>
                {t('channel.allStrategies')}
              </th>
            </tr>
            <tr>
              {[...OWN, ...SHARED].map((key) => (
                <th key={key} scope="col">
                  {t(`channel.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {strategy.channels.map((own) => {
              const run = runChannels.find((c) => c.id === own.id);
              return (
                <tr key={own.id} data-testid={`channel-row-${own.id}`}>
                  <th scope="row">
                    {run ? text(run.label) : own.id}
                    {run ? <span className="st-tag">{t(`channel.wheel.${run.wheel}`)}</span> : null}
                  </th>
                  {OWN.map((key) => cell(key, own[key]))}
                  {SHARED.map((key) => cell(key, run?.[key]))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {strategy.channels.length === 0 ? <p className="st-empty">{t('common.noData')}</p> : null}
    </section>
  );
}
