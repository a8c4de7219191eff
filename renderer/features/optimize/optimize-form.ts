// The optimizer's form as the user fills it, turned into a spec document and checked with the core's
// zod schema (OptimizeSpecSchema), so every problem comes back with its path in the spec
// (`variables[0].to`, `selection.indifference`) and is shown at the field with that path.
import type { z } from 'zod';
import { type OptimizeSpec, OptimizeSpecSchema, type SensitivityOutput } from '../../../sim/index';

/** A typed number, empty (undefined) or text that does not parse (kept so the schema can say why). */
export type NumberDraft = number | string | undefined;

/** A decision variable: a numeric range (from/to/step), or a list of choices (ids or numbers). */
export type VariableDraft = {
  param: string;
  mode: 'range' | 'choices';
  from: NumberDraft;
  to: NumberDraft;
  step: NumberDraft;
  choices: Array<string | number>;
};
export type MeasureDraft = { output: SensitivityOutput; strategy: string | null };
export type ConstraintDraft = MeasureDraft & { min: NumberDraft; max: NumberDraft };

export type OptimizeDraft = {
  variables: VariableDraft[];
  objective: MeasureDraft & { sense: 'maximize' | 'minimize' };
  constraints: ConstraintDraft[];
  tradeOff: MeasureDraft;
  /** The numeric settings groups (screening, selection, …) by group and field; undefined: the default. */
  settings: Record<string, Record<string, NumberDraft>>;
};

export function emptyVariable(): VariableDraft {
  return { param: '', mode: 'range', from: undefined, to: undefined, step: undefined, choices: [] };
}

export function initialDraft(): OptimizeDraft {
  return {
    variables: [emptyVariable()],
    objective: { output: 'modelledValue', strategy: null, sense: 'maximize' },
    constraints: [],
    tradeOff: { output: 'cost', strategy: null },
    settings: {},
  };
}

/** δ suggested for an objective when the user gives none: a difference worth telling apart, in its unit. */
export function suggestedIndifference(output: SensitivityOutput): number {
  switch (output) {
    case 'roi':
      return 0.05;
    case 'conversionUplift':
      return 0.1;
    case 'staffHours':
      return 10;
    default:
      return 10_000;
  }
}

type Node = z.core.$ZodType;
const defOf = (s: Node) => (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;

/** The schema under optional/default/prefault wrappers, and the default value if one of them gives it. */
function unwrap(s: Node): { inner: Node; defaultValue?: unknown } {
  let cur = s;
  let defaultValue: unknown;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'default' && defaultValue === undefined) defaultValue = d.defaultValue;
    if (d.type !== 'optional' && d.type !== 'default' && d.type !== 'prefault' && d.type !== 'nullable')
      return { inner: cur, defaultValue };
    cur = d.innerType as Node;
  }
}

export type SettingField = { group: string; key: string; defaultValue: number | undefined };

/**
 * The spec's groups of plain number settings (screening, selection, and any the core adds), read
 * from the schema so a new setting shows up in the form without a change here.
 */
export function settingFields(schema: Node = OptimizeSpecSchema): SettingField[] {
  const shape = (unwrap(schema).inner as z.ZodObject).shape as Record<string, Node>;
  const out: SettingField[] = [];
  for (const [group, groupSchema] of Object.entries(shape)) {
    const inner = unwrap(groupSchema).inner;
    if (defOf(inner).type !== 'object') continue;
    const fields = Object.entries((inner as z.ZodObject).shape as Record<string, Node>).map(([key, f]) => {
      const u = unwrap(f);
      return { key, type: defOf(u.inner).type, defaultValue: u.defaultValue };
    });
    if (fields.length === 0 || fields.some((f) => f.type !== 'number')) continue;
    for (const f of fields)
      out.push({
        group,
        key: f.key,
        defaultValue: typeof f.defaultValue === 'number' ? f.defaultValue : undefined,
      });
  }
  return out;
}

const numberOrText = (v: NumberDraft) => v;
const measure = (m: MeasureDraft) =>
  m.strategy ? { output: m.output, strategy: m.strategy } : { output: m.output };

/** The spec document the form describes (typed text left as text, so the schema names it). */
export function specDocument(draft: OptimizeDraft): Record<string, unknown> {
  const settings: Record<string, Record<string, unknown>> = {};
  for (const [group, fields] of Object.entries(draft.settings)) {
    const kept = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
    if (kept.length) settings[group] = Object.fromEntries(kept);
  }
  const selection = { ...(settings.selection ?? {}) };
  if (selection.indifference === undefined)
    selection.indifference = suggestedIndifference(draft.objective.output);
  return {
    kind: 'sandtable.optimize',
    variables: draft.variables.map((v) =>
      v.mode === 'choices'
        ? { param: v.param, choices: v.choices }
        : { param: v.param, from: numberOrText(v.from), to: numberOrText(v.to), step: numberOrText(v.step) },
    ),
    objective: { ...measure(draft.objective), sense: draft.objective.sense },
    constraints: draft.constraints.map((c) => {
      const out: Record<string, unknown> = measure(c);
      if (c.min !== undefined) out.min = c.min;
      if (c.max !== undefined) out.max = c.max;
      return out;
    }),
    tradeOff: measure(draft.tradeOff),
    ...settings,
    selection,
  };
}

