// Edits of the assumption ledger as whole-document changes (one undo step each): mark a parameter,
// state its source, give it a prior or fix it, remove it. Works on the raw document, so a
// scenario with errors elsewhere can still be edited.
import type { AssumptionSource, Prior } from '../../../sim/index';

type Doc = Record<string, unknown>;
type Entry = { param: string; source: AssumptionSource } & Record<string, unknown>;
type Uncertainty = { param: string; prior: Prior };

const listOf = <T>(doc: unknown, key: string): T[] => {
  const v = (doc as Doc | null)?.[key];
  return Array.isArray(v) ? (v as T[]) : [];
};

export const PRIOR_TYPES = ['beta', 'normal', 'lognormal', 'uniform', 'triangular'] as const;
export type PriorType = (typeof PRIOR_TYPES)[number];
/** The numbers each prior type takes, in the order the form shows them. */
export const PRIOR_FIELDS: Record<PriorType, readonly string[]> = {
  beta: ['a', 'b'],
  normal: ['mean', 'sd'],
  lognormal: ['mu', 'sigma'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
};

/** Round to 4 significant digits, so a prior made from a value reads as a person would write it. */
const round = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/**
 * A prior of `type` centred on `value` with about ±20% spread: beta with mean `value` and
 * a + b = 40 (a probability), normal with SD 10% of |value|, lognormal with median `value` and
 * σ = 0.2, uniform and triangular over ±20%.
 */
export function priorAround(type: PriorType, value: number): Prior {
  const v = value === 0 ? 0.01 : value;
  const lo = round(Math.min(v * 0.8, v * 1.2));
  const hi = round(Math.max(v * 0.8, v * 1.2));
  switch (type) {
    case 'beta': {
      const m = Math.min(0.99, Math.max(0.01, v));
      return { type, a: round(40 * m), b: round(40 * (1 - m)) };
    }
    case 'normal':
      return { type, mean: round(v), sd: round(Math.abs(v) * 0.1) };
    case 'lognormal':
      return { type, mu: round(Math.log(Math.abs(v))), sigma: 0.2 };
    case 'uniform':
      return { type, min: lo, max: hi };
    case 'triangular':
      return { type, min: lo, mode: round(v), max: hi };
  }
}

/** Mark a parameter as an assumption (a guess until the user says otherwise); no-op if listed. */
export function markAssumption(doc: unknown, param: string): unknown {
  const ledger = listOf<Entry>(doc, 'ledger');
  if (ledger.some((e) => e.param === param)) return doc;
  return { ...(doc as Doc), ledger: [...ledger, { param, source: 'guess' }] };
}

/** Set (or clear, with null) the source of a parameter, creating its ledger entry when needed. */
export function setSource(doc: unknown, param: string, source: AssumptionSource | null): unknown {
  const ledger = listOf<Entry>(doc, 'ledger');
  const i = ledger.findIndex((e) => e.param === param);
  if (source === null) {
    if (i < 0) return doc;
    return { ...(doc as Doc), ledger: ledger.filter((_, k) => k !== i) };
  }
  const next =
    i < 0 ? [...ledger, { param, source }] : ledger.map((e, k) => (k === i ? { ...e, source } : e));
  return { ...(doc as Doc), ledger: next };
}

/** Give a parameter a prior of `type` around its value (the ledger entry, if any, stays). */
export function givePrior(
  doc: unknown,
  param: string,
  value: number,
  type: PriorType = 'triangular',
): unknown {
  const uncertainty = listOf<Uncertainty>(doc, 'uncertainty');
  if (uncertainty.some((u) => u.param === param)) return doc;
  return { ...(doc as Doc), uncertainty: [...uncertainty, { param, prior: priorAround(type, value) }] };
}

/** Change the type of the prior at `index`, re-centred on `value`. */
export function changePriorType(doc: unknown, index: number, type: PriorType, value: number): unknown {
  const uncertainty = listOf<Uncertainty>(doc, 'uncertainty');
  if (!uncertainty[index] || uncertainty[index].prior.type === type) return doc;
  const next = uncertainty.map((u, k) => (k === index ? { ...u, prior: priorAround(type, value) } : u));
  return { ...(doc as Doc), uncertainty: next };
}

const withoutPrior = (doc: unknown, param: string): Doc => ({
  ...(doc as Doc),
  uncertainty: listOf<Uncertainty>(doc, 'uncertainty').filter((u) => u.param !== param),
});

/** Fix a parameter again: its prior goes, and it stays in the ledger as a (marked) assumption. */
export function dropPrior(doc: unknown, param: string): unknown {
  return markAssumption(withoutPrior(doc, param), param);
}

/** Take a parameter off the ledger altogether (its prior and its entry). */
export function removeFromLedger(doc: unknown, param: string): unknown {
  const next = withoutPrior(doc, param);
  const ledger = listOf<Entry>(doc, 'ledger').filter((e) => e.param !== param);
  if (ledger.length > 0) return { ...next, ledger };
  const { ledger: _, ...rest } = next;
  return rest;
}
