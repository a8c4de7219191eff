// The parameters a compare variant can change, generated from the document (so any scenario works):
// grouped by the strategy, channel, product … they belong to, each with a label key and the kind of
// control its value needs (a channel, a journey step, a product … or a number).

import {
  docTextIn,
  getValue,
  type ParamValue,
  parseParamPath,
  REACH_KINDS,
  WheelSchema,
} from '../../../sim/index';
import { currentLanguage } from '../../i18n/local-text';

export type GroupKind =
  | 'strategy'
  | 'channel'
  | 'product'
  | 'incentive'
  | 'population'
  | 'contactPolicy'
  | 'calendar'
  | 'economics'
  | 'other';
export type ChoiceGroup = { id: string; kind: GroupKind; name?: string };
export type ValueKind = 'number' | 'channel' | 'step' | 'product' | 'incentive' | 'enum' | 'boolean' | 'text';
export type ParamChoice = {
  path: string;
  group: ChoiceGroup;
  /** Key under `compare.field` for the label; null: the path is the label. */
  field: string | null;
  /** The journey step a step field belongs to (for the label). */
  step?: string;
  /** The base value; undefined for an optional field the document leaves out. */
  value: ParamValue | undefined;
};
/** One choice of a select: `name` is the document's label, `key` a key under `compare` to translate. */
export type ValueOption = { value: string; name?: string; key?: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const refOf = (el: Obj, i: number) => (typeof el.id === 'string' ? el.id : String(i));
const nameOf = (el: Obj, i: number, lang: string) => docTextIn(el.label, lang) || refOf(el, i);

const ROUTE_EDGES = ['onNoContact', 'onNotInterested', 'onInterested', 'onNotConverted'] as const;
const STEP_CHANNEL = /^strategies\[[^\]]+\]\.journey\.steps\[[^\]]+\]\.channel$/;
const STEP_ROUTE =
  /^strategies\[[^\]]+\]\.journey\.(start|steps\[[^\]]+\]\.(onNoContact|onNotInterested|onInterested|onNotConverted))$/;
const CREATABLE = /^strategies\[[^\]]+\]\.(incentive|journey\.steps\[[^\]]+\]\.onInterested)$/;
const ENUMS: Array<[RegExp, readonly string[]]> = [
  [/^strategies\[[^\]]+\]\.holdout\.level$/, ['customer', 'branch']],
  [/^channels\[[^\]]+\]\.wheel$/, WheelSchema.options],
  [/^channels\[[^\]]+\]\.reachVia$/, REACH_KINDS],
  [/^monteCarlo\.sampling$/, ['plain', 'lhs']],
];

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

/** Optional fields a variant may add although the document leaves them out. */
export function isCreatable(path: string): boolean {
  return CREATABLE.test(path);
}

function select(items: unknown, ref: string): Obj | undefined {
  const l = list(items);
  const el = l.find((e) => isObj(e) && e.id === ref) ?? (/^\d+$/.test(ref) ? l[Number(ref)] : undefined);
  return isObj(el) ? el : undefined;
}

/** What control a path's value needs: from the path's meaning, else from the base value's type. */
export function valueKind(doc: unknown, path: string): ValueKind {
  if (STEP_CHANNEL.test(path)) return 'channel';
  if (STEP_ROUTE.test(path)) return 'step';
  if (/^strategies\[[^\]]+\]\.offer\.product$/.test(path)) return 'product';
  if (/^strategies\[[^\]]+\]\.incentive$/.test(path)) return 'incentive';
  if (ENUMS.some(([re]) => re.test(path))) return 'enum';
  const base = getValue(doc, path);
  if (base.ok && typeof base.value === 'boolean') return 'boolean';
  if (base.ok && typeof base.value === 'string') return 'text';
  return 'number';
}

const entityOptions = (items: unknown): ValueOption[] =>
  list(items).flatMap((el, i) =>
    isObj(el) ? [{ value: refOf(el, i), name: nameOf(el, i, currentLanguage()) }] : [],
  );

/** The choices of a select-valued path (channels, steps + end, products …), or undefined for free input. */
export function valueOptions(doc: unknown, path: string): ValueOption[] | undefined {
  const d = isObj(doc) ? doc : {};
  const kind = valueKind(doc, path);
  if (kind === 'channel') return entityOptions(d.channels);
  if (kind === 'product') return entityOptions(d.products);
  if (kind === 'incentive') return entityOptions(d.incentives);
  if (kind === 'enum') {
    const values = ENUMS.find(([re]) => re.test(path))?.[1] ?? [];
    const isLevel = path.endsWith('.holdout.level');
    return values.map((v) => (isLevel ? { value: v, key: `level.${v}` } : { value: v }));
  }
  if (kind !== 'step') return undefined;
  const segs = parseParamPath(path);
  const sel = segs?.[1] && 'select' in segs[1] ? segs[1].select : '';
  const journey = select(d.strategies, sel)?.journey;
  const channels = entityOptions(d.channels);
  const steps = list(isObj(journey) ? journey.steps : []).flatMap((el, i) => {
    if (!isObj(el)) return [];
    const channel = channels.find((c) => c.value === el.channel);
    return [{ value: refOf(el, i), name: channel?.name ?? String(el.channel ?? '') }];
  });
  if (path.endsWith('.journey.start')) return steps;
  return [...steps, { value: 'end', key: path.endsWith('.onInterested') ? 'endInterested' : 'end' }];
}

