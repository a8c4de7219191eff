// Runtime: Node (CLI). `npm run sim -- optimize <scenario.json> --spec <opt.json> …`: the best plan
// over the spec's decision variables for its objective under its constraints — screening on
// common random numbers, then the two-stage selection of Nelson & Matejcik (docs/model.md), with
// the best few against the current plan. Exit codes: 0 ok (also when nothing is feasible: the
// report says so), 1 invalid scenario or spec, 2 usage error, 130 cancelled.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { atomicWrite } from '../../main/fs/atomic-write';
import { catalogueT, issueText, sensitivityErrorText } from '../../messages/index';
import { defaultSettings } from '../api';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from '../sensitivity/errors';
import {
  type Comparison,
  candidateScenario,
  currentValues,
  type OptimizeProgress,
  type OptimizeResult,
  runOptimize,
} from '../sensitivity/optimize';
import { type OptimizeSpec, parseOptimizeSpec } from '../sensitivity/optimize-spec';
import { decimal, flag, parseCommand, text, UsageError, wholeNumber } from './cli-args';
import { checkOutputPath, maxBytesFrom, readScenarioFile } from './cli-io';
import { optimizeText, outputLabel } from './cli-optimize-text';
import { NodePool } from './node-pool';
import { ProgressBar } from './progress';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const OPTIMIZE_USAGE = `  npm run sim -- optimize <scenario.json> --spec <opt.json> [--seed S] [--workers W]
                       [--out RESULT.json] [--apply-out SCENARIO.json] [--force] [--json] [--max-size MB]
                       (decision variables, objective and constraints in opt.json; screening on common
                       random numbers, a search between grid points, then Nelson–Matejcik two-stage
                       selection; --out: the result document; --apply-out: the scenario with the best
                       plan applied; see docs/model.md)`;

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

/** The document `--json` prints and `--out` writes. */
export function optimizeJson(spec: OptimizeSpec, r: OptimizeResult): string {
  const named = (c: Comparison) => ({
    ...c,
    plan: Object.fromEntries(spec.variables.map((v, i) => [v.param, c.values[i]])),
  });
  const doc = {
    kind: 'sandtable.optimize',
    method:
      'screening on common random numbers, compass search between grid points, then Nelson & Matejcik (1995) two-stage selection (Bonferroni)',
    objective: spec.objective,
    constraints: spec.constraints,
    outputLabels: Object.fromEntries(
      [spec.objective.output, ...spec.constraints.map((c) => c.output), spec.tradeOff?.output ?? 'cost'].map(
        (o) => [o, outputLabel(o)],
      ),
    ),
    variables: spec.variables.map((v) => v.param),
    refine: spec.refine,
    refinement: r.refinement,
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

/** `optimize …`: returns the exit code. */
export async function cmdOptimize(args: string[], io: Io, signal: AbortSignal): Promise<number> {
  const { positional, flags } = parseCommand(args, {
    spec: text(),
    seed: text(),
    workers: wholeNumber(0, 64),
    out: text(),
    'apply-out': text(),
    force: flag(),
    json: flag(),
    'max-size': decimal(),
  });
  if (positional.length !== 1) throw new UsageError('optimize needs exactly one scenario file');
  if (flags.spec === undefined) throw new UsageError('optimize needs --spec <opt.json>');
  const inputs = [positional[0], flags.spec];
  if (flags.out !== undefined) await checkOutputPath(flags.out, inputs, flags.force === true);
  const applyOut = flags['apply-out'];
  if (applyOut !== undefined) {
    await checkOutputPath(applyOut, inputs, flags.force === true, '--apply-out');
    if (flags.out !== undefined && resolve(flags.out) === resolve(applyOut))
      throw new UsageError('--out and --apply-out name the same file; give each its own');
  }
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
  let done = 0;
  let result: OptimizeResult;
  try {
    result = await runOptimize(pool, scenario, settings, spec, {
      signal,
      onProgress: (p) => {
        if (p.stage !== stage) {
          bar?.finish(done);
          stage = p.stage;
          io.err(`${p.stage}:\n`);
          bar = new ProgressBar(p.total, io.err);
        }
        done = p.done;
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
  (bar as ProgressBar | null)?.finish(done);
  const body = optimizeJson(spec, result);
  io.out(flags.json ? body : optimizeText(spec, result, scenario.meta.name));
  if (flags.out !== undefined) {
    await atomicWrite(flags.out, body);
    io.err(`wrote ${flags.out}\n`);
  }
  if (applyOut !== undefined) {
    if (result.best === null) io.err(`no plan meets the constraints: ${applyOut} not written\n`);
    else {
      const best = candidateScenario(scenario, spec, result.best.values);
      await atomicWrite(applyOut, `${JSON.stringify(best, null, 2)}\n`);
      io.err(
        `wrote ${applyOut} (the scenario with the best plan: ${spec.variables.map((v, i) => `${v.param} = ${result.best?.values[i]}`).join(', ')})\n`,
      );
    }
  }
  return 0;
}
