import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../sim/index';
import { useFmt } from '../../i18n/numbers';
import { useAppState } from '../../state/hooks';
import { useParamLabel } from '../compare/useParamLabel';
import { ledgerRows } from './ledger-rows';
import './sensitivity.css';

/** The assumption ledger of the open scenario as one table (on the ledger screen and in the printed report). */
export function LedgerTable({ isPrint = true }: { isPrint?: boolean }) {
  const { t, i18n } = useTranslation('sensitivity');
  const fmt = useFmt();
  const scenario = useAppState((s) => s.scenario);
  const doc = useAppState((s) => s.doc);
  const labelOf = useParamLabel(doc);
  const rows = useMemo(() => ledgerRows(scenario, doc), [scenario, doc]);
  if (rows.length === 0) return null;
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return (
    <section
      className={isPrint ? 'print-report__ledger' : 'ledger-summary'}
      data-testid={isPrint ? 'print-ledger' : 'ledger-table'}
    >
      {isPrint ? (
        <h2 className="print-report__heading">{t('report.ledgerTitle')}</h2>
      ) : (
        <h3>{t('ledger.tableTitle')}</h3>
      )}
      <table className="sens-table">
        <thead>
          <tr>
            <th scope="col">{t('tornado.parameter')}</th>
            <th scope="col">{t('ledger.priorType')}</th>
            <th scope="col">{t('ledger.value')}</th>
            <th scope="col">{t('ledger.range')}</th>
            <th scope="col">{t('ledger.source')}</th>
            <th scope="col">{t('ledger.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.param} data-testid={isPrint ? `print-ledger-${r.param}` : undefined}>
              <th scope="row">{labelOf(r.param)}</th>
              <td>{r.prior ? t(`ledger.priorTypes.${r.prior.type}`) : t('ledger.kind.assumption')}</td>
              <td>{fmt.num(r.value, 4)}</td>
              <td>
                {t('ledger.rangeText', {
                  low: fmt.num(r.low, 4),
                  high: fmt.num(r.high, 4),
                  basis: t(`ledger.basis.${r.basis}`),
                })}
              </td>
              <td>
                {r.source ? t(`ledger.sources.${r.source}`) : t('ledger.noSource')}
                {r.reference ? ` · ${r.reference}` : ''}
              </td>
              <td>{r.note ? textIn(r.note, lang) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
