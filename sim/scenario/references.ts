// What refers to a product, incentive, channel, strategy, tier, life stage or occupation in a
// scenario document, and the edits that add, delete, rename or move one without leaving a dangling
// reference: pure functions over JSON (the document may still have errors elsewhere). Every change
// is listed so the studio can show it first. The population lists are in population-references.ts.

import { DEFAULT_CHANNELS, DEFAULT_INCENTIVE, DEFAULT_PRODUCT, STARTER_STRATEGY } from './blank';
import {
  compareDeletionChanges,
  dropCompareOverrides,
  type OverrideMatch,
  renameInCompare,
} from './compare-references';
import { arr, copy, idOf, isObject, type Json, uniqueId } from './doc-lists';
import {
  addPopulationEntity,
  deletePopulationEntity,
  POPULATION_LIST,
  type PopulationKind,
  populationDeletionChanges,
} from './population-references';

export { uniqueId } from './doc-lists';

export type EntityKind = 'product' | 'incentive' | 'channel' | 'strategy' | PopulationKind;

const TOP_LIST = {
  product: 'products',
  incentive: 'incentives',
  channel: 'channels',
  strategy: 'strategies',
} as const;

const isPopulationKind = (kind: EntityKind): kind is PopulationKind => kind in POPULATION_LIST;

/** The object holding the list of `kind` and the list's key in it (`population` for the KYC lists). */
function holder(doc: Json, kind: EntityKind): { owner: Json; key: string } {
  if (isPopulationKind(kind))
    return { owner: isObject(doc.population) ? doc.population : {}, key: POPULATION_LIST[kind] };
  return { owner: doc, key: TOP_LIST[kind] };
}

const listOf = (doc: Json, kind: EntityKind): Json[] => {
  const h = holder(doc, kind);
  return arr(h.owner[h.key]);
};

/**
 * One reference and what deleting its target does to it: `replace` points it at `to`, `remove`
 * drops it (an optional incentive, a value of a holds rule, an uncertainty prior).
 */
export type RefChange = {
  /** Where, in the validator's path form: `strategies[1].offer.product`. */
  path: string;
  /** The strategy the reference sits in (its id), when it sits in one. */
  strategy?: string;
  action: 'replace' | 'remove';
  to?: string;
};

/** The ids of one kind, in document order. */
export function idsOf(doc: Json, kind: EntityKind): string[] {
  return listOf(doc, kind).flatMap((x) => (idOf(x) ? [idOf(x) as string] : []));
}

/** Lists whose entries name a parameter path: priors and the assumption ledger. */
const PARAM_LISTS = ['uncertainty', 'ledger'] as const;

/** Prior paths that name the element: `channels[ai_call].…`. */
function priorPrefix(kind: keyof typeof TOP_LIST, id: string): string {
  return `${TOP_LIST[kind]}[${id}]`;
}

/** Fields a Compare override can set to an id of each kind. */
const HOLDS_ID: Partial<Record<keyof typeof TOP_LIST, RegExp>> = {
  product: /\.offer\.product$/,
  channel: /\.channel$/,
  incentive: /\.incentive$/,
};

/** Which Compare overrides refer to element `id`: by path, or by value at a field holding such ids. */
function overrideMatch(kind: keyof typeof TOP_LIST, id: string): OverrideMatch {
  const prefix = priorPrefix(kind, id);
  return { names: (p) => p === prefix || p.startsWith(`${prefix}.`), holdsId: HOLDS_ID[kind] };
}

/** Every reference to `id` (of `kind`) and what deleting it would do; `replacement` for required ones. */
export function deletionChanges(doc: Json, kind: EntityKind, id: string, replacement?: string): RefChange[] {
  if (isPopulationKind(kind)) return populationDeletionChanges(doc, kind, id);
  const out: RefChange[] = [];
  arr(doc.strategies).forEach((st, si) => {
    if (kind === 'strategy') return;
    const at = `strategies[${si}]`;
    const strategy = idOf(st);
    const offer = st.offer as Json | undefined;
    if (kind === 'product') {
      if (offer?.product === id)
        out.push({ path: `${at}.offer.product`, strategy, action: 'replace', to: replacement });
      arr((st.target as Json | undefined)?.rules).forEach((r, ri) => {
        if (
          (r.attr === 'holds' || r.attr === 'not_holds') &&
          Array.isArray(r.values) &&
          r.values.includes(id)
        )
          out.push({ path: `${at}.target.rules[${ri}].values`, strategy, action: 'remove' });
      });
    }
    if (kind === 'incentive' && st.incentive === id)
      out.push({ path: `${at}.incentive`, strategy, action: 'remove' });
    if (kind === 'channel') {
      arr((st.journey as Json | undefined)?.steps).forEach((step, i) => {
        if (step.channel === id)
          out.push({
            path: `${at}.journey.steps[${i}].channel`,
            strategy,
            action: 'replace',
            to: replacement,
          });
      });
    }
  });
  // Priors and assumption-ledger entries on the element's numbers go with it.
  for (const list of PARAM_LISTS) {
    arr(doc[list]).forEach((u, i) => {
      const p = typeof u.param === 'string' ? u.param : '';
      const prefix = priorPrefix(kind, id);
      if (p === prefix || p.startsWith(`${prefix}.`)) out.push({ path: `${list}[${i}]`, action: 'remove' });
    });
  }
  out.push(...compareDeletionChanges(doc, id, overrideMatch(kind, id)));
  return out;
}

/**
 * The document without `id` of `kind`, every reference changed as `deletionChanges` lists
 * (required references point at `replacement`; without one they are left for the validator to flag).
 */
