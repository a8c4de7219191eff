// Small scenarios for tests, derived from the omni-channel example (the schema applies defaults).
import example from '../../scenarios/omnichannel-referral-pilot.json';
import { type Scenario, validateScenario } from '../scenario';

/** A deep copy of the example's document with a small population, adjustable before validation. */
export function smallScenarioDoc(
  customers = 3000,
  branches = 8,
  weeks = 8,
): Record<string, unknown> & typeof example {
  const doc = JSON.parse(JSON.stringify(example)) as typeof example;
  doc.population.size = customers;
  doc.population.branches.count = branches;
  doc.calendar.weeks = weeks;
  doc.monteCarlo.replications = 6;
  return doc as Record<string, unknown> & typeof example;
}

/** Validate a document or throw with its issues (tests only). */
export function mustLoad(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok)
    throw new Error(r.issues.map((i) => `${i.path}: ${i.code} ${JSON.stringify(i.params)}`).join('\n'));
  return r.scenario;
}
