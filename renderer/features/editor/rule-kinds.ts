// What a target rule may say, per attribute, mirroring sim/scenario/cross-check.ts (`ruleValues`,
// `checkStrategy`) and the engine's compileRule: which operators, which values, which default.
import { branchName, docTextIn, type Rule, RuleAttrSchema } from '../../../sim/index';

export type RuleAttr = Rule['attr'];
export type RuleOp = NonNullable<Rule['op']>;
export type RuleDoc = { attr?: string; op?: string; values?: unknown; value?: unknown };
/** `label` is for people (the scenario's own label, else the id); `value` is the id the rule stores. */
export type ValueOption = { value: string; label: string };

/** Every attribute a rule can test, in the schema's order. */
export const RULE_ATTRS: readonly RuleAttr[] = RuleAttrSchema.options;

export type RuleKind = 'set' | 'flag' | 'number';

const SET_ATTRS = new Set<string>([
  'tier',
  'wealth_level',
  'life_stage',
  'occupation',
  'region',
  'branch',
  'holds',
  'not_holds',
]);

export function ruleKind(attr: string | undefined): RuleKind {
  if (attr !== undefined && SET_ATTRS.has(attr)) return 'set';
  if (attr === 'is_app_user' || attr === 'is_payroll') return 'flag';
  return 'number';
}

/**
 * Operators offered for an attribute. holds / not_holds already say "any of" / "none of", so the
 * editor offers only `in` for them (the engine reads `not_in` there as a negation).
 */
export function opsFor(attr: string | undefined): readonly RuleOp[] {
  if (attr === 'holds' || attr === 'not_holds') return ['in'];
  const kind = ruleKind(attr);
  return kind === 'set' ? ['in', 'not_in'] : kind === 'number' ? ['gte', 'lte'] : [];
}

type Named = { id?: unknown; label?: unknown; minAumCny?: unknown };
type DocLike = {
  population?: {
    tiers?: Named[];
    wealthLevels?: Named[];
    lifeStages?: Named[];
    occupations?: Named[];
    branches?: { count?: unknown; regions?: unknown };
    aum?: { longTailThresholdCny?: unknown };
  };
  products?: Named[];
};

function named(list: unknown, lang: string, fallbackLabel?: (x: Named) => string | undefined): ValueOption[] {
  if (!Array.isArray(list)) return [];
  return (list as Named[])
    .filter((x) => typeof x?.id === 'string')
    .map((x) => {
      const id = x.id as string;
      const label = docTextIn(x.label, lang);
      if (label) return { value: id, label };
      const extra = fallbackLabel?.(x);
      return { value: id, label: extra ? `${id} · ${extra}` : id };
    });
}

/**
 * The scenario's own values for a categorical attribute, labelled for people. `aumBand` formats a
 * wealth level without a label from its lower AUM bound (e.g. "≥ ¥50,000").
 */
export function valueOptions(
  attr: string | undefined,
  doc: unknown,
  aumBand: (minCny: number) => string,
  lang = 'en',
): ValueOption[] {
  const d = (doc ?? {}) as DocLike;
  const p = d.population ?? {};
  switch (attr) {
    case 'tier':
      return named(p.tiers, lang);
    case 'wealth_level':
      return named(p.wealthLevels, lang, (w) =>
        typeof w.minAumCny === 'number' ? aumBand(w.minAumCny) : undefined,
      );
    case 'life_stage':
      return named(p.lifeStages, lang);
    case 'occupation':
      return named(p.occupations, lang);
    case 'holds':
    case 'not_holds':
      return named(d.products, lang);
    case 'region':
      return regions(p).map((r) => ({ value: r, label: r }));
    case 'branch': {
      const count = typeof p.branches?.count === 'number' ? Math.max(0, Math.floor(p.branches.count)) : 0;
      const r = p.branches?.regions;
      const rs = Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
      return Array.from({ length: Math.min(count, 10_000) }, (_, k) => {
        const name = branchName(k);
        // Regions are assigned to branches in turn (sim/population/build.ts).
        return { value: name, label: rs.length ? `${name} · ${rs[k % rs.length]}` : name };
      });
    }
    default:
      return [];
  }
}

function regions(p: NonNullable<DocLike['population']>): string[] {
  const r = p.branches?.regions;
  return Array.isArray(r) ? [...new Set(r.filter((x): x is string => typeof x === 'string'))] : [];
}

/** A valid rule for an attribute: the first listed value, "yes", or a threshold that means something. */
export function defaultRule(attr: RuleAttr, doc: unknown): Rule {
  const kind = ruleKind(attr);
  if (kind === 'set') {
    const first = valueOptions(attr, doc, String)[0];
    return { attr, op: 'in', values: first ? [first.value] : [] };
  }
  if (kind === 'flag') return { attr, value: 1 };
  const threshold = (doc as DocLike | null)?.population?.aum?.longTailThresholdCny;
  const value =
    attr === 'aum_cny'
      ? typeof threshold === 'number'
        ? threshold
        : 50_000
      : attr === 'propensity'
        ? 0.1
        : 0;
  return { attr, op: 'gte', value };
}

/** The `values` of a rule document as strings (anything else is left to validation to report). */
export function ruleValues(rule: RuleDoc): string[] {
  return Array.isArray(rule.values) ? rule.values.filter((v): v is string => typeof v === 'string') : [];
}
