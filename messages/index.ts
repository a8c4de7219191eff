// The one message catalogue: what the core's codes say, in every language the studio and the CLI
// speak. sim/ returns `{ code, params }` (scenario issues, planner notes); this module words them.
// The studio loads the bundles as the i18next namespace 'messages' and passes its `t`; the CLI and
// the shell use `catalogueT` (same templates, same `{{name}}` interpolation, no i18next instance).
import type {
  IssueMessage,
  MessageParam,
  PilotNote,
  PlanNote,
  PlannerInputError,
  ScenarioIssue,
  SensitivityError,
  Verdict,
} from '../sim/index';
import en from './en.json';
import zhCN from './zh-CN.json';

export const MESSAGES_NS = 'messages';
export const MESSAGE_BUNDLES = { en, 'zh-CN': zhCN } as const;
export type MessageLocale = keyof typeof MESSAGE_BUNDLES;

/** A translate function over the catalogue: key (e.g. `issue.ref.unknown`), then `{{name}}` values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The catalogue's own translate function for `locale` (the CLI, the shell, tests). */
export function catalogueT(locale: MessageLocale = 'en'): Translate {
  const bundle = MESSAGE_BUNDLES[locale] as unknown as Record<string, Record<string, string>>;
  return (key, values = {}) => {
    const dot = key.indexOf('.');
    const template = bundle[key.slice(0, dot)]?.[key.slice(dot + 1)];
    if (template === undefined) return key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      name in values ? String(values[name]) : `{{${name}}}`,
    );
  };
}

const MAX_LISTED = 12;
const isMessage = (v: MessageParam): v is IssueMessage =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'code' in v;

/** One parameter as words: lists joined, nested messages worded, missing values named. */
function word(name: string, value: MessageParam, msg: IssueMessage, t: Translate): string {
  if (isMessage(value)) return issueText(value, t);
  if (Array.isArray(value)) {
    if (name === 'cycle') return value.join(' → ');
    if (value.length === 0) return t('word.none');
    if (name === 'known' && value.length > MAX_LISTED) return `${value.slice(0, MAX_LISTED).join(', ')}, …`;
    return value.join(', ');
  }
  if (name === 'guess') return value === null ? '' : t('word.didYouMean', { guess: value });
  if (value === null) return t(msg.code.startsWith('json.') ? 'word.endOfFile' : 'word.missing');
  if (name === 'what') return t(`ref.${value}`);
  if (name === 'expected' && typeof value === 'string') {
    const typeWord = t(`type.${value}`);
    return typeWord === `type.${value}` ? value : typeWord;
  }
  if (name === 'isInclusive') {
    const isUpper = msg.code === 'schema.too-big' || msg.code === 'schema.too-many-items';
    if (isUpper) return t(value ? 'word.atMost' : 'word.lessThan');
    return t(value ? 'word.atLeast' : 'word.moreThan');
  }
  // Ids, keys and params are quoted as the document writes them.
  if (QUOTED.has(name) && typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const QUOTED = new Set(['id', 'key', 'step', 'start', 'param']);

/** An issue (or any message from the core) in the language of `t`. */
export function issueText(msg: IssueMessage, t: Translate): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(msg.params)) {
    values[name === 'isInclusive' ? 'relation' : name] = word(name, value, msg, t);
  }
  // `ref.unknown` quotes the value it did not find; elsewhere `value` is a number from the file.
  if (msg.code === 'ref.unknown') values.value = JSON.stringify(msg.params.value);
  return t(`issue.${msg.code}`, values);
}

/** One line per issue, as compilers print them: `file:line:col: error: path: message`. */
export function formatIssue(issue: ScenarioIssue, t: Translate = catalogueT(), source?: string): string {
  const where = [source, issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : undefined]
    .filter(Boolean)
    .join(':');
  const path = issue.path ? `${issue.path}: ` : '';
  return `${where ? `${where}: ` : ''}${t(`word.${issue.severity}`)}: ${path}${issueText(issue, t)}`;
}

/** How a surface writes the numbers of a note: powers (the studio: 83%; the CLI: 0.83) and plain numbers. */
export type NoteNumbers = { power(x: number): string; num(x: number, digits: number): string };

/** Two decimals as the CLI prints them (`0.83`), n/a when not finite. */
export function plainNumbers(t: Translate = catalogueT()): NoteNumbers {
  const num = (x: number, digits: number) =>
    Number.isFinite(x) ? String(Number(x.toFixed(digits))) : t('word.notAvailable');
  return { power: (x) => num(x, 2), num };
}

function noteValues(n: PilotNote, t: Translate, f: NoteNumbers): Record<string, string | number> {
  const p = n.params;
  const k = p.k ?? Number.NaN;
  return {
    what: t(`outcome.${n.outcome}`),
    simulated: f.power(p.simulated),
    se: f.power(p.simulatedSe),
    analytic: f.power(p.analytic),
    k,
    df: 2 * (k - 1),
    cv: f.num(p.cv ?? Number.NaN, 2),
    buyers: f.num(p.buyersPerBranch ?? Number.NaN, 1),
    icc: f.num(p.icc ?? Number.NaN, 4),
    iccSe: f.num(p.iccSe ?? Number.NaN, 4),
  };
}

