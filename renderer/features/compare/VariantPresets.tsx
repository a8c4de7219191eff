import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Override } from '../../state/store';
import {
  channelSwapPreset,
  dropStepPreset,
  HOLDOUT_SHARES,
  holdoutPreset,
  type PresetResult,
  presetTargets,
} from './presets';

export type VariantPresetsProps = {
  variantId: string;
  /** The base document (defaults filled in). */
  doc: unknown;
  isLocked: boolean;
  onApply(preset: { overrides: Override[]; name: string }): void;
};

/** One-click variants: a holdout share, a step on another channel, a step dropped — for one strategy. */
export function VariantPresets({ variantId: vid, doc, isLocked, onApply }: VariantPresetsProps) {
  const { t, i18n } = useTranslation();
  const targets = useMemo(() => presetTargets(doc, i18n.language), [doc, i18n.language]);
  const [strategyRef, setStrategyRef] = useState('');
  const [swapStepId, setSwapStepId] = useState('');
  const [channelId, setChannelId] = useState('');
  const [dropStepId, setDropStepId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const strategy = targets.strategies.find((s) => s.ref === strategyRef) ?? targets.strategies[0];
  if (!strategy) return null;
  const swapStep = strategy.steps.find((s) => s.id === swapStepId) ?? strategy.steps[0];
  const others = targets.channels.filter((c) => c.id !== swapStep?.channel);
  const toChannel = others.find((c) => c.id === channelId) ?? others[0];
  const dropStep = strategy.steps.find((s) => s.id === dropStepId) ?? strategy.steps[0];
  const channelName = (id: string) => targets.channels.find((c) => c.id === id)?.name ?? id;
  const apply = (r: PresetResult) => {
    if (!r.ok) return setError(t(`compare.preset.${r.error.key}`, r.error.values));
    setError(null);
    onApply({ overrides: r.overrides, name: t(`compare.preset.${r.name.key}`, r.name.values) });
  };
  const stepOptions = strategy.steps.map((s) => (
    <option key={s.id} value={s.id}>
      {`${s.id} · ${channelName(s.channel)}`}
    </option>
  ));
  return (
    <fieldset className="presets" disabled={isLocked} data-testid={`variant-presets-${vid}`}>
      <legend>{t('compare.preset.title')}</legend>
      <label className="presets__row">
        <span>{t('compare.preset.strategy')}</span>
        <select
          className="input"
          data-testid={`preset-strategy-${vid}`}
          value={strategy.ref}
          onChange={(e) => setStrategyRef(e.target.value)}
        >
          {targets.strategies.map((s) => (
            <option key={s.ref} value={s.ref}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="presets__row">
        <legend className="presets__label">{t('compare.preset.holdoutGroup')}</legend>
        {HOLDOUT_SHARES.map((share) => (
          <button
            key={share}
            type="button"
            className="btn btn--small"
            data-testid={`preset-holdout-${Math.round(share * 100)}-${vid}`}
            onClick={() => apply(holdoutPreset(strategy, share))}
          >
            {`${Math.round(share * 100)}%`}
          </button>
        ))}
      </fieldset>
      <fieldset className="presets__row">
        <legend className="presets__label">{t('compare.preset.swapGroup')}</legend>
        <select
          className="input presets__step"
          aria-label={t('compare.preset.swapStep')}
          data-testid={`preset-swap-step-${vid}`}
          value={swapStep?.id ?? ''}
          onChange={(e) => setSwapStepId(e.target.value)}
        >
          {stepOptions}
        </select>
        <span aria-hidden="true">→</span>
        <select
          className="input"
          aria-label={t('compare.preset.toChannel')}
          data-testid={`preset-swap-channel-${vid}`}
          value={toChannel?.id ?? ''}
          onChange={(e) => setChannelId(e.target.value)}
        >
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--small"
          data-testid={`preset-swap-${vid}`}
          disabled={!swapStep || !toChannel}
          onClick={() =>
            swapStep && toChannel && apply(channelSwapPreset(targets, strategy, swapStep.id, toChannel.id))
          }
        >
          {t('compare.preset.swap')}
        </button>
      </fieldset>
      <fieldset className="presets__row">
        <legend className="presets__label">{t('compare.preset.dropGroup')}</legend>
        <select
          className="input"
          aria-label={t('compare.preset.dropStep')}
          data-testid={`preset-drop-step-${vid}`}
          value={dropStep?.id ?? ''}
          onChange={(e) => setDropStepId(e.target.value)}
        >
          {stepOptions}
        </select>
        <button
          type="button"
          className="btn btn--small"
          data-testid={`preset-drop-${vid}`}
          disabled={!dropStep}
          onClick={() => dropStep && apply(dropStepPreset(strategy, dropStep.id))}
        >
          {t('compare.preset.drop')}
        </button>
      </fieldset>
      {error ? (
        <p className="field__errors" role="alert" data-testid={`preset-error-${vid}`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