export function deleteEntity(doc: Json, kind: EntityKind, id: string, replacement?: string): Json {
  if (isPopulationKind(kind)) return deletePopulationEntity(doc, kind, id);
  const next = copy(doc);
  const key = TOP_LIST[kind];
  next[key] = arr(next[key]).filter((x) => idOf(x) !== id);
  for (const st of arr(next.strategies)) {
    if (kind === 'product') {
      const offer = st.offer as Json | undefined;
      if (offer && offer.product === id && replacement) offer.product = replacement;
      const target = st.target as Json | undefined;
      if (target && Array.isArray(target.rules)) {
        target.rules = arr(target.rules).flatMap((r) => {
          if ((r.attr !== 'holds' && r.attr !== 'not_holds') || !Array.isArray(r.values)) return [r];
          const values = r.values.filter((v) => v !== id);
          return values.length > 0 ? [{ ...r, values }] : [];
        });
      }
    }
    if (kind === 'incentive' && st.incentive === id) delete st.incentive;
    if (kind === 'channel' && replacement) {
      for (const step of arr((st.journey as Json | undefined)?.steps))
        if (step.channel === id) step.channel = replacement;
    }
  }
  const prefix = priorPrefix(kind, id);
  for (const list of PARAM_LISTS) {
    if (!Array.isArray(next[list])) continue;
    next[list] = arr(next[list]).filter((u) => {
      const p = typeof u.param === 'string' ? u.param : '';
      return !(p === prefix || p.startsWith(`${prefix}.`));
    });
  }
  dropCompareOverrides(next, id, overrideMatch(kind, id));
  return next;
}

/** The document with `from` renamed to `to` (of `kind`), in the element and every reference to it. */
export function renameEntity(doc: Json, kind: keyof typeof TOP_LIST, from: string, to: string): Json {
  const next = copy(doc);
  for (const x of arr(next[TOP_LIST[kind]])) if (idOf(x) === from) x.id = to;
  for (const st of arr(next.strategies)) {
    const offer = st.offer as Json | undefined;
    if (kind === 'product' && offer?.product === from) offer.product = to;
    if (kind === 'product') {
      for (const r of arr((st.target as Json | undefined)?.rules)) {
        if ((r.attr === 'holds' || r.attr === 'not_holds') && Array.isArray(r.values))
          r.values = r.values.map((v) => (v === from ? to : v));
      }
    }
    if (kind === 'incentive' && st.incentive === from) st.incentive = to;
    if (kind === 'channel') {
      for (const step of arr((st.journey as Json | undefined)?.steps))
        if (step.channel === from) step.channel = to;
    }
  }
  const prefix = priorPrefix(kind, from);
  for (const u of PARAM_LISTS.flatMap((list) => arr(next[list]))) {
    if (typeof u.param === 'string' && (u.param === prefix || u.param.startsWith(`${prefix}.`)))
      u.param = `${priorPrefix(kind, to)}${u.param.slice(prefix.length)}`;
  }
  renameInCompare(
    next,
    from,
    to,
    overrideMatch(kind, from),
    (p) => `${priorPrefix(kind, to)}${p.slice(prefix.length)}`,
  );
  return next;
}

/** A copy of element `id` under a new unique id (`id_copy`, `id_copy_2`, …), inserted after it. */
export function duplicateEntity(doc: Json, kind: EntityKind, id: string): { doc: Json; id: string } {
  const next = copy(doc);
  const list = listOf(next, kind);
  const at = list.findIndex((x) => idOf(x) === id);
  if (at < 0) return { doc: next, id };
  const taken = new Set(idsOf(next, kind));
  const newId = uniqueId(`${id}_copy`, taken);
  const clone = { ...copy(list[at]), id: newId };
  const h = holder(next, kind);
  h.owner[h.key] = [...list.slice(0, at + 1), clone, ...list.slice(at + 1)];
  return { doc: next, id: newId };
}

/**
 * The document with a new element of `kind` at the end, from the blank scenario's defaults under a
 * fresh id; a new strategy offers the first product through the first channel.
 */
export function addEntity(doc: Json, kind: EntityKind): { doc: Json; id: string; index: number } {
  if (isPopulationKind(kind)) return addPopulationEntity(doc, kind);
  const next = copy(doc);
  const list = arr(next[TOP_LIST[kind]]);
  const id = uniqueId(`new_${kind}`, new Set(idsOf(next, kind)));
  let element: Json;
  if (kind === 'product') element = { ...copy(DEFAULT_PRODUCT), id };
  else if (kind === 'incentive') element = { ...copy(DEFAULT_INCENTIVE), id };
  else if (kind === 'channel') element = { ...copy(DEFAULT_CHANNELS[0]), id };
  else {
    const s = copy(STARTER_STRATEGY) as Json & { offer: Json; journey: { steps: Json[] } };
    const product = idsOf(next, 'product')[0];
    const channel = idsOf(next, 'channel')[0];
    if (product) s.offer.product = product;
    if (channel) for (const step of s.journey.steps) step.channel = channel;
    element = { ...s, id };
  }
  // A new element is named by its id until the user gives it a label.
  delete element.label;
  next[TOP_LIST[kind]] = [...list, element];
  return { doc: next, id, index: list.length };
}

/** The document with element `id` moved `delta` places (clamped to the list); its index after. */
export function moveEntity(
  doc: Json,
  kind: EntityKind,
  id: string,
  delta: number,
): { doc: Json; index: number } {
  const next = copy(doc);
  const list = listOf(next, kind);
  const from = list.findIndex((x) => idOf(x) === id);
  if (from < 0) return { doc: next, index: -1 };
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  const h = holder(next, kind);
  h.owner[h.key] = list;
  return { doc: next, index: to };
}
