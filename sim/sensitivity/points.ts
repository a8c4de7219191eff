// A point of a sensitivity analysis: the scenario with some parameters fixed at given values, run
// with the base run's seed and replication count, so every point draws the same random numbers
// (common random numbers) and differences between points are the parameters' doing, not noise.
import { validateScenario } from '../scenario';
import { getParam, setParam } from '../scenario/param-path';
import type { Scenario } from '../scenario/schema';
import { SensitivityError } from './errors';

export type FixedValue = { param: string; value: number };

/**
 * The scenario with each parameter fixed at its value. A parameter with a prior keeps its place
 * under `uncertainty` as a point mass (uniform with min = max): the replication's parameter stream
 * draws priors in order, so removing one would shift every later prior's draws and break common
 * random numbers. Other parameters are written in place. Throws SensitivityError('bad-point')
 * with the scenario's first error when a value makes the scenario invalid (e.g. a share above 1).
 */
export function pointScenario(base: Scenario, fixed: readonly FixedValue[]): Scenario {
  const s = JSON.parse(JSON.stringify(base)) as Scenario;
  for (const f of fixed) {
    if (typeof getParam(s, f.param) !== 'number')
      throw new SensitivityError('not-a-parameter', { param: f.param });
    setParam(s, f.param, f.value);
  }
  // Check the values as the user would have written them (priors untouched, so they validate).
  const checked = validateScenario(s);
  if (!checked.ok) {
    const issue = checked.issues.find((i) => i.severity === 'error') ?? checked.issues[0];
    throw new SensitivityError(
      'bad-point',
      {
        params: fixed.map((f) => f.param).join(', '),
        values: fixed.map((f) => f.value).join(', '),
      },
      { code: issue.code, params: issue.params, path: issue.path },
    );
  }
  s.uncertainty = s.uncertainty.map((u) => {
    const f = fixed.find((x) => x.param === u.param);
    return f ? { param: u.param, prior: { type: 'uniform', min: f.value, max: f.value } } : u;
  });
  return s;
}
