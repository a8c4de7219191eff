// Runtime: Node (CLI). `npm run sim -- optimize <scenario.json> --spec <opt.json> …`: the best plan
// over the spec's decision variables for its objective under its constraints — screening on
// common random numbers, then the two-stage selection of Nelson & Matejcik (docs/model.md), with
// the best few against the current plan. Exit codes: 0 ok (also when nothing is feasible: the
// report says so), 1 invalid scenario or spec, 2 usage error, 130 cancelled.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT, issueText, sensitivityErrorText } from '../../messages/index';
import { defaultSettings } from '../api';
import { textIn } from '../scenario/local-text';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from '../sensitivity/errors';
import {
  type Comparison,
  currentValues,
  type OptimizeProgress,
  type OptimizeResult,
  runOptimize,
} from '../sensitivity/optimize';
import { type OptimizeSpec, parseOptimizeSpec } from '../sensitivity/optimize-spec';
import { decimal, flag, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const OPTIMIZE_USAGE = `  npm run sim -- optimize <scenario.json> --spec <opt.json> [--seed S] [--workers W]
                       [--out FILE [--force]] [--json] [--max-size MB]
                       (decision variables, objective and constraints in opt.json; screening on common
                       random numbers, then Nelson–Matejcik two-stage selection; see docs/model.md)`;

/** Largest spec file read (a spec is a few hundred bytes). */
const MAX_SPEC_BYTES = 1024 * 1024;

/** Read, parse and check the spec: the spec, or lines naming file, path, value and expectation. */
export async function readSpecFile(
  file: string,
  scenario: Scenario,
): Promise<{ ok: true; spec: OptimizeSpec } | { ok: false; messages: string[] }> {
  let raw: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, messages: [`${file}: error: is a folder, not a spec file`] };
    if (info.size > MAX_SPEC_BYTES)
      return { ok: false, messages: [`${file}: error: ${info.size} bytes; a spec is expected under 1 MB`] };
    raw = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    return { ok: false, messages: [`${file}: error: cannot read the spec (${why})`] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return { ok: false, messages: [`${file}: error: not JSON (${(e as Error).message})`] };
  }
  const r = parseOptimizeSpec(doc);
  if (!r.ok)
    return {
      ok: false,
      messages: r.problems.map(
        (p) => `${file}: error: ${p.path}: found ${JSON.stringify(p.value) ?? 'nothing'}; ${p.expected}`,
      ),
    };
  // Each variable must name a value of this scenario, and the strategies must exist.
  const messages: string[] = [];
  const strategies = scenario.strategies.map((s) => s.id);
  r.spec.variables.forEach((v, i) => {
    try {
      currentValues(scenario, { variables: [v] });
    } catch {
      messages.push(
        `${file}: error: variables[${i}].param: found ${JSON.stringify(v.param)}; expected the path of a number or a choice in the scenario (e.g. channels[sms].costPerAttemptCny, strategies[ID].journey.steps[ID].channel)`,
      );
    }
  });
  const checkStrategy = (where: string, s: string | null | undefined) => {
    if (s != null && !strategies.includes(s))
      messages.push(
        `${file}: error: ${where}.strategy: found ${JSON.stringify(s)}; expected one of ${strategies.join(', ')}`,
      );
  };
  checkStrategy('objective', r.spec.objective.strategy);
  r.spec.constraints.forEach((c, i) => {
    checkStrategy(`constraints[${i}]`, c.strategy);
  });
  if (r.spec.tradeOff) checkStrategy('tradeOff', r.spec.tradeOff.strategy);
  return messages.length ? { ok: false, messages } : r;
}

const fmt = (x: number) =>
  !Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : x.toPrecision(4);

function valuesText(spec: OptimizeSpec, c: Comparison): string {
  return spec.variables.map((v, i) => `${v.param} = ${c.values[i]}`).join(', ');
}

