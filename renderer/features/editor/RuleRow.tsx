import { useTranslation } from 'react-i18next';
import { isWithin } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useShallowState } from '../../state/hooks';
import { fieldId } from './fields';
import { RuleCondition } from './RuleCondition';
import { RULE_ATTRS, type RuleDoc } from './rule-kinds';

export type RuleRowProps = {
  strategyIndex: number;
  ruleIndex: number;
  rule: RuleDoc;
  onChange(rule: RuleDoc): void;
  /** A new attribute resets the whole rule to a valid default for it. */
  onAttrChange(attr: string): void;
  onRemove(): void;
};

/** One target rule: attribute, its condition, and the validation messages about this rule. */
export function RuleRow({ strategyIndex, ruleIndex, rule, onChange, onAttrChange, onRemove }: RuleRowProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const path = `strategies[${strategyIndex}].target.rules[${ruleIndex}]`;
  const suffix = `${strategyIndex}-${ruleIndex}`;
  const issues = useShallowState((s) => s.issues.filter((i) => isWithin(i.path, path)));
  const isBad = (field: string) => issues.some((i) => isWithin(i.path, `${path}.${field}`));
  const errorId = `rule-error-${suffix}`;
  const attr = rule.attr ?? '';
  const isKnownAttr = RULE_ATTRS.includes(attr as never);
  const attrLabel = isKnownAttr ? t(`strategies.ruleAttr.${attr}`) : attr;
  return (
    <li className={`rulerow${issues.length ? ' rulerow--error' : ''}`} data-testid={`rule-${suffix}`}>
      <div className="rulerow__head">
        <select
          id={fieldId(`${path}.attr`)}
          className="input input--select"
          value={attr}
          aria-label={t('strategies.ruleAttrLabel', { n: ruleIndex + 1 })}
          aria-invalid={isBad('attr') || undefined}
          aria-describedby={issues.length ? errorId : undefined}
          data-testid={`rule-attr-${suffix}`}
          onChange={(e) => onAttrChange(e.target.value)}
        >
          {isKnownAttr ? null : <option value={attr}>{attr || '—'}</option>}
          {RULE_ATTRS.map((a) => (
            <option key={a} value={a}>
              {t(`strategies.ruleAttr.${a}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--small btn--ghost rulerow__remove"
          aria-label={t('strategies.ruleRemove', { n: ruleIndex + 1 })}
          title={t('strategies.ruleRemove', { n: ruleIndex + 1 })}
          data-testid={`rule-remove-${suffix}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      <RuleCondition
        path={path}
        suffix={suffix}
        attrLabel={attrLabel}
        rule={rule}
        isBad={isBad}
        describedBy={issues.length ? errorId : undefined}
        onChange={onChange}
      />
      {issues.length ? (
        <div id={errorId} className="field__errors" role="alert" data-testid={errorId}>
          {issues.map((i) => (
            <p key={`${i.path}:${i.code}`}>{messages.issue(i)}</p>
          ))}
        </div>
      ) : null}
    </li>
  );
}
