export type ChoiceProps<T extends string> = {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
  testId: string;
};

/** A labelled native select: keyboard- and screen-reader-friendly without extra code. */
export function Choice<T extends string>({ label, value, options, onChange, testId }: ChoiceProps<T>) {
  return (
    <label className="st-choice">
      <span className="st-choice__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
