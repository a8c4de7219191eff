// `sandtable power …`: the analytic pilot-power calculator on the command line. Parses flags,
// calls planPower and prints JSON or a plain-words explanation. Runtime: Node (node:util
// parseArgs); output goes through the injected `io`, so tests call it directly.
import { catalogueT, planNoteText, plannerErrorLine } from '../../messages/index';
import {
  type PlanInput,
  PlannerInputError,
  type PlanResult,
  type ProportionMethod,
  planPower,
  type TestKind,
} from '../planner/analytic';
import { decimal, flag, oneOf, parseCommand, UsageError } from './cli-args';

const en = catalogueT('en');

/** Where the CLI writes; each call passes whole lines ending in '\n'. */
export type PowerCliIo = { out: (s: string) => void; err: (s: string) => void };

const NUMERIC_FLAGS = {
  '--p-control': 'pControl',
  '--p-treat': 'pTreat',
  '--delta': 'delta',
  '--sd': 'sd',
  '--alpha': 'alpha',
  '--power': 'power',
  '--n-per-arm': 'nPerArm',
  '--clusters-per-arm': 'clustersPerArm',
  '--cluster-size': 'clusterSize',
  '--icc': 'icc',
  '--cv': 'cv',
  '--accrual-per-branch-week': 'accrualPerBranchPerWeek',
} as const;
const CHOICE_FLAGS = {
  '--outcome': ['binary', 'mean'],
  '--method': ['pooled', 'unpooled', 'arcsine'],
  '--test': ['z', 't'],
} as const;

type NumericFlag = keyof typeof NUMERIC_FLAGS;
type ChoiceFlag = keyof typeof CHOICE_FLAGS;
type Flags = Partial<Record<NumericFlag, number>> &
  Partial<Record<ChoiceFlag, string>> & { isJson: boolean; isHelp: boolean };

const USAGE = `Usage:
  power --outcome binary --p-control P0 --p-treat P1 [options]
  power --outcome mean --delta D --sd S [options]
Options:
  --alpha A                    two-sided significance level (default 0.05)
  --power P                    target power (default 0.8 when no size is given)
  --n-per-arm N                customers per arm: with the effect, computes the power;
                               with --power and no effect, solves the minimum detectable effect
  --clusters-per-arm K         branches per arm (with --icc)
  --cluster-size M             customers per branch (with --icc)
  --icc R                      intracluster correlation, in [0, 1)
  --cv C                       coefficient of variation of branch sizes (default 0)
  --method pooled|unpooled|arcsine   binary outcomes only (default pooled)
  --test z|t                   default z for individually randomised binary outcomes, else t
  --accrual-per-branch-week A  eligible customers per branch per week: gives the duration
  --json                       print one JSON object instead of the explanation
Exit codes: 0 ok, 1 invalid input values, 2 usage error.`;

/**
 * Runs `power` with the arguments after `power`; returns the exit code: 0 ok, 1 invalid input
 * values or impossible design ({@link PlannerInputError}), 2 usage error (unknown flag, missing
 * required flag, non-numeric value, conflicting flags). Errors are one line on `io.err`.
 */
