// What refers to a service tier, a life stage or an occupation of the population, and the edits
// that add or delete one without leaving a dangling reference (the counterpart of references.ts
// for the KYC lists). Pure functions over JSON; every change is listed before it is made.
import { compareDeletionChanges, dropCompareOverrides } from './compare-references';
import { arr, copy, idOf, isObject, type Json, uniqueId } from './doc-lists';

export type PopulationKind = 'tier' | 'wealthLevel' | 'lifeStage' | 'occupation';

/** Where each list sits under `population`. */
export const POPULATION_LIST: Record<
  PopulationKind,
  'tiers' | 'wealthLevels' | 'lifeStages' | 'occupations'
> = {
  tier: 'tiers',
  wealthLevel: 'wealthLevels',
  lifeStage: 'lifeStages',
  occupation: 'occupations',
};

/** The target-rule attribute whose values name elements of each list. */
const RULE_ATTR: Record<PopulationKind, string> = {
  tier: 'tier',
  wealthLevel: 'wealth_level',
  lifeStage: 'life_stage',
  occupation: 'occupation',
};

/** A change deleting an element makes (the shape references.ts lists). */
export type PopulationChange = { path: string; strategy?: string; action: 'replace' | 'remove'; to?: string };

/** Tiers and wealth levels are AUM bands (ascending thresholds); life stages and occupations are shares. */
const isBand = (kind: PopulationKind) => kind === 'tier' || kind === 'wealthLevel';

const population = (doc: Json): Json => (isObject(doc.population) ? doc.population : {});

/** Records keyed by tier id, as `[path, record]` (the population's and each product's). */
function tierRecords(doc: Json): Array<[string, Json]> {
  const pop = population(doc);
  const reach = isObject(pop.reachability) ? pop.reachability : {};
  const organic = isObject(pop.organic) ? pop.organic : {};
  const events = isObject(pop.events) ? pop.events : {};
  const candidates: Array<[string, unknown]> = [
    ['population.app.userShareByTier', isObject(pop.app) ? pop.app.userShareByTier : undefined],
    ...Object.entries(reach).map(([k, r]): [string, unknown] => [
      `population.reachability.${k}.byTier`,
      isObject(r) ? r.byTier : undefined,
    ]),
    [
      'population.organic.attritionWeekly.byTier',
      isObject(organic.attritionWeekly) ? organic.attritionWeekly.byTier : undefined,
    ],
    [
      'population.events.largeInflow.perYearByTier',
      isObject(events.largeInflow) ? events.largeInflow.perYearByTier : undefined,
    ],
    ...arr(doc.products).map((p, i): [string, unknown] => [
      `products[${i}].propensity.byTier`,
      isObject(p.propensity) ? p.propensity.byTier : undefined,
    ]),
  ];
  return candidates.filter((c): c is [string, Json] => isObject(c[1]));
}

/** A prior names the element (`population.tiers[mass].minAumCny`) or one of its tier keys (`….byTier.mass`). */
function priorNames(param: string, kind: PopulationKind, id: string): boolean {
  const prefix = `population.${POPULATION_LIST[kind]}[${id}]`;
  if (param === prefix || param.startsWith(`${prefix}.`)) return true;
  return (
    kind === 'tier' && /[bB]yTier$/.test(param.split('.').at(-2) ?? '') && param.split('.').at(-1) === id
  );
}

/**
 * Shares of the groups left after deleting `at`, rescaled to keep their sum, to 6 decimals with the
 * rounding remainder on the largest so the sum stays exact (null when there is nothing to scale).
 */
function rescaledShares(groups: Json[], at: number): Array<number | undefined> | null {
  const shareOf = (g: Json | undefined) => (typeof g?.share === 'number' ? g.share : 0);
  const gone = shareOf(groups[at]);
  const rest = groups.reduce((a, g, j) => a + (j !== at ? shareOf(g) : 0), 0);
  if (gone === 0 || rest <= 0) return null;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const out = groups.map((g, j) =>
    j === at || typeof g.share !== 'number' ? undefined : round((g.share * (rest + gone)) / rest),
  );
  let largest = -1;
  out.forEach((v, j) => {
    if (v !== undefined && (largest < 0 || v > (out[largest] as number))) largest = j;
  });
  const sum = out.reduce<number>((a, v) => a + (v ?? 0), 0);
  out[largest] = round((out[largest] as number) + round(rest + gone) - sum);
  return out;
}

/**
 * Every reference to element `id` of a population list and what deleting it does: rule values
 * and tier-keyed multipliers are removed, priors on it are dropped, the other groups' shares are
 * rescaled to keep their sum, and the band after a deleted first band starts at 0.
 */
