import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueOption } from './rule-kinds';

/** Up to this many options show as toggle chips; more (e.g. 40 branches) as a filterable list. */
const CHIP_LIMIT = 12;

export type ValueChecklistProps = {
  /** DOM id of the group (the issue list focuses it). */
  id: string;
  /** Prefix of the test ids: `<testId>` on the group, `<testId>-<value>` on each option. */
  testId: string;
  label: string;
  options: readonly ValueOption[];
  selected: readonly string[];
  invalid?: boolean;
  describedBy?: string;
  onChange(values: string[]): void;
};

/** A compact multi-select over the scenario's own ids; values it does not know stay visible to remove. */
export function ValueChecklist(props: ValueChecklistProps) {
  const { t } = useTranslation();
  const { id, testId, label, options, selected, invalid, describedBy, onChange } = props;
  const [filter, setFilter] = useState('');
  const isSelected = new Set(selected);
  const known = new Set(options.map((o) => o.value));
  const unknown = selected.filter((v) => !known.has(v));
  // Keep the scenario's order, whatever order the values were picked in.
  const toggle = (value: string) =>
    onChange(
      isSelected.has(value)
        ? selected.filter((v) => v !== value)
        : [...options.map((o) => o.value).filter((v) => isSelected.has(v) || v === value), ...unknown],
    );
  const isLong = options.length > CHIP_LIMIT;
  const needle = filter.trim().toLowerCase();
  const shown = isLong && needle ? options.filter((o) => o.label.toLowerCase().includes(needle)) : options;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={`valuepick${invalid ? ' valuepick--invalid' : ''}`}
      data-testid={testId}
    >
      {unknown.length > 0 ? (
        <div className="valuepick__chips">
          {unknown.map((v) => (
            <button
              key={v}
              type="button"
              className="togglechip togglechip--unknown"
              aria-label={t('strategies.ruleRemoveValue', { value: v })}
              title={t('strategies.ruleRemoveValue', { value: v })}
              data-testid={`${testId}-unknown-${v}`}
              onClick={() => onChange(selected.filter((x) => x !== v))}
            >
              {v} ×
            </button>
          ))}
        </div>
      ) : null}
      {isLong ? (
        <>
          <div className="valuepick__bar">
            <input
              type="search"
              className="input valuepick__filter"
              value={filter}
              placeholder={t('strategies.ruleFilter')}
              aria-label={t('strategies.ruleFilterLabel', { label })}
              data-testid={`${testId}-filter`}
              onChange={(e) => setFilter(e.target.value)}
            />
            <span className="valuepick__count">
              {t('strategies.ruleSelectedCount', {
                n: selected.length - unknown.length,
                total: options.length,
              })}
            </span>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              data-testid={`${testId}-clear`}
              disabled={selected.length === 0}
              onClick={() => onChange([])}
            >
              {t('strategies.ruleClear')}
            </button>
          </div>
          <ul className="valuepick__list">
            {shown.map((o) => (
              <li key={o.value}>
                <label className="valuepick__item" title={o.value}>
                  <input
                    type="checkbox"
                    checked={isSelected.has(o.value)}
                    data-testid={`${testId}-${o.value}`}
                    onChange={() => toggle(o.value)}
                  />
                  <span>{o.label}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="muted">{t('strategies.ruleNoMatch')}</li> : null}
          </ul>
        </>
      ) : (
        <div className="valuepick__chips">
          {options.map((o) => (
            <button
              key={o.value}
              type="button"
              className={`togglechip${isSelected.has(o.value) ? ' togglechip--on' : ''}`}
              aria-pressed={isSelected.has(o.value)}
              title={o.value}
              data-testid={`${testId}-${o.value}`}
              onClick={() => toggle(o.value)}
            >
              {o.label}
            </button>
          ))}
          {options.length === 0 ? <span className="muted">{t('strategies.ruleNoValues')}</span> : null}
        </div>
      )}
    </fieldset>
  );
}
