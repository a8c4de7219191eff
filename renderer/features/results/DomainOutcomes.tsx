import { useTranslation } from 'react-i18next';
import type { DomainOutcome, StrategySummary } from '../../../sim/index';
import { InfoButton } from '../teaching/InfoButton';
import type { Formatters } from './format';
import { useFormat } from './useFormat';

export type DomainOutcomesProps = { strategy: StrategySummary };

type Row = {
  key: 'productsHeld' | 'mau' | 'logins' | 'tierUp' | 'attrition';
  get: (s: StrategySummary) => DomainOutcome;
  /** Level per arm, and the uplift (rates as percentage points). */
  level: (f: Formatters) => (v: number) => string;
  uplift: (f: Formatters) => (v: number) => string;
};

const signedRatio = (f: Formatters) => (v: number) => (v > 0 ? '+' : '') + f.ratio(v);
const rate = (f: Formatters) => (v: number) => f.percent(v, 1);
const ratePp = (f: Formatters) => (v: number) => f.pp(100 * v);

const ROWS: Row[] = [
  { key: 'productsHeld', get: (s) => s.productsHeldPerCustomer, level: (f) => f.ratio, uplift: signedRatio },
  { key: 'mau', get: (s) => s.mauRate, level: rate, uplift: ratePp },
  { key: 'logins', get: (s) => s.appLoginsPerMonth, level: (f) => f.ratio, uplift: signedRatio },
  { key: 'tierUp', get: (s) => s.tierUpRate, level: rate, uplift: ratePp },
  { key: 'attrition', get: (s) => s.attritionRate, level: rate, uplift: ratePp },
];

/** Products held, MAU, logins, tier-up and attrition: causal uplift beside the naive multiple. */
export function DomainOutcomes({ strategy }: DomainOutcomesProps) {
  const { t } = useTranslation('results');
  const f = useFormat();
  return (
    <section className="st-card" aria-label={t('domain.title')} data-testid="domain-outcomes">
      <header className="st-card__header">
        <h3 className="st-card__title">
          {t('domain.title')}
          <InfoButton path="output.domain-outcomes" />
        </h3>
      </header>
      <table className="st-table">
        <thead>
          <tr>
            <th scope="col">{t('domain.outcome')}</th>
            <th scope="col">{t('arm.treatment')}</th>
            <th scope="col">{t('arm.control')}</th>
            <th scope="col">{t('domain.uplift')}</th>
            <th scope="col">{t('kpi.interval')}</th>
            <th scope="col">{t('domain.naiveRatio')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const d = row.get(strategy);
            const level = row.level(f);
            const up = row.uplift(f);
            return (
              <tr key={row.key} data-testid={`domain-${row.key}`}>
                <th scope="row">{t(`domain.${row.key}`)}</th>
                <td>{level(d.treatment.mean)}</td>
                <td>{level(d.control.mean)}</td>
                <td>{up(d.uplift.mean)}</td>
                <td className="st-muted">{f.range(d.uplift.p05, d.uplift.p95, up)}</td>
                <td>{`×${f.ratio(d.naiveRatio.mean)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="st-muted">{t('domain.note')}</p>
    </section>
  );
}
