// Small helpers for editing scenario documents as plain JSON (the document may still have errors):
// the lists of elements with ids, and a fresh id among taken ones.

export type Json = Record<string, unknown>;

/** The objects of a JSON list (anything else, or a non-list, gives none). */
export const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x): x is Json => x !== null && typeof x === 'object') : [];

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export const idOf = (x: Json): string | undefined => (typeof x.id === 'string' ? x.id : undefined);

/** A deep copy of a JSON value. */
export const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** `base`, or `base_2`, `base_3`, … : the first not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base}_${k}`;
    if (!taken.has(candidate)) return candidate;
  }
}
