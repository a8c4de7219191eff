// Paths in the form the validator prints them (`strategies[1].journey.steps[2].channel`), so a form
// field and the issues about it share one key.

export type PathSeg = string | number;

export function parsePath(path: string): PathSeg[] {
  const segs: PathSeg[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (const m of path.matchAll(re)) segs.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return segs;
}

export function formatPath(segs: readonly PathSeg[]): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

export function getIn(root: unknown, path: string | readonly PathSeg[]): unknown {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  let cur = root;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathSeg, unknown>)[s];
  }
  return cur;
}

/** A copy of root with the value at path replaced (undefined removes an object key). */
export function setIn(root: unknown, path: string | readonly PathSeg[], value: unknown): unknown {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  if (segs.length === 0) return value;
  const [head, ...rest] = segs;
  if (typeof head === 'number') {
    const arr = Array.isArray(root) ? [...root] : [];
    arr[head] = setIn(arr[head], rest, value);
    return arr;
  }
  const obj: Record<string, unknown> =
    root && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setIn(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj;
}

/** Is `path` the same as `prefix` or inside it? */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
