import { useTranslation } from 'react-i18next';
import type { BranchSelection } from '../../../sim/index';
import { useFmt } from '../../i18n/numbers';

/** The pilot and control branches and how alike the two arms are (standardized differences). */
export function BalanceTable({ selection }: { selection: BranchSelection }) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  // Region ids are the scenario's; the usual compass names are translated, others shown as they are.
  const region = (id: string) => t(`regionName.${id}`, { defaultValue: id });
  const name = (key: string) =>
    key.startsWith('region:') ? t('balance.region', { region: region(key.slice(7)) }) : t(`balance.${key}`);
  return (
    <section aria-label={t('balance.title')} data-testid="planner-balance">
      <h4 className="section-title">{t('balance.title')}</h4>
      <p>
        {t('balance.pilot')}: <span data-testid="planner-pilot-branches">{selection.pilot.join(' ')}</span>
        <br />
        {t('balance.control')}:{' '}
        <span data-testid="planner-control-branches">{selection.control.join(' ')}</span>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('balance.characteristic')}</th>
            <th scope="col" className="num">
              {t('balance.pilotArm')}
            </th>
            <th scope="col" className="num">
              {t('balance.controlArm')}
            </th>
            <th scope="col" className="num">
              {t('balance.stdDiff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {selection.balance.map((r) => (
            <tr key={r.key} data-testid={`planner-balance-${r.key}`} data-imbalanced={r.isImbalanced}>
              <th scope="row">{name(r.key)}</th>
              <td className="num">
                {r.kind === 'share' ? fmt.pct(r.treatment, 0) : fmt.num(r.treatment, 1)}
              </td>
              <td className="num">{r.kind === 'share' ? fmt.pct(r.control, 0) : fmt.num(r.control, 1)}</td>
              <td className="num">
                {fmt.num(r.stdDiff, 2)}
                {r.isImbalanced ? ` ⚠ ${t('balance.imbalanced')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('balance.note')}</p>
    </section>
  );
}
