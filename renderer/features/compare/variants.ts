// Compare variants: copies of the current scenario with a few values changed (numbers, channels,
// journey routes, ids), named by the same paths uncertainty priors use
// (`strategies[omni_fund].holdout.share`, `strategies[omni_fund].journey.steps[sms].channel`).
import {
  getValue,
  type LoadResult,
  type ParamValue,
  type ScenarioIssue,
  setValue,
  validateScenario,
} from '../../../sim/index';
import type { Override, Variant } from '../../state/store';
import { isCreatable } from './param-choices';

export { numericParams } from './param-choices';

export const MAX_VARIANTS = 4;

/**
 * The document variants start from: the validated scenario with the schema's defaults filled in,
 * so a step's default `waitDays` or `onNoContact` has a path too; the document itself when it does
 * not validate (its variants cannot, either).
 */
export function baseDocument(doc: unknown): unknown {
  const r = validateScenario(doc);
  return r.ok ? JSON.parse(JSON.stringify(r.scenario)) : doc;
}

export function baseValue(doc: unknown, path: string): ParamValue | undefined {
  const r = getValue(doc, path);
  return r.ok ? r.value : undefined;
}

/** A variant applied and validated; an override whose path names nothing is an error at that path. */
export type PreparedVariant = { variant: Variant; result: LoadResult; overrideErrors: ScenarioIssue[] };

/** Apply a variant's overrides to a copy of the base document and validate it. */
export function prepareVariant(doc: unknown, variant: Variant, base = baseDocument(doc)): PreparedVariant {
  const copy: unknown = JSON.parse(JSON.stringify(base ?? null));
  const overrideErrors: ScenarioIssue[] = [];
  for (const o of variant.overrides) {
    if (!o.path) continue;
    const err = setValue(copy, o.path, o.value, { canCreate: isCreatable(o.path) });
    if (err) overrideErrors.push({ severity: 'error', path: o.path, ...err });
  }
  return { variant, result: validateScenario(copy), overrideErrors };
}

/**
 * The scenario document with a variant's changes made in it (for "apply this variant"): the
 * document as written (no defaults filled in) with each override set; null when one cannot be set
 * or the result does not validate.
 */
export function appliedDocument(doc: unknown, variant: Variant): unknown | null {
  const copy: unknown = JSON.parse(JSON.stringify(doc ?? null));
  for (const o of variant.overrides) {
    if (!o.path) continue;
    if (setValue(copy, o.path, o.value, { canCreate: isCreatable(o.path) })) return null;
  }
  return validateScenario(copy).ok ? copy : null;
}

/** Add overrides to a variant's, replacing those at the same paths (and dropping unfinished rows). */
export function mergeOverrides(existing: readonly Override[], added: readonly Override[]): Override[] {
  const paths = new Set(added.map((o) => o.path));
  return [...existing.filter((o) => o.path && !paths.has(o.path)), ...added];
}

export function defaultVariants(
  doc: unknown,
  names: { current: string; holdout(share: string): string },
): Variant[] {
  const first = (doc as { strategies?: Array<{ id?: string; holdout?: { share?: number } }> } | null)
    ?.strategies?.[0];
  const variants: Variant[] = [{ id: 'v1', name: names.current, overrides: [] }];
  if (first?.id) {
    const share = first.holdout?.share ?? 0.1;
    const next = share >= 0.2 ? Math.max(0.05, share / 2) : 0.2;
    variants.push({
      id: 'v2',
      name: names.holdout(`${Math.round(next * 100)}%`),
      overrides: [{ path: `strategies[${first.id}].holdout.share`, value: next }],
    });
  }
  return variants;
}

export function nextVariantId(variants: readonly Variant[]): string {
  let n = variants.length + 1;
  while (variants.some((v) => v.id === `v${n}`)) n++;
  return `v${n}`;
}
