import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { useActions, useDocValue } from '../../state/hooks';
import { fieldId, ScenarioNumber } from './fields';

type Rule = { attr?: string; op?: string; values?: string[]; value?: number };

function ruleText(r: Rule): string {
  const rhs = r.values ? r.values.join(', ') : r.value !== undefined ? String(r.value) : '';
  return `${r.attr ?? '?'} ${r.op ?? '='} ${rhs}`.trim();
}

/** The target segment: rules (edited in the raw JSON) and an optional top-share cut by propensity. */
export function TargetSummary({ base }: { base: string }) {
  const { t } = useTranslation();
  const rules = useDocValue(`${base}.target.rules`);
  const topK = useDocValue(`${base}.target.topK`);
  const { setField } = useActions();
  const id = fieldId(`${base}.target.topK`);
  return (
    <>
      <div className="field field--wide">
        <span className="field__label">{t('strategies.rules')}</span>
        <ul className="chips" aria-label={t('strategies.rules')}>
          {Array.isArray(rules) && rules.length > 0 ? (
            (rules as Rule[]).map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; the list is display-only
              <li key={i} className="chip">
                {ruleText(r)}
              </li>
            ))
          ) : (
            <li className="chip chip--muted">{t('strategies.allCustomers')}</li>
          )}
        </ul>
        <small className="field__hint">{t('strategies.rulesHint')}</small>
      </div>
      <FieldShell id={id} label={t('strategies.topKEnabled')}>
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          className="checkbox"
          checked={topK !== undefined}
          onChange={(e) => setField(`${base}.target.topK`, e.target.checked ? { share: 0.5 } : undefined)}
        />
      </FieldShell>
      {topK !== undefined ? (
        <ScenarioNumber path={`${base}.target.topK.share`} label={t('strategies.topKShare')} />
      ) : null}
    </>
  );
}
