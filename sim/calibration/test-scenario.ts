// A small single-strategy bank for calibration tests (the wealth-maturity example, fewer customers,
// branches and weeks), with wide priors on the two parameters a pilot reveals best.
import example from '../../scenarios/wealth-maturity-retention.json';
import { type Scenario, validateScenario } from '../scenario';

export const RECOVERY_PRIORS = [
  { param: 'channels[ai_call].responseEffect', prior: { type: 'uniform', min: 0.7, max: 2.1 } },
  { param: 'channels[wealth_manager].closeRate', prior: { type: 'uniform', min: 0.2, max: 0.8 } },
] as const;

/** The example with `customers` customers in `branches` branches over `weeks` weeks, and the wide priors. */
export function smallBank(customers = 12_000, branches = 12, weeks = 8): Scenario {
  const doc = JSON.parse(JSON.stringify(example)) as Omit<typeof example, 'uncertainty'> & {
    uncertainty: unknown[];
  };
  doc.population.size = customers;
  doc.population.branches.count = branches;
  doc.calendar.weeks = weeks;
  doc.monteCarlo.replications = 10;
  doc.uncertainty = RECOVERY_PRIORS.map((u) => ({ param: u.param, prior: { ...u.prior } }));
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.code}`).join('\n'));
  return r.scenario;
}
