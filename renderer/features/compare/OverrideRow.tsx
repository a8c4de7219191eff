import { useTranslation } from 'react-i18next';
import type { Override } from '../../state/store';
import { ParamPicker } from './ParamPicker';
import { type ParamChoice, valueOptions } from './param-choices';
import { showValue } from './param-labels';
import { ValueControl } from './ValueControl';
import { baseValue } from './variants';

export type OverrideRowProps = {
  variantId: string;
  index: number;
  override: Override;
  /** The base document (defaults filled in). */
  doc: unknown;
  choices: readonly ParamChoice[];
  isLocked: boolean;
  onChange(o: Override): void;
  onRemove(): void;
};

/** One change of a variant: which parameter (picker, or a typed path), its new value, and what it was. */
export function OverrideRow({
  variantId,
  index,
  override,
  doc,
  choices,
  isLocked,
  onChange,
  onRemove,
}: OverrideRowProps) {
  const { t } = useTranslation();
  const id = `${variantId}-${index}`;
  const choice = choices.find((c) => c.path === override.path);
  const was = baseValue(doc, override.path);
  // A new parameter starts at its current value (an optional one at its first choice), so the
  // row changes nothing until the user edits the value.
  const startValue = (path: string) => baseValue(doc, path) ?? valueOptions(doc, path)?.[0]?.value;
  const pick = (path: string) => onChange({ path, value: startValue(path) ?? override.value });
  const type = (path: string) => {
    const start = startValue(path);
    const isSameType = start === undefined || typeof start === typeof override.value;
    onChange({ path, value: isSameType ? override.value : start });
  };
  const wasText = choice || was !== undefined ? showValue(t, doc, override.path, was) : null;
  return (
    <li className="override">
      <ParamPicker
        id={id}
        choices={choices}
        doc={doc}
        path={override.path}
        isLocked={isLocked}
        isInitiallyOpen={override.path === ''}
        onPick={pick}
      />
      <ValueControl
        id={id}
        doc={doc}
        path={override.path}
        value={override.value}
        isLocked={isLocked}
        onChange={(value) => onChange({ ...override, value })}
      />
      <button
        type="button"
        className="btn btn--small btn--ghost override__remove"
        aria-label={t('compare.removeChange')}
        data-testid={`override-remove-${id}`}
        disabled={isLocked}
        onClick={onRemove}
      >
        ✕
      </button>
      <small className="override__was">{wasText !== null ? t('compare.was', { value: wasText }) : ''}</small>
      <details className="override__advanced">
        <summary>{t('compare.advancedPath')}</summary>
        <input
          className="input override__path"
          list="param-paths"
          aria-label={t('compare.parameterPath')}
          data-testid={`override-path-${id}`}
          value={override.path}
          placeholder={t('compare.parameterPlaceholder')}
          spellCheck={false}
          disabled={isLocked}
          onChange={(e) => type(e.target.value.trim())}
        />
      </details>
    </li>
  );
}
