import { useTranslation } from 'react-i18next';
import { NumberInput } from '../../components/NumberInput';
import { useFmt } from '../../i18n/numbers';
import { useDocValue } from '../../state/hooks';
import { fieldId } from './fields';
import { opsFor, type RuleDoc, ruleKind, ruleValues, valueOptions } from './rule-kinds';
import { ValueChecklist } from './ValueChecklist';

export type RuleConditionProps = {
  /** Scenario path of the rule, e.g. `strategies[0].target.rules[1]`. */
  path: string;
  /** `<strategy>-<rule>`, the end of every test id. */
  suffix: string;
  attrLabel: string;
  rule: RuleDoc;
  isBad(field: 'op' | 'values' | 'value'): boolean;
  describedBy?: string;
  onChange(rule: RuleDoc): void;
};

/** The operator and the value control that fit a rule's attribute (set, yes/no, or a number with units). */
export function RuleCondition({
  path,
  suffix,
  attrLabel,
  rule,
  isBad,
  describedBy,
  onChange,
}: RuleConditionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFmt();
  const population = useDocValue('population');
  const products = useDocValue('products');
  const attr = rule.attr ?? '';
  const kind = ruleKind(rule.attr);
  const value = rule.value;
  if (kind === 'flag') {
    return (
      <select
        id={fieldId(`${path}.value`)}
        className="input input--select rulerow__op"
        value={value === 1 || value === 0 ? String(value) : ''}
        aria-label={t('strategies.ruleValueLabel', { attr: attrLabel })}
        aria-invalid={isBad('value') || undefined}
        aria-describedby={describedBy}
        data-testid={`rule-value-${suffix}`}
        onChange={(e) => onChange({ ...rule, value: Number(e.target.value) })}
      >
        {value === 1 || value === 0 ? null : <option value="">—</option>}
        <option value="1">{t('strategies.ruleYes')}</option>
        <option value="0">{t('strategies.ruleNo')}</option>
      </select>
    );
  }
  const ops = opsFor(rule.attr);
  const op = rule.op ?? (kind === 'set' ? 'in' : '');
  const isKnownOp = ops.includes(op as never);
  const opSelect = (
    <select
      id={fieldId(`${path}.op`)}
      className="input input--select rulerow__op"
      value={op}
      disabled={ops.length < 2 && isKnownOp}
      aria-label={t('strategies.ruleOpLabel', { attr: attrLabel })}
      aria-invalid={isBad('op') || undefined}
      aria-describedby={describedBy}
      data-testid={`rule-op-${suffix}`}
      onChange={(e) => onChange({ ...rule, op: e.target.value })}
    >
      {isKnownOp ? null : <option value={op}>{op || '—'}</option>}
      {ops.map((o) => (
        <option key={o} value={o}>
          {attr === 'holds' || attr === 'not_holds'
            ? t('strategies.ruleOpAnyOf')
            : t(`strategies.ruleOp.${o}`)}
        </option>
      ))}
    </select>
  );
  if (kind === 'set') {
    return (
      <>
        {opSelect}
        <ValueChecklist
          // A new attribute starts with an empty filter.
          key={attr}
          id={fieldId(`${path}.values`)}
          testId={`rule-values-${suffix}`}
          label={t('strategies.ruleValuesLabel', { attr: attrLabel })}
          options={valueOptions(
            rule.attr,
            { population, products },
            (min) => t('strategies.ruleAumBand', { value: fmt.cny(min) }),
            i18n.language,
          )}
          selected={ruleValues(rule)}
          invalid={isBad('values')}
          describedBy={describedBy}
          onChange={(values) => onChange({ ...rule, values })}
        />
      </>
    );
  }
  const sd = (population as { temperature?: { sdLogit?: unknown } } | undefined)?.temperature?.sdLogit;
  const unit = t(`strategies.ruleUnit.${attr}`, { sd: typeof sd === 'number' ? sd : '—', defaultValue: '' });
  const shown =
    typeof value === 'number' && (attr === 'aum_cny' || attr === 'propensity')
      ? ` = ${attr === 'aum_cny' ? fmt.cny(value) : fmt.pct(value)}`
      : '';
  const id = fieldId(`${path}.value`);
  return (
    <div className="rulerow__number">
      {opSelect}
      <label className="sr-only" htmlFor={id}>
        {t('strategies.ruleValueLabel', { attr: attrLabel })}
      </label>
      <NumberInput
        id={id}
        testId={`rule-value-${suffix}`}
        value={value}
        invalid={isBad('value')}
        describedBy={describedBy ?? `rule-unit-${suffix}`}
        onChange={(v) => onChange({ ...rule, value: v })}
      />
      <span className="rulerow__unit" id={`rule-unit-${suffix}`}>
        {unit}
        {shown}
      </span>
    </div>
  );
}
