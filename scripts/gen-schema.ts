// Runtime: Node (script). Regenerates scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { observedJsonSchema } from '../sim/calibration/observed-format';
import { scenarioJsonSchema } from '../sim/scenario/json-schema';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), scenarioJsonSchema());
console.log('wrote scenarios/scenario.schema.json');

// The observed-pilot format's JSON form (docs/observed-pilot.md).
writeFileSync(new URL('../docs/observed-pilot.schema.json', import.meta.url), observedJsonSchema());
console.log('wrote docs/observed-pilot.schema.json');
