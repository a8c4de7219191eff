import './target-rules.css';
import { useTranslation } from 'react-i18next';
import { useActions, useDocValue, useFieldIssues } from '../../state/hooks';
import { fieldId } from './fields';
import { RuleRow } from './RuleRow';
import { defaultRule, type RuleAttr, type RuleDoc } from './rule-kinds';

/** The target rules of one strategy (all must hold), edited in place; every edit goes to the document. */
export function TargetRulesEditor({ strategyIndex }: { strategyIndex: number }) {
  const { t } = useTranslation();
  const path = `strategies[${strategyIndex}].target.rules`;
  const raw = useDocValue(path);
  const population = useDocValue('population');
  const products = useDocValue('products');
  const listErrors = useFieldIssues(path);
  const { setField } = useActions();
  const rules = Array.isArray(raw) ? (raw as RuleDoc[]) : [];
  const doc = { population, products };
  const setRules = (next: RuleDoc[]) => setField(path, next);
  const labelId = `rules-label-${strategyIndex}`;
  return (
    <div className={`field field--wide${listErrors.length ? ' field--error' : ''}`}>
      <span className="field__label" id={labelId}>
        {t('strategies.rules')}
      </span>
      {rules.length === 0 ? (
        <p className="field__hint rules__empty" data-testid={`rules-empty-${strategyIndex}`}>
          {t('strategies.rulesNone')}
        </p>
      ) : (
        <ol className="rules" aria-labelledby={labelId} data-testid={`rules-${strategyIndex}`}>
          {rules.map((rule, k) => (
            <RuleRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; position is their identity in the document
              key={k}
              strategyIndex={strategyIndex}
              ruleIndex={k}
              rule={rule ?? {}}
              onChange={(next) => setRules(rules.map((r, j) => (j === k ? next : r)))}
              onAttrChange={(attr) =>
                setRules(rules.map((r, j) => (j === k ? defaultRule(attr as RuleAttr, doc) : r)))
              }
              onRemove={() => setRules(rules.filter((_, j) => j !== k))}
            />
          ))}
        </ol>
      )}
      {listErrors.length ? (
        <div className="field__errors" role="alert" data-testid={`rules-error-${strategyIndex}`}>
          {listErrors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      <div>
        <button
          id={fieldId(path)}
          type="button"
          className="btn btn--small"
          data-testid={`rule-add-${strategyIndex}`}
          onClick={() => setRules([...rules, defaultRule('tier', doc)])}
        >
          {t('strategies.ruleAdd')}
        </button>
      </div>
    </div>
  );
}
