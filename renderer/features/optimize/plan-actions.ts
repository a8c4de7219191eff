// Using the optimizer's plan: as a new Compare variant (the user's variants kept), or written into
// the scenario in one undo step. Values are set at the spec's parameter paths, as Compare sets them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice, OptimizeSpec } from '../../../sim/index';
import { useActions, useStoreApi } from '../../state/hooks';
import type { Override, Variant } from '../../state/store';
import { appliedDocument, MAX_VARIANTS, nextVariantId } from '../compare/variants';
import { notify } from '../shell/toast';

export function planOverrides(spec: Pick<OptimizeSpec, 'variables'>, values: readonly Choice[]): Override[] {
  return spec.variables.map((v, i) => ({ path: v.param, value: values[i] }));
}

/**
 * The variants with the plan added. The Compare screen's offered defaults are not saved until
 * edited, so with none saved the list starts from the current plan (variant A), then the plan.
 */
export function withPlanVariant(
  variants: readonly Variant[],
  plan: { name: string; overrides: Override[] },
  currentName: string,
): Variant[] | null {
  const start: Variant[] = variants.length ? [...variants] : [{ id: 'v1', name: currentName, overrides: [] }];
  if (start.length >= MAX_VARIANTS) return null;
  return [...start, { id: nextVariantId(start), name: plan.name, overrides: plan.overrides }];
}

/** Add the plan as a Compare variant, or apply it to the scenario (undo brings the old values back). */
export function usePlanActions(spec: OptimizeSpec | null, values: readonly Choice[] | null) {
  const { t } = useTranslation('optimize');
  const { t: tc } = useTranslation();
  const store = useStoreApi();
  const { setVariants, replaceDoc, setScreen } = useActions();
  const addVariant = useCallback(() => {
    if (!spec || !values) return;
    const s = store.getState();
    const next = withPlanVariant(
      s.variants,
      { name: t('best.variantName'), overrides: planOverrides(spec, values) },
      tc('compare.current'),
    );
    if (!next) return notify(t('best.variantsFull'));
    setVariants(next);
    notify(t('best.variantAdded'));
    setScreen('compare');
  }, [spec, values, store, setVariants, setScreen, t, tc]);
  const apply = useCallback(() => {
    if (!spec || !values) return;
    const doc = store.getState().doc;
    const next = appliedDocument(doc, { id: 'opt', name: '', overrides: planOverrides(spec, values) });
    if (next === null) return notify(t('best.applyFailed'));
    replaceDoc(next);
    notify(t('best.applied'));
  }, [spec, values, store, replaceDoc, t]);
  const canAddVariant = useCallback(() => {
    const n = store.getState().variants.length;
    return (n === 0 ? 1 : n) < MAX_VARIANTS;
  }, [store]);
  return { addVariant, apply, canAddVariant };
}
