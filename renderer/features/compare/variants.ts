// Compare variants: copies of the current scenario with a few numbers changed, named by the same
// paths uncertainty priors use (`strategies[omni_fund].holdout.share`).
import { getParam, type LoadResult, setParam, validateScenario } from '../../../sim/scenario';
import type { Variant } from '../../state/store';

export const MAX_VARIANTS = 4;

/** Every number in the document, by parameter path (list elements by id where they have one). */
export function numericParams(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') {
      if (path !== 'version') out.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((el, i) => {
        const id = el && typeof el === 'object' ? (el as { id?: unknown }).id : undefined;
        walk(el, `${path}[${typeof id === 'string' ? id : i}]`);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) walk(child, path ? `${path}.${k}` : k);
    }
  };
  walk(doc, '');
  return out;
}

export function baseValue(doc: unknown, path: string): number | undefined {
  const v = getParam(doc, path);
  return typeof v === 'number' ? v : undefined;
}

export type PreparedVariant = { variant: Variant; result: LoadResult; overrideErrors: string[] };

/** Apply a variant's overrides to a copy of the document and validate it. */
export function prepareVariant(doc: unknown, variant: Variant): PreparedVariant {
  const copy: unknown = JSON.parse(JSON.stringify(doc ?? null));
  const overrideErrors: string[] = [];
  for (const o of variant.overrides) {
    if (!o.path) continue;
    const err = setParam(copy, o.path, o.value);
    if (err) overrideErrors.push(`${o.path} ${err}`);
  }
  return { variant, result: validateScenario(copy), overrideErrors };
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
