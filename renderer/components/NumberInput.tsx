import { useEffect, useState } from 'react';

export type NumberInputProps = {
  id: string;
  /** The document value; a string when the user typed something that is not a number. */
  value: unknown;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
  disabled?: boolean;
  /** A number, undefined (empty field) or the raw text when it does not parse, so validation can say why. */
  onChange(value: number | string | undefined): void;
};

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/[,，\s_]/g, '');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

/** A text box for numbers: keeps what the user types (e.g. "0.") while passing parsed values up. */
export function NumberInput({
  id,
  value,
  placeholder,
  invalid,
  describedBy,
  testId,
  disabled,
  onChange,
}: NumberInputProps) {
  const [draft, setDraft] = useState(show(value));
  useEffect(() => {
    setDraft((d) => (parseNumberText(d) === value ? d : show(value)));
  }, [value]);
  return (
    <input
      id={id}
      className="input input--number"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={draft}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      disabled={disabled}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(parseNumberText(e.target.value));
      }}
    />
  );
}
