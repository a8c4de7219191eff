import { useTranslation } from 'react-i18next';
import type { Challenge } from '../../../sim/index';

const fmt = (x: number, lang: string, digits = 2) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);

/** The simulated pilots looked at so far, and what a trade report would have said. */
export function ObservationsTable({ challenge, shown }: { challenge: Challenge; shown: number }) {
  const { t, i18n } = useTranslation('teaching');
  const lang = i18n.language;
  const ids = Object.keys(challenge.naiveGapPp);
  const rows = challenge.observations.slice(0, shown);
  return (
    <>
      <table className="st-table st-table--compact" data-testid="challenge-observations">
        <thead>
          <tr>
            <th>{t('challenge.pilot')}</th>
            {ids.length > 1 ? <th>{t('challenge.strategy')}</th> : null}
            <th>{t('metric.conversion-uplift-pp')}</th>
            <th>{t('metric.new-money-per-customer-cny')}</th>
            <th>{t('metric.cost-total-cny')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((o) =>
            ids.map((id) => {
              const s = o.strategies[id];
              return (
                <tr key={`${o.pilot}-${id}`} data-testid="challenge-observation">
                  <td>{o.pilot}</td>
                  {ids.length > 1 ? <td>{id}</td> : null}
                  <td>{fmt(s.conversionUpliftPp, lang)}</td>
                  <td>{fmt(s.newMoneyPerCustomerCny, lang, 0)}</td>
                  <td>{fmt(s.costCny, lang, 0)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <p className="st-muted" data-testid="challenge-naive">
        {t('challenge.naive', {
          gaps: ids
            .map((id) => `${ids.length > 1 ? `${id} ` : ''}${fmt(challenge.naiveGapPp[id], lang)} pp`)
            .join(' · '),
        })}
      </p>
    </>
  );
}
