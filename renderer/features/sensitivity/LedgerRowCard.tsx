import { useTranslation } from 'react-i18next';
import type { AssumptionSource, LedgerRow } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { useFmt } from '../../i18n/numbers';
import { useActions, useAppState } from '../../state/hooks';
import { LocalTextField } from '../authoring/LocalTextField';
import { ScenarioNumber, ScenarioText } from '../editor/fields';
import { dropPrior, givePrior, removeFromLedger, setSource } from './ledger-edit';
import { PriorFields } from './PriorFields';

const SOURCES: readonly AssumptionSource[] = ['seed', 'bank_data', 'guess'];

/** One assumption: what it is, its value and range, its source and note, its prior. */
export function LedgerRowCard({ row, label, index }: { row: LedgerRow; label: string; index: number }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFmt();
  const doc = useAppState((s) => s.doc);
  const { replaceDoc } = useActions();
  const at = `ledger[${row.ledgerIndex}]`;
  const sourceId = `ledger-source-${index}`;
  return (
    <li className="ledger-row" data-testid={`ledger-row-${row.param}`} data-kind={row.kind}>
      <header className="ledger-row__head">
        <span className={`badge ledger-row__kind ledger-row__kind--${row.kind}`}>
          {t(`ledger.kind.${row.kind}`)}
        </span>
        <strong className="ledger-row__label" title={row.param}>
          {label}
        </strong>
        <span className="ledger-row__value">
          {t('ledger.value')}: {fmt.num(row.value, 4)}
        </span>
        <span className="ledger-row__range" data-testid={`ledger-range-${row.param}`}>
          {t('ledger.range')}:{' '}
          {t('ledger.rangeText', {
            low: fmt.num(row.low, 4),
            high: fmt.num(row.high, 4),
            basis: t(`ledger.basis.${row.basis}`),
          })}
        </span>
      </header>
      <div className="ledger-row__fields">
        <FieldShell id={sourceId} label={t('ledger.source')}>
          <select
            id={sourceId}
            data-testid={sourceId}
            className="input input--select"
            value={row.source ?? ''}
            onChange={(e) =>
              replaceDoc(
                setSource(
                  doc,
                  row.param,
                  e.target.value === '' ? null : (e.target.value as AssumptionSource),
                ),
              )
            }
          >
            <option value="">{t('ledger.noSource')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`ledger.sources.${s}`)}
              </option>
            ))}
          </select>
        </FieldShell>
        {row.ledgerIndex >= 0 ? (
          <>
            <ScenarioText path={`${at}.reference`} label={t('ledger.reference')} wide />
            <LocalTextField path={`${at}.note`} label={t('ledger.note')} wide />
            <ScenarioNumber path={`${at}.low`} label={t('ledger.low')} />
            <ScenarioNumber path={`${at}.high`} label={t('ledger.high')} />
          </>
        ) : null}
      </div>
      <PriorFields row={row} />
      <div className="ledger-row__actions">
        {row.kind === 'assumption' ? (
          <button
            type="button"
            className="btn"
            onClick={() => replaceDoc(givePrior(doc, row.param, row.value))}
          >
            {t('ledger.givePrior')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => replaceDoc(dropPrior(doc, row.param))}>
            {t('ledger.dropPrior')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--danger"
          data-testid={`ledger-remove-${index}`}
          onClick={() => replaceDoc(removeFromLedger(doc, row.param))}
        >
          {t('ledger.remove')}
        </button>
      </div>
    </li>
  );
}