/** A planner note (simulated vs analytic power) in the language of `t`. */
export function noteText(n: PilotNote, t: Translate, f: NoteNumbers = plainNumbers(t)): string {
  return t(`note.${n.code}`, noteValues(n, t, f));
}

/** The heading above the likely reasons when simulation and formula disagree. */
export function noteHeading(n: PilotNote, t: Translate, f: NoteNumbers = plainNumbers(t)): string {
  return t(`note.heading_${n.direction === 'lower' ? 'lower' : 'higher'}`, noteValues(n, t, f));
}

/** How the simulated MDE is computed (the report's `mdeMethod` code), in words. */
export function mdeMethodText(code: string, t: Translate): string {
  return t(`mdeMethod.${code}`);
}

/** A caveat of the analytic plan in the language of `t`; `num` writes its numbers (default: 4 significant digits). */
export function planNoteText(
  n: PlanNote,
  t: Translate,
  num: (x: number) => string = (x) => String(Number(x.toPrecision(4))),
): string {
  switch (n.code) {
    case 'at-minimum':
      return t('planNote.at-minimum', {
        what: t(`planNote.what_${n.params.what}`),
        power: num(n.params.power),
      });
    case 'single-customer':
      return t('planNote.single-customer', { power: num(n.params.power) });
    case 'too-few-branches':
      return t('planNote.too-few-branches', { k: num(n.params.k), min: n.params.min });
    case 'z-few-branches':
      return t('planNote.z-few-branches', { k: n.params.k });
  }
}

/**
 * A planner input error in the language of `t`, without the input's name (a form shows it at
 * its field; the CLI puts its flag in front): `30 is too small: …; expected …`.
 */
export function plannerErrorText(
  e: Pick<PlannerInputError, 'value' | 'code' | 'params'>,
  t: Translate,
): string {
  const values: Record<string, unknown> = {
    ...e.params,
    value: e.value === null ? t('word.missing') : e.value,
  };
  return t(`plannerError.${e.code}`, values);
}

/** A planner input error on one line, input first (`nPerArm: 30 is too small: …`). */
export function plannerErrorLine(
  e: Pick<PlannerInputError, 'input' | 'value' | 'code' | 'params'>,
  t: Translate,
): string {
  return `${e.input}: ${plannerErrorText(e, t)}`;
}

/** Number formatting a verdict needs, in the caller's locale (the studio's formatters, or the CLI's). */
export type VerdictFormat = {
  pp: (x: number) => string;
  cny: (x: number) => string;
  ratio: (x: number) => string;
  probability: (x: number) => string;
};

/** A verdict's head, e.g. "Roll out", in the language of `t`. */
export function verdictHead(v: Verdict, t: Translate): string {
  return t(`verdict.${v.code.slice('verdict.'.length)}`);
}

/** The figures a verdict rests on, and the pilot's power (with "too small" below 80%). */
export function verdictDetail(v: Verdict, t: Translate, f: VerdictFormat): { effect: string; power: string } {
  const p = v.params;
  const effect = t('verdict.effect', {
    pp: f.pp(p.conversionPp),
    cny: f.cny(p.newMoneyCny),
    roi: f.ratio(p.roi),
    roiP05: f.ratio(p.roiP05),
    roiP95: f.ratio(p.roiP95),
  });
  const power = t('verdict.power', { power: f.probability(p.power) });
  return { effect, power: p.isUnderpowered ? `${power} — ${t('verdict.underpowered')}` : power };
}

/** The verdict as one sentence, e.g. "Roll out: conversion +1.74 pp, …; a pilot as designed …". */
export function verdictText(v: Verdict, t: Translate, f: VerdictFormat): string {
  return t('verdict.sentence', { head: verdictHead(v, t), ...verdictDetail(v, t, f) });
}

/** A problem of an observed-pilot file in the language of `t`. */
export function observedIssueText(
  issue: { code: string; params: Record<string, string | number> },
  t: Translate,
): string {
  return t(`observed.${issue.code}`, issue.params);
}

/**
 * One line per observed-file problem: `file:line: error: column X: message` (CSV), or
 * `file: error: rows[3].buyers: message` (JSON).
 */
export function formatObservedIssue(
  issue: {
    code: string;
    params: Record<string, string | number>;
    at?: { line: number } | { path: string };
    column?: string;
  },
  t: Translate,
  file: string,
): string {
  const line = issue.at && 'line' in issue.at ? `:${issue.at.line}` : '';
  const path = issue.at && 'path' in issue.at ? `${issue.at.path}: ` : '';
  const column = issue.column ? `${t('word.column')} ${issue.column}: ` : '';
  return `${file}${line}: ${t('word.error')}: ${path}${column}${observedIssueText(issue, t)}`;
}

/** A calibration input error in the language of `t`. */
export function calibrationErrorText(
  e: { code: string; params: Record<string, string | number> },
  t: Translate,
): string {
  return t(`calibration.${e.code}`, e.params);
}

/** A sensitivity error in the language of `t` (a bad point words the scenario's own issue). */
export function sensitivityErrorText(
  e: Pick<SensitivityError, 'code' | 'params' | 'issue'>,
  t: Translate,
): string {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.params)) values[k] = Array.isArray(v) ? v.join(', ') : v;
  if (e.issue) {
    values.path = e.issue.path;
    values.issue = issueText(e.issue, t);
  }
  return t(`sensitivityError.${e.code}`, values);
}
