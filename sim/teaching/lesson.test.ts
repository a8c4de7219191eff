import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simApi } from '../api';
import { loadScenarioText } from '../scenario';
import { setValue } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { type Lesson, loadLessonText, scorePrediction, validateLesson } from './lesson';
import { metricValue } from './metrics';

const DIR = 'scenarios/lessons';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

function example(file: string): Scenario {
  const r = loadScenarioText(readFileSync(join('scenarios', file), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.scenario;
}

function lesson(file: string): Lesson {
  const text = readFileSync(join(DIR, file), 'utf8');
  const first = loadLessonText(text);
  if (!first.ok) throw new Error(`${file}: ${JSON.stringify(first.issues)}`);
  const r = loadLessonText(text, example(first.lesson.scenario));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
  return r.lesson;
}

describe('shipped lessons', () => {
  it('are at least six, valid against their example, 15–30 minutes, in both languages, with predictions', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    const ids = new Set<string>();
    for (const f of files) {
      const l = lesson(f);
      ids.add(l.id);
      expect(l.minutes, f).toBeGreaterThanOrEqual(15);
      expect(l.minutes, f).toBeLessThanOrEqual(30);
      expect(l.steps.filter((s) => s.question).length, f).toBeGreaterThanOrEqual(2);
      // Every text is written in both languages (a plain string would show one language to both).
      const texts = JSON.stringify(l).match(
        /"(title|summary|text|prompt|explanation|unit|label)":("[^"]*")/g,
      );
      expect(texts, `${f} has single-language texts`).toBeNull();
    }
    expect(ids.size).toBe(files.length);
    for (const topic of [
      'funnel',
      'control-groups',
      'channel-economics',
      'heavy-tail',
      'pilot-sizing',
      'journeys',
    ])
      expect(ids, topic).toContain(topic);
  });
});

describe('lesson validation', () => {
  const base = JSON.parse(readFileSync(join(DIR, '01-funnel.json'), 'utf8'));

  it('names the file position, path, value and expectation of a bad field', () => {
    const bad = structuredClone(base);
    bad.steps[2].question.metric = 'reach';
    const text = JSON.stringify(bad, null, 2);
    const r = loadLessonText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path === 'steps[2].question.metric');
    expect(issue?.code).toBe('schema.not-one-of');
    expect(issue?.params.found).toBe('"reach"');
    const line = text.split('\n').findIndex((l) => l.includes('"metric": "reach"')) + 1;
    expect(issue?.line).toBe(line);
  });

  it('rejects an unknown glossary key, a duplicate step id and a strategy the scenario lacks', () => {
    const bad = structuredClone(base);
    bad.steps[0].glossary = ['channels[].reachRat'];
    bad.steps[1].id = bad.steps[0].id;
    bad.steps[2].question.strategy = 'nope';
    const r = validateLesson(bad, example('wealth-maturity-retention.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i]));
    expect(byPath['steps[0].glossary[0]'].code).toBe('ref.unknown');
    expect(byPath['steps[1].id'].code).toBe('id.duplicate');
    expect(byPath['steps[2].question.strategy'].params).toMatchObject({
      value: 'nope',
      known: ['maturity_retention'],
    });
  });

  it('rejects a set path the scenario does not have, and text that is not JSON, with a position', () => {
    const bad = structuredClone(base);
    bad.setup = [{ path: 'channels[fax].reachRate', value: 1 }];
    const r = validateLesson(bad, example('wealth-maturity-retention.json'));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['setup[0].path']);
    const broken = loadLessonText('{\n  "kind": "sandtable.lesson",\n  "id": \n}');
    expect(broken.ok ? null : broken.issues[0].line).toBe(4);
  });
});

describe('scorePrediction', () => {
  const q = lesson('01-funnel.json').steps.find((s) => s.id === 'treat')?.question;
  it('gives 100 when exact, 50 at the tolerance, 0 at twice it (numbers)', () => {
    if (q?.kind !== 'number') throw new Error('fixture');
    expect(q.tolerance).toBe(6);
    expect(scorePrediction(q, 34, 34).score).toBe(100);
    expect(scorePrediction(q, 40, 34).score).toBe(50);
    expect(scorePrediction(q, 31, 34).score).toBe(75);
    expect(scorePrediction(q, 46, 34).score).toBe(0);
    expect(scorePrediction(q, 'x', 34).score).toBe(0);
  });
  it('scores a choice by the option whose [min, max) holds the result', () => {
    const c = lesson('04-heavy-tail.json').steps.find((s) => s.id === 'money')?.question;
    if (c?.kind !== 'choice') throw new Error('fixture');
    expect(scorePrediction(c, 'low', 3)).toEqual({ score: 100, actual: 3, correctOption: 'low' });
    expect(scorePrediction(c, 'low', 20)).toMatchObject({ score: 0, correctOption: 'mid' });
    expect(scorePrediction(c, 'high', 60)).toMatchObject({ score: 100, correctOption: 'high' });
  });
});

// The choice explanations say which option is right; run the fast lessons as a learner would
// (setup, then each step's action in order) and check the result falls in that option. The
// omni-channel lesson (02) is left out: its 60 replications take ~15 s of CPU.
describe('lesson explanations agree with the model', () => {
  const expected: Record<string, Record<string, string>> = {
    '03-channel-economics.json': { capacity: 'holds' },
    '04-heavy-tail.json': { money: 'low' },
    '06-journeys.json': { noreferral: 'higher' },
  };
  for (const [file, answers] of Object.entries(expected)) {
    it(file, () => {
      const l = lesson(file);
      const doc = JSON.parse(readFileSync(join('scenarios', l.scenario), 'utf8'));
      for (const s of l.setup) setValue(doc, s.path, s.value);
      for (const step of l.steps) {
        if (step.action?.type === 'set') for (const s of step.action.set) setValue(doc, s.path, s.value);
        const q = step.question;
        if (q?.kind !== 'choice' || !(q.id in answers)) continue;
        const r = simApi.validate(doc);
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        const settings = {
          seed: String(r.scenario.monteCarlo.seed),
          replications: r.scenario.monteCarlo.replications,
        };
        const summary = simApi.summarize(r.scenario, settings, [
          simApi.runBlock(r.scenario, settings, 0, settings.replications),
        ]);
        const st = summary.strategies.find((x) => x.id === q.strategy);
        if (!st) throw new Error(q.strategy);
        expect(scorePrediction(q, answers[q.id], metricValue(st, q.metric)).correctOption, q.id).toBe(
          answers[q.id],
        );
      }
    }, 60_000);
  }
});
