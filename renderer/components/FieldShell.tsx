import type { ReactNode } from 'react';

export type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  children: ReactNode;
  wide?: boolean;
  /** Beside the label, e.g. the glossary's ⓘ. */
  info?: ReactNode;
};

/** Label, control, hint and the validation messages that belong to this one field. */
export function FieldShell({ id, label, hint, errors = [], children, wide, info }: FieldShellProps) {
  const hasError = errors.length > 0;
  return (
    <div className={`field${hasError ? ' field--error' : ''}${wide ? ' field--wide' : ''}`}>
      <span className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {info}
      </span>
      {children}
      {hint && !hasError ? (
        <small id={`${id}-hint`} className="field__hint">
          {hint}
        </small>
      ) : null}
      {hasError ? (
        <div id={`${id}-error`} className="field__errors" role="alert" data-testid={`${id}-error`}>
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
