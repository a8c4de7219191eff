// Runtime: Node (CLI). What `optimize` prints: the best plan against the current one, the
// finalists as a table, how the search went (screening, refinement, selection) and the Pareto
// front; outputs named by id and in both languages (the message catalogue's `output.<id>`, as in the studio).
import { catalogueT } from '../../messages/index';
import { bothLanguages, type LocalText } from '../scenario/local-text';
import type {
  Choice,
  Comparison,
  ConstraintResult,
  Evaluation,
  OptimizeResult,
} from '../sensitivity/optimize';
import type { OptimizeSpec, OptimizeVariable } from '../sensitivity/optimize-spec';
import type { SensitivityOutput } from '../sensitivity/outputs';
import { fmt, table } from './cli-table';

const enT = catalogueT('en');
const zhT = catalogueT('zh-CN');

/** An output's name in both languages, e.g. "总成本 / Total cost". */
export function outputLabel(o: SensitivityOutput): string {
  return bothLanguages({ 'zh-CN': zhT(`output.${o}`), en: enT(`output.${o}`) });
}

/** A variable's column name: the path from its last named element, e.g. `ai.channel`. */
export function shortName(param: string): string {
  const m = /\[([^\]]+)\]\.([^[\]]+)$/.exec(param);
  return m ? `${m[1]}.${m[2]}` : param;
}

const isCurrentPlan = (r: OptimizeResult, values: readonly Choice[]) =>
  values.every((x, i) => x === r.current.values[i]);
const signed = (x: number) => (x > 0 ? `+${fmt(x)}` : fmt(x));
const of = (strategy: string | null) => (strategy ? ` (${strategy})` : '');

function bound(c: { min?: number; max?: number }): string {
  // As the spec wrote them.
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  return c.max !== undefined ? `≤ ${c.max}` : `≥ ${c.min}`;
}

function range(v: OptimizeVariable): string {
  return 'choices' in v ? `one of ${v.choices.join(', ')}` : `${v.from} to ${v.to}, grid step ${v.step}`;
}

function plan(spec: OptimizeSpec, values: readonly Choice[]): string {
  return spec.variables.map((v, i) => `${shortName(v.param)} = ${values[i]}`).join(', ');
}

function constraintCell(k: ConstraintResult): string {
  return `${fmt(k.estimate)} ± ${fmt(k.se)}${k.met ? '' : ' ✗'}${k.close ? ' ~' : ''}`;
}

function finalistTable(spec: OptimizeSpec, r: OptimizeResult): string {
  const o = spec.objective.output;
  const header = [
    '',
    ...spec.variables.map((v) => shortName(v.param)),
    o,
    '± SE',
    'vs current',
    '± SE',
    '90% interval',
    ...spec.constraints.map((c) => `${c.output}${of(c.strategy ?? null)} ${bound(c)}`),
  ];
  const row = (c: Comparison, mark: string) => [
    mark,
    ...c.values.map(String),
    fmt(c.objective),
    fmt(c.objectiveSe),
    ...(mark.includes('current')
      ? ['', '', '']
      : [
          signed(c.vsCurrent.diff),
          fmt(c.vsCurrent.se),
          `${fmt(c.vsCurrent.low)} to ${fmt(c.vsCurrent.high)}`,
        ]),
    ...c.constraints.map(constraintCell),
  ];
  const isCurrent = (c: Comparison) => isCurrentPlan(r, c.values);
  const mark = (c: Comparison) =>
    [c === r.best ? 'best' : '', isCurrent(c) ? 'current' : '', c.feasible ? '' : '✗']
      .filter(Boolean)
      .join(', ');
  const rows = r.finalists.map((c) => row(c, mark(c)));
  // The current plan's own row, unless it is a finalist.
  if (!r.finalists.some(isCurrent)) rows.push(row(r.current, 'current'));
  return table(header, rows);
}

function paretoTable(spec: OptimizeSpec, front: readonly Evaluation[]): string {
  const t = `${spec.tradeOff?.output ?? 'cost'} (${spec.tradeOff?.strategy ?? 'all strategies'})`;
  const header = ['', ...spec.variables.map((v) => shortName(v.param)), spec.objective.output, t];
  const shown = front.slice(0, 12);
  const rows = shown.map((e) => [
    e.feasible ? '' : '✗',
    ...e.values.map(String),
    fmt(e.objective),
    fmt(e.tradeOff),
  ]);
  const more = front.length > shown.length ? `\n  … ${front.length - shown.length} more in --json` : '';
  return `${table(header, rows)}${more}`;
}

