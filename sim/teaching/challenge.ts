// Sealed challenges (kind "sandtable.challenge", version 1). A trainer hides parameters of a
// scenario; the file keeps the scenario without them, the task, the budget and the simulated
// pilots a learner may look at (observed results of the true scenario, one replication each), and
// seals the true values and the task's answer with the trainer's passphrase (seal.ts).
import { z } from 'zod';
import type { RunSummary } from '../results';
import { fromZodIssues, issueAt, type ScenarioIssue } from '../scenario/issues';
import { RequiredLocalTextSchema } from '../scenario/local-text';
import { getValue, setValue } from '../scenario/param-path';
import { type Loaded, loadJsonWith } from './load';
import { METRICS, metricValue } from './metrics';
import type { DesignPoint } from './scoring';
import { DEFAULT_ITERATIONS, SealError, seal, unseal } from './seal';

export const CHALLENGE_KIND = 'sandtable.challenge';
export const ANSWER_KIND = 'sandtable.challenge-answer';

/** Figures a best-of task can rank options by (higher is better). */
export const BEST_OF_METRICS = ['conversion-uplift-pp', 'new-money-per-customer-cny', 'roi'] as const;

export const TaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('estimate'),
    strategy: z.string().min(1),
    metric: z.enum(METRICS),
    /** Central interval level the learner gives (α = 1 − level in the interval score). */
    level: z.number().gt(0.5).lt(1).default(0.9),
  }),
  z.strictObject({
    kind: z.literal('best-of'),
    metric: z.enum(BEST_OF_METRICS),
    options: z.array(z.string().min(1)).min(2),
  }),
  z.strictObject({
    kind: z.literal('pilot-design'),
    strategy: z.string().min(1),
    targetPower: z.number().gt(0).lt(1).default(0.8),
    weeks: z.number().int().min(1).max(104),
    branchesPerArm: z
      .array(z.number().int().min(1))
      .min(2)
      .describe('The designs the learner may choose from.'),
  }),
]);
export type ChallengeTask = z.output<typeof TaskSchema>;
export type TaskKind = ChallengeTask['kind'];

const ObservationSchema = z.strictObject({
  pilot: z.number().int().min(1),
  /** Per strategy: one simulated pilot's observed uplift (pp), net new money per customer (CNY), cost (CNY). */
  strategies: z.record(
    z.string(),
    z.strictObject({
      conversionUpliftPp: z.number(),
      newMoneyPerCustomerCny: z.number(),
      costCny: z.number(),
    }),
  ),
});
export type Observation = z.output<typeof ObservationSchema>;

const SealedSchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(100_000),
    salt: z.string(),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: z.string() }),
  data: z.string(),
});

export const ChallengeSchema = z.strictObject({
  kind: z.literal(CHALLENGE_KIND),
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: RequiredLocalTextSchema,
  brief: RequiredLocalTextSchema,
  /** The scenario as authored, without the hidden fields. */
  scenario: z.record(z.string(), z.unknown()),
  hidden: z.array(z.string().min(1)).min(1),
  task: TaskSchema,
  budget: z.strictObject({ pilots: z.number().int().min(1).max(1000) }),
  /** What a trade report would show for each strategy: participants − non-participants, pp. */
  naiveGapPp: z.record(z.string(), z.number()),
  observations: z.array(ObservationSchema),
  sealed: SealedSchema,
});
export type Challenge = z.output<typeof ChallengeSchema>;

/** What the passphrase opens: the hidden values and the task's true answer. */
export type Truth = {
  hidden: Array<{ path: string; value: number | string | boolean }>;
  /** Uncertainty priors on hidden fields, taken out of the published scenario. */
  priors?: unknown[];
  answer:
    | { kind: 'estimate'; value: number }
    | { kind: 'best-of'; values: Record<string, number> }
    | { kind: 'pilot-design'; table: DesignPoint[] };
};

export const AnswerSchema = z.strictObject({
  kind: z.literal(ANSWER_KIND),
  version: z.literal(1),
  challenge: z.string().min(1),
  /** The challenge's seal (its first 24 characters) — an answer to another sealing is refused. */
  seal: z.string().min(1),
  learner: z.string().trim().min(1).max(80),
  pilotsUsed: z.number().int().min(0),
  answer: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('estimate'), low: z.number(), high: z.number() }),
    z.strictObject({ kind: z.literal('best-of'), choice: z.string().min(1) }),
    z.strictObject({ kind: z.literal('pilot-design'), branchesPerArm: z.number().int().min(1) }),
  ]),
});
export type ChallengeAnswer = z.output<typeof AnswerSchema>;

