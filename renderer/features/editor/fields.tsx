// Form fields bound to a path of the scenario document. The path is the one validation issues
// carry, so an error about `strategies[0].holdout.share` appears under that field.
import { useTranslation } from 'react-i18next';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { useActions, useDocValue, useFieldIssues, useScenarioValue } from '../../state/hooks';
import { InfoButton } from '../teaching/InfoButton';

/** DOM id of the control for a scenario path (also used to focus it from the issues list). */
export function fieldId(path: string): string {
  return `field-${path}`;
}

type BaseProps = {
  path: string;
  label: string;
  hint?: string;
  wide?: boolean;
  /** For a second control of the same path elsewhere on screen (ids must stay unique). */
  idPrefix?: string;
};

function useBinding(path: string) {
  const value = useDocValue(path);
  const fallback = useScenarioValue(path);
  const errors = useFieldIssues(path);
  const { setField } = useActions();
  return { value, fallback, errors, set: (v: unknown) => setField(path, v) };
}

export function ScenarioNumber({
  path,
  label,
  hint,
  wide,
  format,
  idPrefix = '',
}: BaseProps & { format?: (n: number) => string }) {
  const { t } = useTranslation();
  const { value, fallback, errors, set } = useBinding(path);
  const id = idPrefix + fieldId(path);
  const shown = typeof value === 'number' && format ? `${hint ? `${hint} · ` : ''}= ${format(value)}` : hint;
  return (
    <FieldShell
      id={id}
      label={label}
      hint={shown}
      errors={errors}
      wide={wide}
      info={<InfoButton path={path} />}
    >
      <NumberInput
        id={id}
        testId={id}
        value={value}
        placeholder={
          value === undefined && typeof fallback === 'number'
            ? t('field.default', { value: fallback })
            : undefined
        }
        invalid={errors.length > 0}
        describedBy={errors.length ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={set}
      />
    </FieldShell>
  );
}

export function ScenarioText({
  path,
  label,
  hint,
  wide,
  multiline,
  idPrefix = '',
  onChange,
}: BaseProps & {
  multiline?: boolean;
  /** Instead of writing the path: for an edit that changes more than this field (a step's id). */
  onChange?: (text: string) => void;
}) {
  const binding = useBinding(path);
  const { value, errors } = binding;
  const set = onChange ?? binding.set;
  const id = idPrefix + fieldId(path);
  const common = {
    id,
    'data-testid': id,
    value: value === undefined || value === null ? '' : String(value),
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': errors.length ? `${id}-error` : undefined,
  };
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      wide={wide}
      info={<InfoButton path={path} />}
    >
      {multiline ? (
        <textarea {...common} className="input input--area" rows={3} onChange={(e) => set(e.target.value)} />
      ) : (
        <input {...common} className="input" type="text" onChange={(e) => set(e.target.value)} />
      )}
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function ScenarioSelect({
  path,
  label,
  hint,
  wide,
  options,
  emptyLabel,
}: BaseProps & { options: readonly Option[]; emptyLabel?: string }) {
  const { value, fallback, errors, set } = useBinding(path);
  const id = fieldId(path);
  const current = value === undefined ? (emptyLabel ? '' : String(fallback ?? '')) : String(value);
  const known = options.some((o) => o.value === current) || current === '';
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      wide={wide}
      info={<InfoButton path={path} />}
    >
      <select
        id={id}
        data-testid={id}
        className="input input--select"
        value={current}
        aria-invalid={errors.length > 0 || undefined}
        onChange={(e) => set(e.target.value === '' && emptyLabel ? undefined : e.target.value)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {!known ? <option value={current}>{current}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
