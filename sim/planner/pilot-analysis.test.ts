import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_FIELDS, recordLayout } from '../engine/layout';
import { loadScenarioText, type Scenario } from '../scenario';
import { branchIcc, mdeMultiplier } from './pilot-analysis';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

const tiny = load('tests/fixtures/tiny.json');

describe('branchIcc', () => {
  it('reads the per-branch records of each replication and averages the estimates', () => {
    const L = recordLayout(tiny);
    const lay = L.strategies[1];
    const GF = GROUP_FIELDS.length;
    const records = new Float64Array(2 * L.length);
    // The hand example of anovaIcc (6/19): in control (arm 1) in replication 0, in treatment in replication 1.
    const put = (r: number, b: number, arm: number, n: number, buyers: number) => {
      const o = r * L.length + lay.branches + b * GF;
      records[o + arm] = n;
      records[o + 2 + arm] = buyers;
    };
    put(0, 0, 1, 2, 1);
    put(0, 1, 1, 3, 3);
    put(0, 2, 1, 4, 1);
    put(1, 0, 0, 2, 1);
    put(1, 1, 0, 3, 3);
    put(1, 2, 0, 4, 1);
    const est = branchIcc(tiny, records, 1, 'conversion');
    expect(est.replications).toBe(2);
    expect(est.icc).toBeCloseTo(6 / 19, 12);
    expect(est.se).toBe(0);
  });
});

describe('mdeMultiplier', () => {
  it('z: 1.959964 + 0.841621 = 2.801585; t with 8 df (SciPy): 2.306004 + 0.888890 = 3.194894', () => {
    expect(mdeMultiplier(0.05, 0.8, null)).toBeCloseTo(2.8015852, 6);
    expect(mdeMultiplier(0.05, 0.8, 8)).toBeCloseTo(3.194893652971186, 6);
  });
});
