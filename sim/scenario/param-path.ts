// Paths that name one value in a scenario, as uncertainty priors use them:
// `channels[ai_call].responseEffect`, `products[wmp].propensity.base`, `population.events.payroll.responseMultiplier`.
// A bracket holds an element's id (or a numeric index), so journey steps read
// `strategies[omni_fund].journey.steps[push].channel`. getParam/setParam name numbers only (priors);
// getValue/setValue name any scalar (compare variants change channels, step routes, ids).

import { didYouMean, unknownRefMessage } from './issues';

type Segment = { key: string } | { select: string };

export function parseParamPath(path: string): Segment[] | undefined {
  const segs: Segment[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[([^\]]+)\]|\./gy;
  let m: RegExpExecArray | null;
  let last = 0;
  re.lastIndex = 0;
  while (last < path.length && (m = re.exec(path)) !== null) {
    if (m[1] !== undefined) segs.push({ key: m[1] });
    else if (m[2] !== undefined) segs.push({ select: m[2] });
    last = re.lastIndex;
  }
  return last === path.length && segs.length > 0 ? segs : undefined;
}

type Holder = { container: Record<string, unknown> | unknown[]; key: string | number };

/** A value a path can name: a number, a string (an id, an enum) or a flag. */
export type ParamValue = number | string | boolean;

type Want = { isAnyScalar: boolean; canCreate: boolean };

const NUMBER: Want = { isAnyScalar: false, canCreate: false };

const isScalar = (v: unknown): v is ParamValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

function resolve(root: unknown, path: string, want: Want = NUMBER): Holder | string {
  const segs = parseParamPath(path);
  if (!segs) return 'is not a path like channels[ai_call].responseEffect';
  let cur: unknown = root;
  let holder: Holder | undefined;
  for (const [n, seg] of segs.entries()) {
    if ('key' in seg) {
      const isObject = Boolean(cur) && typeof cur === 'object' && !Array.isArray(cur);
      if (want.canCreate && isObject && n === segs.length - 1 && !(seg.key in (cur as object)))
        return { container: cur as Record<string, unknown>, key: seg.key };
      if (!isObject || !(seg.key in (cur as object))) {
        const known = cur && typeof cur === 'object' && !Array.isArray(cur) ? Object.keys(cur) : [];
        const guess = didYouMean(seg.key, known);
        return `has no ${JSON.stringify(seg.key)} here${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${known.join(', ') || '(none)'}`;
      }
      holder = { container: cur as Record<string, unknown>, key: seg.key };
      cur = (cur as Record<string, unknown>)[seg.key];
    } else {
      if (!Array.isArray(cur)) return `selects [${seg.select}] in something that is not a list`;
      const byId = cur.findIndex(
        (e) => e && typeof e === 'object' && (e as { id?: unknown }).id === seg.select,
      );
      const idx = byId >= 0 ? byId : /^\d+$/.test(seg.select) ? Number(seg.select) : -1;
      if (idx < 0 || idx >= cur.length) {
        const ids = cur.map((e) => (e as { id?: string })?.id).filter((x): x is string => Boolean(x));
        return `selects [${seg.select}]: ${unknownRefMessage(seg.select, 'in the list', ids)}`;
      }
      holder = { container: cur, key: idx };
      cur = cur[idx];
    }
  }
  if (!holder) return 'does not name a number';
  if (want.isAnyScalar ? !isScalar(cur) : typeof cur !== 'number')
    return want.isAnyScalar
      ? 'does not name a single value (a number, text or true/false)'
      : 'does not name a number';
  return holder;
}

/** Read the number a path names, or return why it cannot. */
export function getParam(root: unknown, path: string): number | string {
  const h = resolve(root, path);
  if (typeof h === 'string') return h;
  return (h.container as Record<string | number, number>)[h.key];
}

/** Write the number a path names (in place). Returns an error string, or undefined. */
export function setParam(root: unknown, path: string, value: number): string | undefined {
  const h = resolve(root, path);
  if (typeof h === 'string') return h;
  (h.container as Record<string | number, number>)[h.key] = value;
  return undefined;
}

export type ValueRead = { ok: true; value: ParamValue } | { ok: false; error: string };

/** Read the scalar a path names (a number, a string or a boolean), or why it cannot. */
export function getValue(root: unknown, path: string): ValueRead {
  const h = resolve(root, path, { isAnyScalar: true, canCreate: false });
  if (typeof h === 'string') return { ok: false, error: h };
  return { ok: true, value: (h.container as Record<string | number, ParamValue>)[h.key] };
}

/**
 * Write the scalar a path names (in place). With canCreate, the last key may be missing from its
 * object (an optional field such as a step's onInterested); validation then judges the result.
 * Returns an error string, or undefined.
 */
export function setValue(
  root: unknown,
  path: string,
  value: ParamValue,
  options: { canCreate?: boolean } = {},
): string | undefined {
  const h = resolve(root, path, { isAnyScalar: true, canCreate: options.canCreate ?? false });
  if (typeof h === 'string') return h;
  (h.container as Record<string | number, ParamValue>)[h.key] = value;
  return undefined;
}