/** The document `--json` prints and `--out` writes. */
export function optimizeJson(spec: OptimizeSpec, r: OptimizeResult): string {
  const named = (c: Comparison) => ({
    ...c,
    plan: Object.fromEntries(spec.variables.map((v, i) => [v.param, c.values[i]])),
  });
  const doc = {
    kind: 'sandtable.optimize',
    method:
      'screening on common random numbers, then Nelson & Matejcik (1995) two-stage selection (Bonferroni)',
    objective: spec.objective,
    constraints: spec.constraints,
    variables: spec.variables.map((v) => v.param),
    seed: r.seed,
    screeningReplications: r.screeningReplications,
    selectionReplications: r.selectionReplications,
    indifference: spec.selection.indifference,
    confidence: spec.selection.confidence,
    pairedSd: r.pairedSd,
    t: r.t,
    capped: r.capped,
    feasible: r.best !== null,
    best: r.best && named(r.best),
    current: named(r.current),
    finalists: r.finalists.map(named),
    pareto: r.pareto,
    path: r.path,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function optimizeText(spec: OptimizeSpec, r: OptimizeResult, name: string): string {
  const o = spec.objective;
  const line = (c: Comparison) =>
    `  ${c.feasible ? ' ' : '✗'} ${valuesText(spec, c)}: ${o.output} ${fmt(c.objective)} ± ${fmt(c.objectiveSe)}; vs current ${fmt(c.vsCurrent.diff)} ± ${fmt(c.vsCurrent.se)} (90%: ${fmt(c.vsCurrent.low)} to ${fmt(c.vsCurrent.high)})${c.constraints.map((k) => `; ${k.output} ${fmt(k.estimate)} ± ${fmt(k.se)}${k.met ? '' : ' breaks its bound'}${k.close ? ' (bound within 1.645 SE)' : ''}`).join('')}`;
  const screened = r.path.filter((e) => e.stage === 'screening');
  return [
    `${name}: ${o.sense} ${o.output}${o.strategy ? ` (strategy ${o.strategy})` : ''} over ${spec.variables.map((v) => v.param).join(', ')}`,
    `screening: ${screened.length} candidates × ${r.screeningReplications} replications (${screened.filter((e) => e.feasible).length} meet the constraints); selection: ${r.finalists.length} finalists and the current plan × ${r.selectionReplications} replications${r.capped ? ' (capped by maxReplications: the indifference zone is not guaranteed)' : ''}, all on seed ${r.seed}`,
    '',
    r.best
      ? `best: ${valuesText(spec, r.best)}`
      : 'no candidate meets the constraints (infeasible): loosen a bound or widen a range',
    `current plan: ${valuesText(spec, r.current)}: ${o.output} ${fmt(r.current.objective)} ± ${fmt(r.current.objectiveSe)}`,
    'finalists (✗ = breaks a constraint), ± Monte Carlo SE, differences paired on the same replications:',
    ...r.finalists.map(line),
    `Pareto front (${o.output} vs ${spec.tradeOff?.output ?? 'cost'}): ${r.pareto.length} of ${screened.length} screened candidates`,
    '',
  ].join('\n');
}

/** `optimize …`: returns the exit code. */
export async function cmdOptimize(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    spec: text(),
    seed: text(),
    workers: wholeNumber(0, 64),
    out: text(),
    force: flag(),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('optimize needs exactly one scenario file');
  if (flags.spec === undefined) throw new UsageError('optimize needs --spec <opt.json>');
  if (flags.out !== undefined)
    await checkOutputPath(flags.out, [positional[0], flags.spec], flags.force === true);
  const loaded = await readScenarioFile(positional[0], maxBytesFrom(flags['max-size']));
  if (!loaded.ok) {
    for (const line of loaded.messages) io.err(`${line}\n`);
    return 1;
  }
  for (const line of loaded.warnings) io.err(`${line}\n`);
  const scenario = loaded.scenario;
  const read = await readSpecFile(flags.spec, scenario);
  if (!read.ok) {
    for (const line of read.messages) io.err(`${line}\n`);
    return 1;
  }
  const spec = read.spec;
  const settings = defaultSettings(scenario);
  if (flags.seed !== undefined) settings.seed = flags.seed;
  const pool = new NodePool({ threads: flags.workers ?? Math.max(1, availableParallelism()) });
  let bar: ProgressBar | null = null;
  let stage: OptimizeProgress['stage'] | null = null;
  let result: OptimizeResult;
  try {
    result = await runOptimize(pool, scenario, settings, spec, {
      signal,
      onProgress: (p) => {
        if (p.stage !== stage) {
          bar?.finish();
          stage = p.stage;
          io.err(`${p.stage}:\n`);
          bar = new ProgressBar(p.total, io.err);
        }
        bar?.update(p.done);
      },
    });
  } catch (e) {
    if (e instanceof SensitivityError && e.code === 'bad-point' && e.issue) {
      // A candidate the scenario refuses (checked before anything runs): name the variables' values.
      const en = catalogueT('en');
      io.err(
        `${flags.spec}: error: variables: ${e.params.params} = ${e.params.values} makes ${positional[0]} invalid: ${e.issue.path}: ${issueText(e.issue, en)}; narrow the range or the choices\n`,
      );
      return 1;
    }
    if (e instanceof SensitivityError) {
      io.err(`error: ${positional[0]} with ${flags.spec}: ${sensitivityErrorText(e, catalogueT('en'))}\n`);
      return 1;
    }
    throw e;
  } finally {
    await pool.close();
  }
  (bar as ProgressBar | null)?.finish();
  const body = optimizeJson(spec, result);
  io.out(flags.json ? body : optimizeText(spec, result, textIn(scenario.meta.name, 'en')));
  if (flags.out !== undefined) {
    await atomicWrite(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  return 0;
}
