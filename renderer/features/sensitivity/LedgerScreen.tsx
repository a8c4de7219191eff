import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/Card';
import { useActions, useAppState } from '../../state/hooks';
import { ParamPicker } from '../compare/ParamPicker';
import { paramChoices } from '../compare/param-choices';
import '../compare/compare.css';
import { useParamLabel } from '../compare/useParamLabel';
import { LedgerRowCard } from './LedgerRowCard';
import { LedgerTable } from './LedgerTable';
import { markAssumption } from './ledger-edit';
import { ledgerRows } from './ledger-rows';
import './sensitivity.css';

/** The assumption ledger: priors and marked parameters, each with its source, note, range and prior. */
export function LedgerScreen() {
  const { t, i18n } = useTranslation('sensitivity');
  const scenario = useAppState((s) => s.scenario);
  const doc = useAppState((s) => s.doc);
  const { replaceDoc, setScreen } = useActions();
  const rows = useMemo(() => ledgerRows(scenario, doc), [scenario, doc]);
  const labelOf = useParamLabel(doc);
  // Any number may be marked, except those already listed and the Monte Carlo settings.
  const choices = useMemo(() => {
    const listed = new Set(rows.map((r) => r.param));
    return paramChoices(doc, i18n.language).filter((c) => typeof c.value === 'number' && !listed.has(c.path));
  }, [doc, rows, i18n.language]);
  return (
    <div className="screen" data-testid="screen-assumptions">
      <ScreenHeader
        title={t('ledger.title')}
        subtitle={t('ledger.subtitle')}
        actions={
          rows.length > 0 ? (
            <button type="button" className="btn" onClick={() => setScreen('sensitivity')}>
              {t('ledger.toSensitivity')}
            </button>
          ) : null
        }
      />
      {!scenario ? (
        <p className="notice" role="status" data-testid="ledger-invalid">
          {t('ledger.invalid')}
        </p>
      ) : null}
      {doc ? (
        <>
          <p className="muted" data-testid="ledger-count">
            {rows.length === 0 ? t('ledger.empty') : t('ledger.count', { count: rows.length })}
          </p>
          <LedgerTable isPrint={false} />
          {rows.length > 0 ? <h3 className="ledger-edit-title">{t('ledger.editTitle')}</h3> : null}
          <ol className="ledger" aria-label={t('ledger.editTitle')}>
            {rows.map((r, i) => (
              <LedgerRowCard key={r.param} row={r} index={i} label={labelOf(r.param)} />
            ))}
          </ol>
          <div className="ledger-add">
            <span className="field__label">{t('ledger.add')}</span>
            <ParamPicker
              id="ledger-add"
              choices={choices}
              doc={doc}
              path=""
              isLocked={false}
              isInitiallyOpen={false}
              onPick={(p) => replaceDoc(markAssumption(doc, p))}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
