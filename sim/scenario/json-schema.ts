// The JSON Schema for editors, generated from the zod schema (scenarios/scenario.schema.json).
import { z } from 'zod';
import { ScenarioSchema } from './schema';

/** JSON Schema (draft 2020-12) of the scenario file as authors write it. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const doc = {
    ...schema,
    $id: 'https://sandtable.local/scenario.schema.json',
    title: 'Sandtable scenario',
    description:
      'A Sandtable campaign scenario, version 1. Generated from sim/scenario/schema.ts by `npm run schema`; do not edit.',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
