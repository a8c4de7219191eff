import { useTranslation } from 'react-i18next';
import { NumberInput } from '../../components/NumberInput';
import type { OverrideValue } from '../../state/store';
import { valueKind, valueOptions } from './param-choices';
import { optionLabel } from './param-labels';

export type ValueControlProps = {
  /** `${variantId}-${row}`, for ids and test ids. */
  id: string;
  doc: unknown;
  path: string;
  value: OverrideValue;
  isLocked: boolean;
  onChange(value: OverrideValue): void;
};

/** The new value of one override, as its parameter needs it: a select of ids, a checkbox, or a number. */
export function ValueControl({ id, doc, path, value, isLocked, onChange }: ValueControlProps) {
  const { t } = useTranslation();
  const testId = `override-value-${id}`;
  const label = t('compare.newValue');
  const options = valueOptions(doc, path);
  if (options) {
    const current = String(value);
    const isKnown = options.some((o) => o.value === current);
    return (
      <select
        className="input override__value"
        aria-label={label}
        data-testid={testId}
        value={current}
        disabled={isLocked}
        onChange={(e) => onChange(e.target.value)}
      >
        {isKnown ? null : <option value={current}>{t('compare.unknownValue', { value: current })}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {optionLabel(t, o)}
          </option>
        ))}
      </select>
    );
  }
  const kind = valueKind(doc, path);
  if (kind === 'boolean')
    return (
      <label className="override__value override__check">
        <input
          type="checkbox"
          data-testid={testId}
          checked={value === true}
          disabled={isLocked}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  if (kind === 'text')
    return (
      <input
        className="input override__value"
        aria-label={label}
        data-testid={testId}
        value={String(value)}
        disabled={isLocked}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <span className="override__value">
      <label className="sr-only" htmlFor={testId}>
        {label}
      </label>
      <NumberInput
        id={testId}
        testId={testId}
        value={value}
        disabled={isLocked}
        onChange={(v) => {
          if (typeof v === 'number') onChange(v);
        }}
      />
    </span>
  );
}
