// The generated JSON Schema is up to date, and every example scenario is valid and documented.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../messages/index';
import { simApi } from '../../sim/api';
import { checkObserved } from '../../sim/calibration/observed-check';
import { observedJsonSchema } from '../../sim/calibration/observed-format';
import { readObservedText } from '../../sim/calibration/observed-read';
import { branchInfos } from '../../sim/planner/branch-selection';
import { loadScenarioText } from '../../sim/scenario';
import { scenarioJsonSchema } from '../../sim/scenario/json-schema';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const SCHEMA_FILE = 'scenario.schema.json';
const examples = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
  .sort();

describe('scenarios/scenario.schema.json', () => {
  it('matches the zod schema', () => {
    const onDisk = readFileSync(`${scenariosDir}${SCHEMA_FILE}`, 'utf8');
    expect(
      onDisk,
      'scenarios/scenario.schema.json is stale: run `npm run schema` and commit the result',
    ).toBe(scenarioJsonSchema());
  });
});

describe('docs/observed-pilot.schema.json', () => {
  it('matches the zod schema of the observed-pilot format', () => {
    const onDisk = readFileSync(new URL('../../docs/observed-pilot.schema.json', import.meta.url), 'utf8');
    expect(onDisk, 'docs/observed-pilot.schema.json is stale: run `npm run schema`').toBe(
      observedJsonSchema(),
    );
  });
});

describe('docs/templates/observed-pilot.*.csv', () => {
  it.each(['en', 'zh-CN'])('the %s template is a valid pilot of the wealth-maturity example', (lang) => {
    const text = readFileSync(
      new URL(`../../docs/templates/observed-pilot.${lang}.csv`, import.meta.url),
      'utf8',
    );
    const example = loadScenarioText(readFileSync(`${scenariosDir}wealth-maturity-retention.json`, 'utf8'));
    if (!example.ok) throw new Error('the example does not load');
    const read = readObservedText(text);
    const branches = branchInfos(simApi.populationSummary(example.scenario));
    const checked = read.ok ? checkObserved(read.pilot, example.scenario, branches) : read;
    expect(checked.ok ? [] : checked.issues).toEqual([]);
  });
});

describe('example scenarios', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('%s validates with no errors', (file) => {
    const r = loadScenarioText(readFileSync(`${scenariosDir}${file}`, 'utf8'));
    const errors = r.ok ? [] : r.issues.map((i) => formatIssue(i, undefined, file));
    expect(errors).toEqual([]);
  });

  it.each(examples)('%s points editors at the schema and lists its assumptions with sources', (file) => {
    const doc = JSON.parse(readFileSync(`${scenariosDir}${file}`, 'utf8')) as {
      $schema?: string;
      meta: { assumptions?: Array<{ text: string; source?: string }> };
    };
    expect(doc.$schema).toBe(`./${SCHEMA_FILE}`);
    const assumptions = doc.meta.assumptions ?? [];
    expect(assumptions.length).toBeGreaterThan(0);
    const unsourced = assumptions.filter((a) => !a.source?.trim()).map((a) => a.text);
    expect(unsourced, 'every assumption names its source').toEqual([]);
  });

  it.each(examples)(
    '%s is bilingual: name, description and every assumption in zh-CN and English',
    (file) => {
      const { meta } = JSON.parse(readFileSync(`${scenariosDir}${file}`, 'utf8')) as {
        meta: { name: unknown; description: unknown; assumptions: Array<{ text: unknown }> };
      };
      const isBilingual = (t: unknown) =>
        typeof t === 'object' &&
        t !== null &&
        typeof (t as Record<string, unknown>)['zh-CN'] === 'string' &&
        typeof (t as Record<string, unknown>).en === 'string' &&
        (t as Record<string, string>)['zh-CN'] !== '' &&
        (t as Record<string, string>).en !== '';
      const texts = [meta.name, meta.description, ...meta.assumptions.map((a) => a.text)];
      expect(texts.filter((t) => !isBilingual(t))).toEqual([]);
    },
  );
});