export function populationDeletionChanges(doc: Json, kind: PopulationKind, id: string): PopulationChange[] {
  const out: PopulationChange[] = [];
  const list = arr(population(doc)[POPULATION_LIST[kind]]);
  const at = list.findIndex((x) => idOf(x) === id);
  const where = `population.${POPULATION_LIST[kind]}`;
  if (isBand(kind)) {
    if (kind === 'tier')
      for (const [path, rec] of tierRecords(doc))
        if (id in rec) out.push({ path: `${path}.${id}`, action: 'remove' });
    if (at === 0 && list.length > 1 && list[1].minAumCny !== 0)
      out.push({ path: `${where}[1].minAumCny`, action: 'replace', to: '0' });
  } else if (at >= 0) {
    rescaledShares(list, at)?.forEach((share, j) => {
      if (share !== undefined)
        out.push({ path: `${where}[${j}].share`, action: 'replace', to: String(share) });
    });
  }
  arr(doc.strategies).forEach((st, si) => {
    arr(isObject(st.target) ? st.target.rules : undefined).forEach((r, ri) => {
      if (r.attr === RULE_ATTR[kind] && Array.isArray(r.values) && r.values.includes(id))
        out.push({
          path: `strategies[${si}].target.rules[${ri}].values`,
          strategy: idOf(st),
          action: 'remove',
        });
    });
  });
  // Priors and assumption-ledger entries that name the element go with it.
  for (const list of ['uncertainty', 'ledger'] as const)
    arr(doc[list]).forEach((u, i) => {
      if (typeof u.param === 'string' && priorNames(u.param, kind, id))
        out.push({ path: `${list}[${i}]`, action: 'remove' });
    });
  out.push(...compareDeletionChanges(doc, id, { names: (p) => priorNames(p, kind, id) }));
  return out;
}

/** The document without element `id` of a population list, every change made that populationDeletionChanges lists. */
export function deletePopulationEntity(doc: Json, kind: PopulationKind, id: string): Json {
  const next = copy(doc);
  const pop = population(next);
  const key = POPULATION_LIST[kind];
  const list = arr(pop[key]);
  const at = list.findIndex((x) => idOf(x) === id);
  if (at < 0) return next;
  if (isBand(kind)) {
    if (kind === 'tier') for (const [, rec] of tierRecords(next)) delete rec[id];
    if (at === 0 && list.length > 1) list[1].minAumCny = 0;
  } else {
    rescaledShares(list, at)?.forEach((share, j) => {
      if (share !== undefined) list[j].share = share;
    });
  }
  pop[key] = list.filter((_, j) => j !== at);
  for (const st of arr(next.strategies)) {
    const target = isObject(st.target) ? st.target : undefined;
    if (!target || !Array.isArray(target.rules)) continue;
    target.rules = arr(target.rules).flatMap((r) => {
      if (r.attr !== RULE_ATTR[kind] || !Array.isArray(r.values)) return [r];
      const values = r.values.filter((v) => v !== id);
      return values.length > 0 ? [{ ...r, values }] : [];
    });
  }
  for (const list of ['uncertainty', 'ledger'] as const)
    if (Array.isArray(next[list]))
      next[list] = arr(next[list]).filter(
        (u) => !(typeof u.param === 'string' && priorNames(u.param, kind, id)),
      );
  dropCompareOverrides(next, id, { names: (p) => priorNames(p, kind, id) });
  return next;
}

/**
 * The document with a new element at the end of a population list under a fresh id: a tier or
 * wealth level whose band starts at twice the last one's threshold, or a group with share 0 (the
 * others' sum holds).
 */
export function addPopulationEntity(
  doc: Json,
  kind: PopulationKind,
): { doc: Json; id: string; index: number } {
  const next = copy(doc);
  const pop = population(next);
  const key = POPULATION_LIST[kind];
  const list = arr(pop[key]);
  const id = uniqueId(`new_${RULE_ATTR[kind]}`, new Set(list.flatMap((x) => idOf(x) ?? [])));
  let element: Json;
  if (isBand(kind)) {
    const last = list.at(-1)?.minAumCny;
    element = { id, minAumCny: typeof last === 'number' && last > 0 ? last * 2 : 1_000_000 };
  } else {
    // The schema's defaults for the rest: no wealth shift, 30% paid through the bank.
    element = { id, share: 0, wealthShift: 0, payrollShare: 0.3 };
  }
  pop[key] = [...list, element];
  if (!isObject(next.population)) next.population = pop;
  return { doc: next, id, index: list.length };
}