export function runPowerCli(args: string[], io: PowerCliIo): number {
  try {
    const flags = parseFlags(args);
    if (flags.isHelp) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const input = toPlanInput(flags);
    const result = planPower(input);
    io.out(flags.isJson ? `${JSON.stringify(toJson(input, result), null, 2)}\n` : explain(input, result));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`usage error: ${e.message} (see power --help)\n`);
      return 2;
    }
    if (e instanceof PlannerInputError) {
      io.err(`${withFlagNames(plannerErrorLine(e, en))}\n`);
      return 1;
    }
    io.err(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** Every flag through the CLI's one flag layer (cli-args.ts); numbers, choices and booleans. */
const SPEC = {
  ...(Object.fromEntries(Object.keys(NUMERIC_FLAGS).map((f) => [f.slice(2), decimal()])) as Record<
    string,
    ReturnType<typeof decimal>
  >),
  ...(Object.fromEntries(
    Object.entries(CHOICE_FLAGS).map(([f, choices]) => [f.slice(2), oneOf(choices)]),
  ) as Record<string, ReturnType<typeof oneOf>>),
  json: flag(),
  help: flag(),
};

function parseFlags(args: string[]): Flags {
  const { flags: parsed } = parseCommand(args, SPEC, { short: { h: 'help' }, positionals: { max: 0 } });
  const flags: Flags = { isJson: parsed.json, isHelp: parsed.help };
  const values = parsed as Record<string, unknown>;
  for (const f of Object.keys(NUMERIC_FLAGS) as NumericFlag[]) {
    const v = values[f.slice(2)];
    if (typeof v === 'number') flags[f] = v;
  }
  for (const f of Object.keys(CHOICE_FLAGS) as ChoiceFlag[]) {
    const v = values[f.slice(2)];
    if (typeof v === 'string') flags[f] = v;
  }
  return flags;
}

function toPlanInput(f: Flags): PlanInput {
  const outcome = f['--outcome'];
  if (outcome === undefined) throw new UsageError('--outcome is required (binary or mean)');
  const foreign =
    outcome === 'binary'
      ? (['--delta', '--sd'] as const)
      : (['--p-control', '--p-treat', '--method'] as const);
  for (const flag of foreign) {
    if (f[flag] !== undefined) throw new UsageError(`${flag} does not apply to --outcome ${outcome}`);
  }
  const needed = outcome === 'binary' ? '--p-control' : '--sd';
  if (f[needed] === undefined) throw new UsageError(`${needed} is required with --outcome ${outcome}`);
  const effectFlag = outcome === 'binary' ? '--p-treat' : '--delta';
  const hasEffect = f[effectFlag] !== undefined;

  const isClustered = f['--icc'] !== undefined;
  const n = f['--n-per-arm'];
  const k = f['--clusters-per-arm'];
  const m = f['--cluster-size'];
  if (!isClustered) {
    for (const flag of [
      '--clusters-per-arm',
      '--cluster-size',
      '--cv',
      '--accrual-per-branch-week',
    ] as const) {
      if (f[flag] !== undefined) throw new UsageError(`${flag} needs a cluster design: add --icc`);
    }
  }
  const sizeCount = [n, k, m].filter((x) => x !== undefined).length;
  const sizesNeeded = isClustered ? 2 : 1;
  if (isClustered && k === undefined && m === undefined) {
    throw new UsageError(
      '--icc needs --cluster-size (to solve the branches) or --clusters-per-arm (to solve their size)',
    );
  }
  if (sizeCount > sizesNeeded) {
    throw new UsageError(
      'give at most two of --n-per-arm, --clusters-per-arm and --cluster-size: the third follows from n = k × m',
    );
  }
  const hasSize = sizeCount === sizesNeeded;
  if (isClustered && n !== undefined && !hasSize) {
    throw new UsageError('--n-per-arm in a cluster design needs --cluster-size or --clusters-per-arm too');
  }
  if (hasEffect && hasSize && f['--power'] !== undefined) {
    throw new UsageError(
      `give at most two of ${effectFlag}, --power and the size: the missing one is solved (over-determined)`,
    );
  }
  if (!hasEffect && !(hasSize && f['--power'] !== undefined)) {
    throw new UsageError(
      `${effectFlag} is missing: give it to solve the size or the power, or give --power and the size to solve the minimum detectable effect`,
    );
  }
  const test = (f['--test'] ?? (outcome === 'mean' || isClustered ? 't' : 'z')) as TestKind;
  return {
    outcome:
      outcome === 'binary'
        ? {
            kind: 'binary',
            pControl: f['--p-control']!,
            pTreat: f['--p-treat'],
            method: (f['--method'] ?? 'pooled') as ProportionMethod,
          }
        : { kind: 'mean', sd: f['--sd']!, delta: f['--delta'] },
    alpha: f['--alpha'] ?? 0.05,
    test,
    power: f['--power'] ?? (hasEffect && hasSize ? undefined : 0.8),
    nPerArm: n,
    cluster: isClustered
      ? { icc: f['--icc']!, cv: f['--cv'] ?? 0, clusterSize: m, clustersPerArm: k }
      : undefined,
    accrualPerBranchPerWeek: f['--accrual-per-branch-week'],
  };
}

/**
 * Puts flags in place of planner field names: the leading `field:` label always, and camelCase
 * names (pControl, nPerArm, …) anywhere; plain words such as "power" stay words in the text.
 */
function withFlagNames(message: string): string {
  let text = message;
  for (const [flag, field] of Object.entries(NUMERIC_FLAGS)) {
    if (text.startsWith(`${field}:`)) text = flag + text.slice(field.length);
    if (/[A-Z]/.test(field)) text = text.replace(new RegExp(`\\b${field}\\b`, 'g'), flag);
  }
  return text;
}

function toJson(input: PlanInput, r: PlanResult): Record<string, unknown> {
  const o = input.outcome;
  const inputs = dropUndefined({
    outcome: o.kind,
    pControl: o.kind === 'binary' ? o.pControl : undefined,
    pTreat: o.kind === 'binary' ? o.pTreat : undefined,
    method: o.kind === 'binary' ? o.method : undefined,
    delta: o.kind === 'mean' ? o.delta : undefined,
    sd: o.kind === 'mean' ? o.sd : undefined,
    alpha: input.alpha,
    power: input.power,
    test: input.test,
    nPerArm: input.nPerArm,
    clustersPerArm: input.cluster?.clustersPerArm,
    clusterSize: input.cluster?.clusterSize,
    icc: input.cluster?.icc,
    cv: input.cluster?.cv,
    accrualPerBranchWeek: input.accrualPerBranchPerWeek,
  });
  return dropUndefined({
    solvedFor: r.solvedFor,
    designEffect: r.designEffect,
    nPerArm: r.nPerArm,
    nPerArmRounded: r.nPerArmRounded,
    clustersPerArm: r.clustersPerArm,
    clustersPerArmRounded: r.clustersPerArmRounded,
    clusterSize: r.clusterSize,
    clusterSizeRounded: r.clusterSizeRounded,
    power: r.power,
    mde: r.mde,
    mdeDifference: r.mdeDifference,
    weeks: r.weeks,
    test: r.test,
    df: r.df,
    notes: r.notes.map((n) => ({ ...n, text: planNoteText(n, en) })),
    inputs,
  });
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Up to `digits` significant digits, no trailing zeros. */
function num(x: number, digits = 6): string {
  return String(Number(x.toPrecision(digits)));
}

function explain(input: PlanInput, r: PlanResult): string {
  const lines = [solvedLine(input, r), setupLine(input, r)];
  const c = input.cluster;
  if (c && r.clusterSize !== undefined) {
    const m = r.clusterSize;
    const cv = c.cv ?? 0;
    const formula = cv === 0 ? `1 + ${num(m - 1)}×${c.icc}` : `1 + ((${cv}² + 1)×${num(m)} − 1)×${c.icc}`;
    const sizes =
      cv === 0 ? `${num(m)} customers` : `on average ${num(m)} customers (sizes varying with CV ${cv})`;
    lines.push(
      `Design effect: customers of the same branch behave alike, so each branch of ${sizes} with ICC ${c.icc} ` +
        `counts as ${formula} = ${num(r.designEffect)} times fewer independent customers ` +
        `(about ${num(m / r.designEffect, 3)} independent customers per branch).`,
    );
  }
  if (r.weeks !== undefined) {
    const m = r.clusterSizeRounded ?? r.clusterSize!;
    lines.push(
      `Duration: each branch needs ${num(m)} eligible customers at ${input.accrualPerBranchPerWeek} a week: ${r.weeks} week${r.weeks === 1 ? '' : 's'}.`,
    );
  }
  for (const note of r.notes) lines.push(`Note: ${planNoteText(note, en)}`);
  return `${lines.join('\n')}\n`;
}

function solvedLine(input: PlanInput, r: PlanResult): string {
  switch (r.solvedFor) {
    case 'nPerArm':
      return `Customers needed per arm: ${num(r.nPerArm)}, so recruit ${r.nPerArmRounded} per arm (${2 * r.nPerArmRounded!} in total).`;
    case 'clustersPerArm':
      return (
        `Branches needed per arm: ${num(r.clustersPerArm!)}, so use ${r.clustersPerArmRounded} branches per arm ` +
        `of ${num(r.clusterSize!)} customers: ${r.nPerArmRounded} customers per arm (${2 * r.nPerArmRounded!} in total).`
      );
    case 'clusterSize':
      return (
        `Customers needed per branch: ${num(r.clusterSize!)}, so recruit ${r.clusterSizeRounded} in each of the ` +
        `${num(r.clustersPerArm!)} branches per arm: ${r.nPerArmRounded} customers per arm (${2 * r.nPerArmRounded!} in total).`
      );
    case 'power':
      return `Power: ${num(r.power)}, the chance that the test detects the difference if it is real.`;
    case 'mde': {
      const o = input.outcome;
      if (o.kind === 'binary') {
        return `Smallest detectable treatment rate: ${num(r.mde!)} (a rise of ${num(r.mdeDifference!)} over the control rate ${o.pControl}).`;
      }
      return `Smallest detectable difference in means: ${num(r.mde!)} (in the outcome's units; SD ${o.sd}).`;
    }
  }
}

function setupLine(input: PlanInput, r: PlanResult): string {
  const o = input.outcome;
  const test = r.test === 'z' ? 'z test' : `t test (df ${num(r.df!)})`;
  const what =
    o.kind === 'binary'
      ? `two proportions, ${o.method} variance; control rate ${o.pControl}` +
        (o.pTreat === undefined ? '' : `, treatment rate ${o.pTreat}`)
      : `two means; SD ${o.sd}` + (o.delta === undefined ? '' : `, difference ${o.delta}`);
  const size =
    r.solvedFor === 'power' || r.solvedFor === 'mde'
      ? `; ${num(r.nPerArm)} customers per arm` +
        (r.clustersPerArm === undefined
          ? ''
          : ` in ${num(r.clustersPerArm)} branches of ${num(r.clusterSize!)}`)
      : '';
  const power = r.solvedFor === 'power' ? '' : `; target power ${r.power}`;
  return `Two-sided ${test} of ${what}; alpha ${input.alpha}${power}${size}.`;
}
