// Inserting a use-case fragment into a scenario document: a pure function over JSON. The strategy
// gets an id no other strategy has; channels, products and incentives it needs are added when the
// scenario has none of that id (an existing definition is kept, so the scenario's own calibration
// wins); its assumptions join the scenario's.
import { uniqueId } from '../scenario/references';
import type { Fragment } from './fragment';

type Json = Record<string, unknown>;

export type InsertResult = {
  /** The new scenario document (the input is not changed). */
  doc: Json;
  /** The id the inserted strategy got (the fragment's, or with a suffix when that one was taken). */
  strategyId: string;
  /** Index of the new strategy in doc.strategies. */
  strategyIndex: number;
  added: { channels: string[]; products: string[]; incentives: string[] };
};

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined =>
  v !== null && typeof v === 'object' && typeof (v as Json).id === 'string'
    ? ((v as Json).id as string)
    : undefined;

function addMissing(
  list: unknown[],
  needed: ReadonlyArray<{ id: string }>,
): { list: unknown[]; added: string[] } {
  const have = new Set(list.map(idOf));
  const missing = needed.filter((x) => !have.has(x.id));
  return { list: [...list, ...missing.map((x) => structuredCloneJson(x))], added: missing.map((x) => x.id) };
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * Insert `fragment` into the scenario document `doc` (which may still have errors elsewhere).
 * The strategy's label is the fragment's name, in both languages when the fragment has both.
 */
export function insertFragment(doc: Json, fragment: Fragment): InsertResult {
  const strategies = asArray(doc.strategies);
  const taken = new Set(strategies.map(idOf).filter((x): x is string => x !== undefined));
  const strategyId = uniqueId(fragment.strategy.id, taken);
  const channels = addMissing(asArray(doc.channels), fragment.channels);
  const products = addMissing(asArray(doc.products), fragment.products);
  const incentives = addMissing(asArray(doc.incentives), fragment.incentives);
  const strategy = {
    ...structuredCloneJson(fragment.strategy),
    id: strategyId,
    label: structuredCloneJson(fragment.name),
  };
  const meta = (doc.meta !== null && typeof doc.meta === 'object' ? doc.meta : {}) as Json;
  const assumptions = asArray(meta.assumptions);
  const known = new Set(assumptions.map((a) => JSON.stringify((a as Json | null)?.text)));
  const newAssumptions = fragment.assumptions.filter((a) => !known.has(JSON.stringify(a.text)));
  return {
    doc: {
      ...doc,
      meta: { ...meta, assumptions: [...assumptions, ...structuredCloneJson(newAssumptions)] },
      products: products.list,
      incentives: incentives.list,
      channels: channels.list,
      strategies: [...strategies, strategy],
    },
    strategyId,
    strategyIndex: strategies.length,
    added: { channels: channels.added, products: products.added, incentives: incentives.added },
  };
}
