// Paths that name one value in a scenario, as uncertainty priors use them:
// `channels[ai_call].responseEffect`, `products[wmp].propensity.base`, `population.events.payroll.responseMultiplier`.
// A bracket holds an element's id (or a numeric index), so journey steps read
// `strategies[omni_fund].journey.steps[push].channel`. getParam/setParam name numbers only (priors);
// getValue/setValue name any scalar (compare variants change channels, step routes, ids).

import type { IssueMessage } from './issue-codes';
import { didYouMean, unknownRef } from './issues';

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

const why = (code: IssueMessage['code'], params: IssueMessage['params'] = {}): IssueMessage => ({
  code,
  params,
});

function resolve(root: unknown, path: string, want: Want = NUMBER): Holder | IssueMessage {
  const segs = parseParamPath(path);
  if (!segs) return why('path.malformed');
  let cur: unknown = root;
  let holder: Holder | undefined;
  for (const [n, seg] of segs.entries()) {
    if ('key' in seg) {
      const isObject = Boolean(cur) && typeof cur === 'object' && !Array.isArray(cur);
      if (want.canCreate && isObject && n === segs.length - 1 && !(seg.key in (cur as object)))
        return { container: cur as Record<string, unknown>, key: seg.key };
      if (!isObject || !(seg.key in (cur as object))) {
        const known = cur && typeof cur === 'object' && !Array.isArray(cur) ? Object.keys(cur) : [];
        return why('path.no-key', { key: seg.key, guess: didYouMean(seg.key, known) ?? null, known });
      }
      holder = { container: cur as Record<string, unknown>, key: seg.key };
      cur = (cur as Record<string, unknown>)[seg.key];
    } else {
      if (!Array.isArray(cur)) return why('path.not-a-list', { select: seg.select });
      const byId = cur.findIndex(
        (e) => e && typeof e === 'object' && (e as { id?: unknown }).id === seg.select,
      );
      const idx = byId >= 0 ? byId : /^\d+$/.test(seg.select) ? Number(seg.select) : -1;
      if (idx < 0 || idx >= cur.length) {
        const ids = cur.map((e) => (e as { id?: string })?.id).filter((x): x is string => Boolean(x));
        return why('path.no-element', { select: seg.select, reason: unknownRef(seg.select, 'element', ids) });
      }
      holder = { container: cur, key: idx };
      cur = cur[idx];
    }
  }
  if (!holder) return why('path.not-a-number');
  if (want.isAnyScalar ? !isScalar(cur) : typeof cur !== 'number')
    return why(want.isAnyScalar ? 'path.not-a-value' : 'path.not-a-number');
  return holder;
}

const isWhy = (h: Holder | IssueMessage): h is IssueMessage => 'code' in h;

/** Read the number a path names, or return why it cannot. */
export function getParam(root: unknown, path: string): number | IssueMessage {
  const h = resolve(root, path);
  if (isWhy(h)) return h;
  return (h.container as Record<string | number, number>)[h.key];
}

/** Write the number a path names (in place). Returns why it cannot, or undefined. */
export function setParam(root: unknown, path: string, value: number): IssueMessage | undefined {
  const h = resolve(root, path);
  if (isWhy(h)) return h;
  (h.container as Record<string | number, number>)[h.key] = value;
  return undefined;
}

export type ValueRead = { ok: true; value: ParamValue } | { ok: false; error: IssueMessage };

/** Read the scalar a path names (a number, a string or a boolean), or why it cannot. */
export function getValue(root: unknown, path: string): ValueRead {
  const h = resolve(root, path, { isAnyScalar: true, canCreate: false });
  if (isWhy(h)) return { ok: false, error: h };
  return { ok: true, value: (h.container as Record<string | number, ParamValue>)[h.key] };
}

/**
 * Write the scalar a path names (in place). With canCreate, the last key may be missing from its
 * object (an optional field such as a step's onInterested); validation then judges the result.
 * Returns why it cannot, or undefined.
 */
export function setValue(
  root: unknown,
  path: string,
  value: ParamValue,
  options: { canCreate?: boolean } = {},
): IssueMessage | undefined {
  const h = resolve(root, path, { isAnyScalar: true, canCreate: options.canCreate ?? false });
  if (isWhy(h)) return h;
  (h.container as Record<string | number, ParamValue>)[h.key] = value;
  return undefined;
}
