import { describe, expect, it } from 'vitest';
import { getParam, setParam } from '../scenario';
import { prepareModel } from './model';
import { copyAlong, drawRepTables, priorQuantile } from './params';
import { mustLoad, smallScenarioDoc } from './test-scenarios';

describe('parameter uncertainty', () => {
  it('prior quantiles: uniform, triangular (closed form), normal, lognormal, beta', () => {
    expect(priorQuantile({ type: 'uniform', min: 2, max: 4 }, 0.25)).toBeCloseTo(2.5, 12);
    // Triangular(0, 1, 2) is symmetric: median 1; P(X < 0.5) = 0.125.
    expect(priorQuantile({ type: 'triangular', min: 0, mode: 1, max: 2 }, 0.5)).toBeCloseTo(1, 12);
    expect(priorQuantile({ type: 'triangular', min: 0, mode: 1, max: 2 }, 0.125)).toBeCloseTo(0.5, 12);
    expect(priorQuantile({ type: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959964, 5);
    expect(priorQuantile({ type: 'lognormal', mu: 0, sigma: 1 }, 0.5)).toBeCloseTo(1, 8);
    expect(priorQuantile({ type: 'beta', a: 2, b: 2 }, 0.5)).toBeCloseTo(0.5, 8);
  });

  it('Latin hypercube: each prior has exactly one draw in each of the R strata', () => {
    const doc = smallScenarioDoc();
    doc.monteCarlo.sampling = 'lhs';
    const scenario = mustLoad(doc);
    const model = prepareModel(scenario, 'lhs');
    const R = 50;
    const cache = new Map<string, Int32Array>();
    const draws = Array.from({ length: R }, (_, r) => drawRepTables(model, r, R, cache).draws);
    scenario.uncertainty.forEach((u, j) => {
      if (u.prior.type !== 'triangular') return;
      const { min, mode, max } = u.prior;
      // Map each draw back to its CDF value and stratum.
      const cdf = (x: number) =>
        x < mode
          ? (x - min) ** 2 / ((max - min) * (mode - min))
          : 1 - (max - x) ** 2 / ((max - min) * (max - mode));
      const strata = draws.map((d) => Math.floor(cdf(d[j]) * R)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: R }, (_, k) => k));
    });
  });

  it('a prior changes the parameter a replication uses, and draws are reproducible', () => {
    const scenario = mustLoad(smallScenarioDoc());
    const model = prepareModel(scenario, 'p');
    const a = drawRepTables(model, 3, 10, new Map());
    const b = drawRepTables(model, 3, 10, new Map());
    expect(a.draws).toEqual(b.draws);
    const ai = scenario.channels.findIndex((c) => c.id === 'ai_call');
    expect(a.chResponse[ai]).toBe(a.draws[0]);
    expect(a.chResponse[ai]).not.toBe(scenario.channels[ai].responseEffect);
  });

  it("a replication's scenario copies only the priors' paths: setting them leaves the base as it was", () => {
    const base = mustLoad(smallScenarioDoc());
    const before = JSON.stringify(base);
    const paths = [...base.uncertainty.map((u) => u.param), 'channels[0].reachRate', 'no.such[path]'];
    const copy = copyAlong(base, paths);
    const deep = JSON.parse(before) as typeof base;
    paths.forEach((path, k) => {
      expect(setParam(copy, path, 0.125 + k / 64)).toEqual(setParam(deep, path, 0.125 + k / 64));
    });
    expect(JSON.stringify(base)).toBe(before);
    expect(copy).toEqual(deep);
    expect(getParam(copy, 'channels[0].reachRate')).not.toBe(getParam(base, 'channels[0].reachRate'));
    // What no path names is shared, not copied.
    expect(copy.population).toBe(base.population);
  });
});
