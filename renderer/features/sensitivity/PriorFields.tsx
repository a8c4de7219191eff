import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { useActions, useAppState } from '../../state/hooks';
import { ScenarioNumber } from '../editor/fields';
import { changePriorType, PRIOR_FIELDS, PRIOR_TYPES, type PriorType } from './ledger-edit';

/** The prior of a ledger row: its distribution and that distribution's numbers, bound to `uncertainty[i].prior`. */
export function PriorFields({ row }: { row: LedgerRow }) {
  const { t } = useTranslation('sensitivity');
  const doc = useAppState((s) => s.doc);
  const { replaceDoc } = useActions();
  if (!row.prior) return null;
  const at = `uncertainty[${row.priorIndex}].prior`;
  const id = `ledger-prior-type-${row.priorIndex}`;
  return (
    <div className="ledger-prior">
      <FieldShell id={id} label={t('ledger.priorType')}>
        <select
          id={id}
          data-testid={id}
          className="input input--select"
          value={row.prior.type}
          onChange={(e) =>
            replaceDoc(changePriorType(doc, row.priorIndex, e.target.value as PriorType, row.value))
          }
        >
          {PRIOR_TYPES.map((p) => (
            <option key={p} value={p}>
              {t(`ledger.priorTypes.${p}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      {PRIOR_FIELDS[row.prior.type].map((f) => (
        <ScenarioNumber key={f} path={`${at}.${f}`} label={t(`ledger.priorField.${f}`)} />
      ))}
    </div>
  );
}
