import { describe, expect, it } from 'vitest';
import { createEngine } from './engine-state';
import { prepareModel } from './model';
import { codeBound, firstWeekOfHazard, ratioCodesOf } from './organic';
import { mustLoad, smallScenarioDoc } from './test-scenarios';
import { NONE } from './workspace';

describe('the organic purchase shortcuts give what the plain computation gives', () => {
  it('ratio codes bound every propensity ratio from above, within one step of 2^(1/16)', () => {
    const engine = createEngine(prepareModel(mustLoad(smallScenarioDoc(4000)), 'codes'));
    const { codes, words } = ratioCodesOf(engine);
    engine.organicRatio.forEach((ratio, r) => {
      for (let k = 0; k < ratio.length; k++) {
        const q = (codes[k * words + (r >> 2)] >>> (8 * (r & 3))) & 255;
        expect(ratio[k]).toBeLessThanOrEqual(codeBound(q));
        // Tight: the code below would not bound it (a loose bound only makes the screen slower).
        if (q > 1 && q < 255) expect(ratio[k]).toBeGreaterThan(codeBound(q - 1));
      }
    });
    expect(codeBound(0)).toBe(0);
    expect(codeBound(255)).toBe(Number.POSITIVE_INFINITY);
  });

  it('firstWeekOfHazard is the smallest week whose cumulative hazard reaches the draw', () => {
    const W = 26;
    // A strongly seasonal calendar, so the first guess (a flat season's) is often off.
    const seasonCum = new Float64Array(W + 1);
    for (let t = 0; t < W; t++) seasonCum[t + 1] = seasonCum[t] + (t % 5 === 0 ? 3 : 0.2 + (t % 3) * 0.4);
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed + 0.5) / 2 ** 32;
    };
    for (let n = 0; n < 5000; n++) {
      const lambda = next() * 0.1;
      const e = -Math.log(next()) * (n % 2 === 0 ? 1 : 0.1);
      let expected = NONE;
      for (let t = 0; t < W; t++) {
        if (lambda * seasonCum[t + 1] >= e) {
          expected = t;
          break;
        }
      }
      expect(firstWeekOfHazard(e, lambda, seasonCum, W)).toBe(expected);
    }
  });
});