function searchLines(spec: OptimizeSpec, r: OptimizeResult): string[] {
  const screened = r.path.filter((e) => e.stage === 'screening');
  const refined = r.path.filter((e) => e.stage === 'refinement');
  const f = r.refinement;
  const steps = f?.finalSteps
    .map((h, i) => (h === null ? null : `${shortName(spec.variables[i].param)} ${h}`))
    .filter((x) => x !== null);
  return [
    `  1. screening: ${screened.length} grid points (the current plan among them) × ${r.screeningReplications} replications; ${screened.filter((e) => e.feasible).length} meet the constraints`,
    f
      ? `  2. refinement between grid points: ${f.evaluations} new points${f.skipped ? ` (${f.skipped} refused by the scenario, skipped)` : ''}, ${refined.filter((e) => e.feasible).length} meeting the constraints; from ${plan(spec, f.start)} to ${plan(spec, f.end)}; smallest step tried ${steps?.join(', ') || 'n/a'}`
      : '  2. refinement between grid points: off (refine.maxEvaluations 0, no range variable, or nothing to start from)',
    `  3. selection: ${r.finalists.length} finalists and the current plan re-run × ${r.selectionReplications} replications (δ = ${fmt(spec.selection.indifference)}, ${Math.round(spec.selection.confidence * 100)}% confidence, Nelson & Matejcik 1995)${r.capped ? '; capped by maxReplications, so the δ guarantee does not hold' : ''}`,
    `  all on seed ${r.seed}, common random numbers throughout`,
  ];
}

/** The readable report of an optimizer run. */
export function optimizeText(spec: OptimizeSpec, r: OptimizeResult, scenarioName: LocalText): string {
  const o = spec.objective;
  const legend = [
    o.output,
    ...spec.constraints.map((c) => c.output),
    ...(spec.tradeOff ? [spec.tradeOff.output] : []),
  ].filter((x, i, all) => all.indexOf(x) === i);
  const best = r.best;
  const isCurrent = best !== null && isCurrentPlan(r, best.values);
  const vsCurrent = !best
    ? `  current plan: ${plan(spec, r.current.values)}`
    : isCurrent
      ? `  ${o.output} ${fmt(best.objective)} ± ${fmt(best.objectiveSe)}: the current plan; no candidate beat it`
      : `  ${o.output} ${fmt(best.objective)} ± ${fmt(best.objectiveSe)}, ${signed(best.vsCurrent.diff)} ± ${fmt(best.vsCurrent.se)} vs the current plan (${plan(spec, r.current.values)}), 90% interval ${fmt(best.vsCurrent.low)} to ${fmt(best.vsCurrent.high)}, paired on the same replications`;
  return [
    `${bothLanguages(scenarioName)}`,
    `${o.sense} ${o.output}${of(o.strategy ?? null)}${spec.constraints.length ? ` subject to ${spec.constraints.map((c) => `${c.output}${of(c.strategy ?? null)} ${bound(c)}`).join(', ')}` : ''}`,
    ...legend.map((x) => `  ${x}: ${outputLabel(x)}`),
    'over',
    ...spec.variables.map((v) => `  ${shortName(v.param)}: ${v.param}, ${range(v)}`),
    '',
    best
      ? `best plan: ${plan(spec, best.values)}`
      : 'no plan meets the constraints (infeasible): loosen a bound or widen a range',
    vsCurrent,
    '',
    'finalists (± Monte Carlo SE; vs current: paired difference; ✗ breaks a bound, ~ bound within 1.645 SE):',
    finalistTable(spec, r),
    '',
    'search:',
    ...searchLines(spec, r),
    '',
    `Pareto front (${o.output} ${o.sense === 'maximize' ? 'higher' : 'lower'} is better, ${spec.tradeOff?.output ?? 'cost'} lower; ✗ breaks a bound): ${r.pareto.length} of ${r.path.filter((e) => e.stage !== 'selection').length} points at ${r.screeningReplications} replications`,
    paretoTable(spec, r.pareto),
    '',
  ].join('\n');
}