export type MakeInput = {
  /** The scenario document as authored (JSON), and its run under the true values. */
  doc: unknown;
  truthRun: RunSummary;
  id: string;
  title: z.input<typeof RequiredLocalTextSchema>;
  brief: z.input<typeof RequiredLocalTextSchema>;
  hide: readonly string[];
  task: z.input<typeof TaskSchema>;
  pilots: number;
  /** For a pilot-design task: the true power of each offered design (the planner's simulation). */
  designTable?: readonly DesignPoint[];
};

/** Why a challenge cannot be made or opened: a code with parameters (messages/ words it). */
export class ChallengeError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

const HIDDEN = '\u0000sandtable-hidden\u0000';
/** Observations keep 4 significant digits: what a pilot report would print. */
const round4 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : 0);

function strategyOf(run: RunSummary, id: string) {
  const s = run.strategies.find((x) => x.id === id);
  if (!s)
    throw new ChallengeError('challenge.unknown-strategy', {
      strategy: id,
      known: run.strategies.map((x) => x.id).join(', '),
    });
  return s;
}

function trueAnswer(input: MakeInput, task: ChallengeTask): Truth['answer'] {
  if (task.kind === 'estimate')
    return { kind: 'estimate', value: metricValue(strategyOf(input.truthRun, task.strategy), task.metric) };
  if (task.kind === 'best-of')
    return {
      kind: 'best-of',
      values: Object.fromEntries(
        task.options.map((o) => [o, metricValue(strategyOf(input.truthRun, o), task.metric)]),
      ),
    };
  strategyOf(input.truthRun, task.strategy);
  const table = (input.designTable ?? []).filter((p) => task.branchesPerArm.includes(p.branchesPerArm));
  if (table.length !== task.branchesPerArm.length) throw new ChallengeError('challenge.no-design-table');
  return { kind: 'pilot-design', table: [...table] };
}

/**
 * Make a sealed challenge. The hidden paths must name values of the scenario; the published file is
 * checked for every hidden value in any decimal form (leaksIn) and refused if one shows.
 */
export async function makeChallenge(
  input: MakeInput,
  passphrase: string,
  iterations = DEFAULT_ITERATIONS,
): Promise<Challenge> {
  const task = TaskSchema.parse(input.task);
  const { scenario, hidden, priors } = withoutHidden(input.doc, input.hide);
  const ids = task.kind === 'best-of' ? task.options : [task.strategy];
  const samples = (id: string) => strategyOf(input.truthRun, id).samples;
  const observations: Observation[] = [];
  const available = samples(ids[0]).conversionUpliftPp.length;
  if (input.pilots > available)
    throw new ChallengeError('challenge.too-few-replications', {
      pilots: input.pilots,
      replications: available,
    });
  for (let r = 0; r < input.pilots; r++)
    observations.push({
      pilot: r + 1,
      strategies: Object.fromEntries(
        ids.map((id) => {
          const s = samples(id);
          return [
            id,
            {
              conversionUpliftPp: round4(s.conversionUpliftPp[r]),
              newMoneyPerCustomerCny: round4(s.newMoneyUpliftPerCustomerCny[r]),
              costCny: round4(s.costCny[r]),
            },
          ];
        }),
      ),
    });
  const truth: Truth = { hidden, ...(priors.length ? { priors } : {}), answer: trueAnswer(input, task) };
  const challenge: Challenge = {
    kind: CHALLENGE_KIND,
    version: 1,
    id: input.id,
    title: input.title,
    brief: input.brief,
    scenario,
    hidden: hidden.map((h) => h.path),
    task,
    budget: { pilots: input.pilots },
    naiveGapPp: Object.fromEntries(
      ids.map((id) => [id, round4(strategyOf(input.truthRun, id).naive.naiveUpliftPp.mean)]),
    ),
    observations,
    sealed: await seal(truth, passphrase, iterations),
  };
  // The ciphertext is random base64 (its digit runs mean nothing); every other byte is checked.
  refuseLeaks(JSON.stringify({ ...challenge, sealed: null }, null, 2), hidden);
  return challenge;
}

/**
 * The scenario document without the hidden fields, and their values. Throws ChallengeError when a
 * path names no value, or when the rest of the document shows a hidden value (checked before any
 * simulation, so a trainer learns it at once).
 */
export function withoutHidden(
  doc: unknown,
  hide: readonly string[],
): { scenario: Record<string, unknown>; hidden: Truth['hidden']; priors: unknown[] } {
  const published = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  const hidden: Truth['hidden'] = [];
  for (const path of hide) {
    const read = getValue(published, path);
    if (!read.ok) throw new ChallengeError('challenge.bad-hide', { path });
    hidden.push({ path, value: read.value });
    setValue(published, path, HIDDEN);
  }
  // A prior on a hidden field would tell its value (its mode, its range): it is sealed with it.
  // The prior's path may name the field another way (an index for an id): it names a hidden field
  // when it reads the sentinel.
  const priors: unknown[] = [];
  if (Array.isArray(published.uncertainty))
    published.uncertainty = published.uncertainty.filter((u: { param?: unknown }) => {
      const read = typeof u?.param === 'string' ? getValue(published, u.param) : null;
      const isHidden = read?.ok === true && read.value === HIDDEN;
      if (isHidden) priors.push(u);
      return !isHidden;
    });
  const scenario = JSON.parse(JSON.stringify(published, (_k, v) => (v === HIDDEN ? undefined : v)));
  refuseLeaks(JSON.stringify(scenario), hidden);
  return { scenario, hidden, priors };
}

