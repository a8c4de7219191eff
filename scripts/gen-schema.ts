// Runtime: Node (script). Regenerates scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../sim/scenario/json-schema';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), scenarioJsonSchema());
console.log('wrote scenarios/scenario.schema.json');
