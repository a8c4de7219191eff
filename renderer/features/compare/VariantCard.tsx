import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/messages';
import type { Override, Variant } from '../../state/store';
import { OverrideRow } from './OverrideRow';
import type { ParamChoice } from './param-choices';
import { VariantPresets } from './VariantPresets';
import { mergeOverrides, type PreparedVariant } from './variants';

export type VariantCardProps = {
  prepared: PreparedVariant;
  /** The base document (defaults filled in, see baseDocument). */
  doc: unknown;
  choices: readonly ParamChoice[];
  letter: string;
  /** The first variant: the others are compared with it, so presets stay folded on it. */
  isBase: boolean;
  canRemove: boolean;
  isLocked: boolean;
  onChange(v: Variant): void;
  onRemove(): void;
  /** Make this variant's changes in the scenario itself (one undo step); absent on the base. */
  onApply?: () => void;
};

/** One variant: its name and what it changes relative to the current scenario (values or presets). */
export function VariantCard({
  prepared,
  doc,
  choices,
  letter,
  isBase,
  canRemove,
  isLocked,
  onChange,
  onRemove,
  onApply,
}: VariantCardProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [isPresetsOpen, setPresetsOpen] = useState(false);
  const { variant, result, overrideErrors } = prepared;
  const isEmpty = variant.overrides.length === 0;
  const isPresetsInline = isEmpty && !isBase;
  const problems = [
    ...overrideErrors,
    ...(result.ok ? [] : result.issues.filter((i) => i.severity === 'error')),
  ].map((i) => `${i.path}: ${messages.issue(i)}`);
  const setOverrides = (overrides: Override[]) => onChange({ ...variant, overrides });
  return (
    <section className="card variant" aria-label={variant.name} data-testid={`variant-${variant.id}`}>
      <header className="card__header">
        <span className="variant__letter" aria-hidden="true">
          {letter}
        </span>
        <input
          className="input variant__name"
          aria-label={t('compare.variantName')}
          data-testid={`variant-name-${variant.id}`}
          value={variant.name}
          disabled={isLocked}
          onChange={(e) => onChange({ ...variant, name: e.target.value })}
        />
        {canRemove ? (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={onRemove}
            disabled={isLocked}
            aria-label={t('compare.removeVariant', { name: variant.name })}
            data-testid={`variant-remove-${variant.id}`}
          >
            ✕
          </button>
        ) : null}
      </header>
      <div className="card__body">
        {isEmpty ? <p className="muted">{t('compare.noChanges')}</p> : null}
        <ul className="overrides">
          {variant.overrides.map((o, i) => (
            <OverrideRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              key={i}
              variantId={variant.id}
              index={i}
              override={o}
              doc={doc}
              choices={choices}
              isLocked={isLocked}
              onChange={(next) => setOverrides(variant.overrides.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setOverrides(variant.overrides.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
        <div className="variant__actions">
          <button
            type="button"
            className="btn btn--small"
            disabled={isLocked}
            data-testid={`variant-add-change-${variant.id}`}
            onClick={() => setOverrides([...variant.overrides, { path: '', value: 0 }])}
          >
            + {t('compare.addChange')}
          </button>
          {onApply && !isEmpty ? (
            <button
              type="button"
              className="btn btn--small"
              disabled={isLocked || !result.ok || overrideErrors.length > 0}
              title={t('compare.applyHint')}
              data-testid={`variant-apply-${variant.id}`}
              onClick={onApply}
            >
              {t('compare.apply')}
            </button>
          ) : null}
          {isPresetsInline ? null : (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              aria-expanded={isPresetsOpen}
              disabled={isLocked}
              data-testid={`variant-presets-toggle-${variant.id}`}
              onClick={() => setPresetsOpen(!isPresetsOpen)}
            >
              {t(isPresetsOpen ? 'compare.preset.hide' : 'compare.preset.show')}
            </button>
          )}
        </div>
        {isPresetsInline || isPresetsOpen ? (
          <VariantPresets
            variantId={variant.id}
            doc={doc}
            isLocked={isLocked}
            onApply={(p) => {
              // A fresh variant takes the preset's name; a named one keeps its own.
              onChange({
                ...variant,
                name: isEmpty ? p.name : variant.name,
                overrides: mergeOverrides(variant.overrides, p.overrides),
              });
              setPresetsOpen(false);
            }}
          />
        ) : null}
        {problems.length ? (
          <div className="field__errors" role="alert" data-testid={`variant-errors-${variant.id}`}>
            {problems.slice(0, 3).map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        ) : (
          <p className="ok-line">{t('compare.valid')}</p>
        )}
      </div>
    </section>
  );
}