function refuseLeaks(text: string, hidden: Truth['hidden']): void {
  const numbers = hidden.flatMap((h) =>
    typeof h.value === 'number' ? [{ path: h.path, value: h.value }] : [],
  );
  const leak = leaksIn(text, numbers)[0];
  if (leak) throw new ChallengeError('challenge.value-leak', { path: leak.path, value: leak.token });
}

/**
 * Every number written in `text` (integers, decimals, exponents; a percentage as its fraction) that
 * equals a hidden value: 0.35, .35, 0.350, 3.5e-1 and 35% all match 0.35. Used to refuse a challenge file that would show one.
 */
export function leaksIn(
  text: string,
  hidden: ReadonlyArray<{ path: string; value: number }>,
): Array<{ path: string; token: string }> {
  const out: Array<{ path: string; token: string }> = [];
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const m of text.matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?/g)) {
    const token = m[0];
    const x = Number(token.replace('%', ''));
    const isPercent = token.endsWith('%');
    for (const h of hidden)
      if (same(x, isPercent ? h.value * 100 : h.value)) out.push({ path: h.path, token });
  }
  return out;
}

/** Validate a parsed challenge file. */
export function validateChallenge(doc: unknown): Loaded<Challenge> {
  const r = ChallengeSchema.safeParse(doc);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, issues: fromZodIssues(ChallengeSchema, r.error.issues, doc) };
}

export const loadChallengeText = (text: string) => loadJsonWith(text, validateChallenge);

/** Open a challenge with the trainer's passphrase; a wrong one throws SealError('challenge.wrong-passphrase'). */
export async function openChallenge(c: Challenge, passphrase: string): Promise<Truth> {
  const truth = (await unseal(c.sealed, passphrase)) as Truth;
  if (truth.hidden.map((h) => h.path).join('\n') !== c.hidden.join('\n'))
    throw new SealError('challenge.wrong-passphrase');
  return truth;
}

/** Validate an answer file against its challenge: same challenge and sealing, an answer of the task's kind. */
export function validateAnswer(doc: unknown, c: Challenge): Loaded<ChallengeAnswer> {
  const r = AnswerSchema.safeParse(doc);
  if (!r.success) return { ok: false, issues: fromZodIssues(AnswerSchema, r.error.issues, doc) };
  const a = r.data;
  const issues: ScenarioIssue[] = [];
  const bad = (path: string, detail: string) =>
    issues.push(issueAt('error', path, 'schema.other', { found: null, detail }));
  if (a.challenge !== c.id || a.seal !== sealId(c))
    bad('challenge', `an answer to another challenge (${a.challenge}), not ${c.id}`);
  if (a.answer.kind !== c.task.kind) bad('answer.kind', `a ${a.answer.kind} answer to a ${c.task.kind} task`);
  if (a.answer.kind === 'estimate' && !(a.answer.low <= a.answer.high))
    bad('answer.high', 'the upper bound is below the lower bound');
  if (a.answer.kind === 'best-of' && c.task.kind === 'best-of' && !c.task.options.includes(a.answer.choice))
    bad('answer.choice', `not one of ${c.task.options.join(', ')}`);
  if (
    a.answer.kind === 'pilot-design' &&
    c.task.kind === 'pilot-design' &&
    !c.task.branchesPerArm.includes(a.answer.branchesPerArm)
  )
    bad('answer.branchesPerArm', `not one of ${c.task.branchesPerArm.join(', ')}`);
  return issues.length ? { ok: false, issues } : { ok: true, value: a };
}

export const loadAnswerText = (text: string, c: Challenge) =>
  loadJsonWith(text, (doc) => validateAnswer(doc, c));

/** Which sealing an answer belongs to (the start of the ciphertext: re-sealing changes it). */
export function sealId(c: Pick<Challenge, 'sealed'>): string {
  return c.sealed.data.slice(0, 24);
}

/** A learner's answer file. */
export function makeAnswer(
  c: Challenge,
  learner: string,
  answer: ChallengeAnswer['answer'],
  pilotsUsed: number,
): ChallengeAnswer {
  return {
    kind: ANSWER_KIND,
    version: 1,
    challenge: c.id,
    seal: sealId(c),
    learner: learner.trim(),
    pilotsUsed,
    answer,
  };
}
