import { useTranslation } from 'react-i18next';
import { NumberInput } from '../../components/NumberInput';
import type { Variant } from '../../state/store';
import { baseValue, type PreparedVariant } from './variants';

export type VariantCardProps = {
  prepared: PreparedVariant;
  doc: unknown;
  letter: string;
  canRemove: boolean;
  isLocked: boolean;
  onChange(v: Variant): void;
  onRemove(): void;
};

/** One variant: its name and the numbers it changes relative to the current scenario. */
export function VariantCard({
  prepared,
  doc,
  letter,
  canRemove,
  isLocked,
  onChange,
  onRemove,
}: VariantCardProps) {
  const { t } = useTranslation();
  const { variant, result, overrideErrors } = prepared;
  const problems = [
    ...overrideErrors,
    ...(result.ok
      ? []
      : result.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`)),
  ];
  const setOverride = (i: number, patch: Partial<Variant['overrides'][number]>) =>
    onChange({ ...variant, overrides: variant.overrides.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
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
          >
            ✕
          </button>
        ) : null}
      </header>
      <div className="card__body">
        {variant.overrides.length === 0 ? <p className="muted">{t('compare.noChanges')}</p> : null}
        <ul className="overrides">
          {variant.overrides.map((o, i) => {
            const was = baseValue(doc, o.path);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <li key={i} className="override">
                <input
                  className="input override__path"
                  list="param-paths"
                  aria-label={t('compare.parameter')}
                  data-testid={`override-path-${variant.id}-${i}`}
                  value={o.path}
                  placeholder={t('compare.parameterPlaceholder')}
                  disabled={isLocked}
                  onChange={(e) => setOverride(i, { path: e.target.value.trim() })}
                />
                <NumberInput
                  id={`override-value-${variant.id}-${i}`}
                  testId={`override-value-${variant.id}-${i}`}
                  value={o.value}
                  disabled={isLocked}
                  onChange={(v) => {
                    if (typeof v === 'number') setOverride(i, { value: v });
                  }}
                />
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  aria-label={t('compare.removeChange')}
                  disabled={isLocked}
                  onClick={() =>
                    onChange({ ...variant, overrides: variant.overrides.filter((_, j) => j !== i) })
                  }
                >
                  ✕
                </button>
                <small className="override__was">
                  {was !== undefined ? t('compare.was', { value: was }) : ''}
                </small>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="btn btn--small"
          disabled={isLocked}
          data-testid={`variant-add-change-${variant.id}`}
          onClick={() => onChange({ ...variant, overrides: [...variant.overrides, { path: '', value: 0 }] })}
        >
          + {t('compare.addChange')}
        </button>
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
