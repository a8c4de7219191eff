// The lesson file (scenarios/lessons/*.json, kind "sandtable.lesson", version 1): a sequence of
// steps on one example scenario — text, a highlighted part of the studio, an action, and
// predict-then-run questions the learner answers before pressing Run. Loading is
// text → JSON → zod → cross-checks; every error names the path (and line), the value and what
// was expected, as scenario files do.
import { z } from 'zod';
import type { IssueMessage } from '../scenario/issue-codes';
import { fromZodIssues, issueAt, type ScenarioIssue, unknownRef } from '../scenario/issues';
import { RequiredLocalTextSchema } from '../scenario/local-text';
import { getValue } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { glossaryKeys } from './glossary';
import { loadJsonWith } from './load';
import { METRICS } from './metrics';

export const LESSON_KIND = 'sandtable.lesson';
export const LESSON_VERSION = 1;

/** Parts of the studio a step can highlight (the renderer maps each to an element). */
export const STUDIO_PARTS = [
  'nav-overview',
  'nav-population',
  'nav-offers',
  'nav-strategies',
  'nav-channels',
  'nav-calendar',
  'nav-results',
  'nav-compare',
  'nav-planner',
  'run-button',
  'kpi-grid',
  'verdict',
  'funnel',
  'naive-vs-causal',
  'flows',
  'cost',
  'channels-table',
  'population-preview',
] as const;
export type StudioPart = (typeof STUDIO_PARTS)[number];

export const LESSON_SCREENS = [
  'overview',
  'population',
  'offers',
  'strategies',
  'channels',
  'calendar',
  'results',
  'compare',
  'planner',
] as const;

const Text = RequiredLocalTextSchema;
const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'schema.not-an-id' });
const ParamValue = z.union([z.number(), z.string(), z.boolean()]);
const SetSchema = z.strictObject({ path: z.string().min(1), value: ParamValue });

const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('goto'), screen: z.enum(LESSON_SCREENS) }),
  z.strictObject({ type: z.literal('set'), set: z.array(SetSchema).min(1), label: Text }),
]);

const Asked = {
  id,
  prompt: Text,
  strategy: z.string().min(1).describe('Strategy id whose result answers the question.'),
  metric: z.enum(METRICS),
  explanation: Text,
};

const QuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('number'),
    ...Asked,
    unit: Text,
    tolerance: z.number().positive().describe('Full marks at 0 error, half at this error, none at twice it.'),
  }),
  z.strictObject({
    kind: z.literal('choice'),
    ...Asked,
    options: z
      .array(
        z.strictObject({
          id,
          text: Text,
          min: z.number().optional().describe('The option is right when min ≤ result < max.'),
          max: z.number().optional(),
        }),
      )
      .min(2)
      .max(6),
  }),
]);

const StepSchema = z.strictObject({
  id,
  title: Text,
  text: Text,
  highlight: z.enum(STUDIO_PARTS).optional(),
  glossary: z.array(z.string()).default([]).describe('Glossary keys the step links to.'),
  action: ActionSchema.optional(),
  question: QuestionSchema.optional(),
});

export const LessonSchema = z.strictObject({
  kind: z.literal(LESSON_KIND),
  version: z.literal(LESSON_VERSION),
  id,
  title: Text,
  summary: Text,
  minutes: z.number().int().min(5).max(90),
  scenario: z
    .string()
    .regex(/^[a-z0-9-]+\.json$/)
    .describe('An example in scenarios/, by file name.'),
  setup: z
    .array(SetSchema)
    .default([])
    .describe('Values set when the lesson starts (e.g. fewer replications).'),
  steps: z.array(StepSchema).min(1),
});

export type Lesson = z.output<typeof LessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonQuestion = NonNullable<LessonStep['question']>;

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validate a parsed lesson. With `scenario` (the example it names, loaded), also checks that each
 * question's strategy and each set path exist in it. Never throws.
 */
export function validateLesson(doc: unknown, scenario?: Scenario): LessonResult {
  const parsed = LessonSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(LessonSchema, parsed.error.issues, doc) };
  const lesson = parsed.data;
  const issues: ScenarioIssue[] = [];
  const ref = (path: string, m: IssueMessage) => issues.push(issueAt('error', path, m.code, m.params));
  const keys = glossaryKeys();
  const stepIds = new Set<string>();
  lesson.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) ref(`steps[${i}].id`, { code: 'id.duplicate', params: { id: step.id } });
    stepIds.add(step.id);
    step.glossary.forEach((k, j) => {
      if (!keys.includes(k)) ref(`steps[${i}].glossary[${j}]`, unknownRef(k, 'glossary', keys.slice(0, 8)));
    });
  });
  if (scenario) {
    const strategies = scenario.strategies.map((s) => s.id);
    const checkSets = (sets: readonly { path: string }[], at: string) =>
      sets.forEach((s, j) => {
        const read = getValue(scenario, s.path);
        if (!read.ok) issues.push(issueAt('error', `${at}[${j}].path`, read.error.code, read.error.params));
      });
    checkSets(lesson.setup, 'setup');
    lesson.steps.forEach((step, i) => {
      if (step.action?.type === 'set') checkSets(step.action.set, `steps[${i}].action.set`);
      const q = step.question;
      if (q && !strategies.includes(q.strategy))
        ref(`steps[${i}].question.strategy`, unknownRef(q.strategy, 'strategy', strategies));
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, lesson };
}

/** Parse and validate lesson text; issues carry line and column. */
export function loadLessonText(text: string, scenario?: Scenario): LessonResult {
  const r = loadJsonWith(text, (doc) => {
    const v = validateLesson(doc, scenario);
    return v.ok ? { ok: true, value: v.lesson } : v;
  });
  return r.ok ? { ok: true, lesson: r.value } : r;
}

export type PredictionScore = {
  /** 0–100. */
  score: number;
  actual: number;
  /** For choices: the option the result falls in (undefined when none does). */
  correctOption?: string;
};

/**
 * Score a committed prediction against the run's result. Numbers: 100 × max(0, 1 − |p − a| ÷ 2t)
 * with t the question's tolerance — full marks when exact, 50 at the tolerance, 0 at twice it.
 * Choices: 100 when the chosen option's [min, max) holds the result, else 0.
 */
export function scorePrediction(
  q: LessonQuestion,
  prediction: number | string,
  actual: number,
): PredictionScore {
  if (q.kind === 'number') {
    const p = typeof prediction === 'number' ? prediction : Number(prediction);
    const error = Math.abs(p - actual);
    const score = Number.isFinite(error) ? Math.round(100 * Math.max(0, 1 - error / (2 * q.tolerance))) : 0;
    return { score, actual };
  }
  const correct = q.options.find(
    (o) => (o.min === undefined || actual >= o.min) && (o.max === undefined || actual < o.max),
  );
  return { score: correct && correct.id === prediction ? 100 : 0, actual, correctOption: correct?.id };
}