const STRATEGY_FIELDS: Array<[string, string]> = [
  ['holdout.share', 'holdoutShare'],
  ['holdout.level', 'holdoutLevel'],
  ['budgetCny', 'budget'],
  ['offer.product', 'offerProduct'],
  ['offer.fit', 'offerFit'],
  ['incentive', 'incentive'],
  ['scriptQuality', 'scriptQuality'],
  ['target.topK.share', 'topKShare'],
  ['trigger.week', 'triggerWeek'],
  ['trigger.delayDays', 'triggerDelay'],
  ['priority', 'priority'],
  ['journey.start', 'journeyStart'],
];
const STEP_FIELDS: Array<[string, string]> = [
  ['channel', 'stepChannel'],
  ['waitDays', 'stepWait'],
  ...ROUTE_EDGES.map((e): [string, string] => [e, `step${e[0].toUpperCase()}${e.slice(1)}`]),
];
const ENTITY_FIELDS: Array<[GroupKind, string, Array<[string, string]>]> = [
  [
    'channel',
    'channels',
    [
      ['costPerAttemptCny', 'cost'],
      ['reachRate', 'reachRate'],
      ['responseEffect', 'responseEffect'],
      ['closeRate', 'closeRate'],
      ['capacity.attemptsPerWeek', 'capacity'],
      ['capacity.attemptsPerStaffPerWeek', 'capacityPerStaff'],
      ['capacity.maxQueueWeeks', 'maxQueueWeeks'],
      ['staffMinutesPerAttempt', 'staffMinutes'],
      ['fatigue.perRecentContact', 'fatigue'],
      ['leadHalfLifeDays', 'leadHalfLife'],
    ],
  ],
  [
    'product',
    'products',
    [
      ['propensity.base', 'propensity'],
      ['ticket.medianCny', 'ticket'],
      ['newMoneyShare', 'newMoneyShare'],
      ['revenueRate', 'revenueRate'],
    ],
  ],
  [
    'incentive',
    'incentives',
    [
      ['costPerRedemptionCny', 'redemptionCost'],
      ['responseMultiplier', 'incentiveResponse'],
    ],
  ],
];
const FIXED_FIELDS: Array<[GroupKind, Array<[string, string]>]> = [
  [
    'population',
    [
      ['population.size', 'size'],
      ['population.branches.count', 'branches'],
      ['population.branches.wealthManagersPer10k', 'wmPer10k'],
      ['population.branches.remoteAgentsPer10k', 'agentsPer10k'],
    ],
  ],
  [
    'contactPolicy',
    [
      ['contactPolicy.maxContactsPerWeek', 'maxPerWeek'],
      ['contactPolicy.maxContactsPer4Weeks', 'maxPer4Weeks'],
    ],
  ],
  ['calendar', [['calendar.weeks', 'weeks']]],
  [
    'economics',
    [
      ['economics.newMoneyMarginRate', 'marginRate'],
      ['economics.valueYears', 'valueYears'],
    ],
  ],
];

/**
 * Every parameter a variant can change, in picker order: per strategy (holdout, budget, offer,
 * incentive, each journey step's channel, wait and routes), per channel, product and incentive,
 * then population, contact policy, calendar, economics, and every other number by its path.
 * Monte Carlo settings are left out: a comparison runs every variant with the same seed and replications.
 */
/** Every parameter the picker offers, grouped by element; `lang` words the elements' labels. */
export function paramChoices(doc: unknown, lang = 'en'): ParamChoice[] {
  const d = isObj(doc) ? doc : {};
  const out: ParamChoice[] = [];
  const add = (group: ChoiceGroup, path: string, field: string | null, step?: string) => {
    const r = getValue(doc, path);
    if (r.ok) out.push({ path, group, field, step, value: r.value });
    else if (isCreatable(path) && (valueOptions(doc, path)?.length ?? 0) > 0)
      out.push({ path, group, field, step, value: undefined });
  };
  list(d.strategies).forEach((s, i) => {
    if (!isObj(s)) return;
    const at = `strategies[${refOf(s, i)}]`;
    const group: ChoiceGroup = { id: at, kind: 'strategy', name: nameOf(s, i, lang) };
    for (const [p, f] of STRATEGY_FIELDS) add(group, `${at}.${p}`, f);
    const journey = isObj(s.journey) ? s.journey : {};
    list(journey.steps).forEach((st, j) => {
      if (!isObj(st)) return;
      const ref = refOf(st, j);
      for (const [p, f] of STEP_FIELDS) add(group, `${at}.journey.steps[${ref}].${p}`, f, ref);
    });
  });
  for (const [kind, key, fields] of ENTITY_FIELDS) {
    list(d[key]).forEach((el, i) => {
      if (!isObj(el)) return;
      const at = `${key}[${refOf(el, i)}]`;
      const group: ChoiceGroup = { id: at, kind, name: nameOf(el, i, lang) };
      for (const [p, f] of fields) add(group, `${at}.${p}`, f);
    });
  }
  for (const [kind, fields] of FIXED_FIELDS) for (const [p, f] of fields) add({ id: kind, kind }, p, f);
  const seen = new Set(out.map((c) => c.path));
  const other: ChoiceGroup = { id: 'other', kind: 'other' };
  for (const p of numericParams(doc)) if (!seen.has(p) && !p.startsWith('monteCarlo.')) add(other, p, null);
  return out;
}

/** Whether every word of the query occurs in the text (case-insensitive). */
export function matchesQuery(text: string, query: string): boolean {
  const hay = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => hay.includes(word));
}
