// The saved Compare variants (`compare.variants[].overrides[]`) name elements too: by path
// (`strategies[omni_fund].holdout.share`, `products[fund].propensity.base`) or by value (an offer
// switched to product `fund`, a step switched to channel `sms`). Deleting or renaming an element
// must not leave an override pointing at nothing; these helpers list and make those changes.
import { arr, isObject, type Json } from './doc-lists';

/** What deleting or renaming an element does to the overrides: which paths name it, which fields hold its id. */
export type OverrideMatch = {
  /** The override's path names the element (or a part of it). */
  names(path: string): boolean;
  /** The override's path is a field whose value is an id of the element's kind (`….offer.product`). */
  holdsId?: RegExp;
};

export type OverrideChange = { path: string; action: 'remove' | 'replace'; to?: string };

type Located = { v: number; o: number; override: Json };

function overridesOf(doc: Json): Located[] {
  const compare = isObject(doc.compare) ? doc.compare : {};
  return arr(compare.variants).flatMap((variant, v) =>
    arr(variant.overrides).map((override, o) => ({ v, o, override })),
  );
}

const pathOf = (o: Json) => (typeof o.path === 'string' ? o.path : '');
const isRef = (o: Json, id: string, m: OverrideMatch) =>
  m.names(pathOf(o)) || (m.holdsId?.test(pathOf(o)) === true && o.value === id);

/** The overrides deleting element `id` removes (they would name nothing). */
export function compareDeletionChanges(doc: Json, id: string, m: OverrideMatch): OverrideChange[] {
  return overridesOf(doc)
    .filter((x) => isRef(x.override, id, m))
    .map((x) => ({ path: `compare.variants[${x.v}].overrides[${x.o}]`, action: 'remove' as const }));
}

/** Remove, in `doc` (a copy the caller owns), the overrides compareDeletionChanges lists. */
export function dropCompareOverrides(doc: Json, id: string, m: OverrideMatch): void {
  const compare = isObject(doc.compare) ? doc.compare : undefined;
  for (const variant of arr(compare?.variants))
    if (Array.isArray(variant.overrides))
      variant.overrides = arr(variant.overrides).filter((o) => !isRef(o, id, m));
}

/**
 * Follow a rename in `doc` (a copy the caller owns): paths naming the element get `renamePath`,
 * values holding its id become `to`.
 */
export function renameInCompare(
  doc: Json,
  from: string,
  to: string,
  m: OverrideMatch,
  renamePath: (path: string) => string,
): void {
  for (const { override } of overridesOf(doc)) {
    const path = pathOf(override);
    if (m.names(path)) override.path = renamePath(path);
    else if (m.holdsId?.test(path) && override.value === from) override.value = to;
  }
}