/**
 * A problem of the spec at a path: the schema's issue code and its bounds, so the studio words it in
 * the user's language; `message` is the schema's own text (used for a rule the studio has no words for).
 */
export type FormProblem = {
  path: string;
  code: string;
  /** What the bound counts: 'number', 'array' (items) … */
  origin?: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  message: string;
};
export type DraftCheck = { ok: true; spec: OptimizeSpec } | { ok: false; problems: FormProblem[] };

function pathText(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    prefix,
  );
}

function problemsOf(issues: readonly z.core.$ZodIssue[], prefix = ''): FormProblem[] {
  return issues.map((i) => {
    const x = i as unknown as Record<string, unknown>;
    const num = (k: string) =>
      typeof x[k] === 'number' || typeof x[k] === 'bigint' ? Number(x[k]) : undefined;
    return {
      path: pathText(prefix, i.path) || '(top level)',
      code: i.code,
      origin: typeof x.origin === 'string' ? x.origin : undefined,
      expected: typeof x.expected === 'string' ? x.expected : undefined,
      minimum: num('minimum'),
      maximum: num('maximum'),
      inclusive: typeof x.inclusive === 'boolean' ? x.inclusive : undefined,
      message: i.message,
    };
  });
}

/** The schema's two kinds of variable: [range, choices] (read from the union, not copied). */
function variableSchemas(): { range: Node; choices: Node } {
  const shape = (OptimizeSpecSchema as unknown as z.ZodObject).shape as Record<string, Node>;
  const element = defOf(unwrap(shape.variables).inner).element as Node;
  const options = defOf(element).options as Node[];
  const has = (o: Node, key: string) => key in ((unwrap(o).inner as z.ZodObject).shape ?? {});
  const range = options.find((o) => has(o, 'from')) ?? options[0];
  const choices = options.find((o) => has(o, 'choices')) ?? options[options.length - 1];
  return { range, choices };
}

/**
 * The spec, or every problem at its path: a variable is checked against the kind the form has
 * chosen for it (so "to" missing is reported at `variables[0].to`, not as a failed union); a
 * variable with no parameter picked yet, or one the scenario does not have (`isParam`: a spec kept
 * from another scenario), is a problem at its `param`.
 */
export function checkDraft(
  draft: OptimizeDraft,
  isParam: (path: string) => boolean = () => true,
): DraftCheck {
  const doc = specDocument(draft);
  const r = OptimizeSpecSchema.safeParse(doc);
  const unknown = draft.variables.flatMap((v, i) =>
    v.param && !isParam(v.param)
      ? [
          {
            path: `variables[${i}].param`,
            code: 'unknownParam',
            message: `${v.param} is not a parameter of this scenario`,
          },
        ]
      : [],
  );
  if (r.success && unknown.length === 0 && draft.variables.every((v) => v.param))
    return { ok: true, spec: r.data };
  const kinds = variableSchemas();
  const variables = doc.variables as unknown[];
  const located = draft.variables.flatMap((v, i) => {
    const own = (kinds[v.mode] as unknown as z.ZodType).safeParse(variables[i]);
    const problems = own.success ? [] : problemsOf(own.error.issues, `variables[${i}]`);
    return v.param ? problems : problems.filter((p) => !p.path.endsWith('.param')).concat(unpicked(i));
  });
  const rest = r.success ? [] : problemsOf(r.error.issues).filter((p) => !/^variables\[\d+\]/.test(p.path));
  return { ok: false, problems: [...unknown, ...located, ...rest] };
}

const unpicked = (i: number): FormProblem => ({
  path: `variables[${i}].param`,
  code: 'unpicked',
  message: 'pick a parameter',
});

/** The problems at one path of the spec (what a field shows under itself). */
export function problemsAt(check: DraftCheck, path: string): FormProblem[] {
  return check.ok ? [] : check.problems.filter((p) => p.path === path);
}

/** Parse "0.05, 0.1; 0.2" into numbers (a non-number kept as text for the schema to name). */
export function parseChoiceList(text: string): Array<string | number> {
  return text
    .split(/[,，;；\s]+/)
    .filter((s) => s !== '')
    .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
}
