// The one document-path module: paths in the form the validator prints them
// (`strategies[1].journey.steps[2].channel`), so an issue, a form field, a source location and an
// IPC payload error share one key. (Uncertainty priors name values by id instead: param-path.ts.)

export type PathSeg = string | number;

export function parsePath(path: string): PathSeg[] {
  const segs: PathSeg[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (const m of path.matchAll(re)) segs.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return segs;
}

/** `['strategies', 1, 'journey']` → `strategies[1].journey` (symbol keys, as zod may report, by name). */
export function formatPath(segs: ReadonlyArray<PathSeg | symbol>): string {
  let out = '';
  for (const s of segs) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const name = typeof s === 'symbol' ? String(s) : s;
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}

/** The path one level up (`a.b[2]` → `a.b`, `a.b` → `a`), or null at the top. */
export function parentPath(path: string): string | null {
  if (path === '') return null;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
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
