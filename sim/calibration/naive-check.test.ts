// naive-check on the omni-channel example: multiples the model itself makes at a setting off the
// search grid (on another seed) are found again within 10%, and a multiple beyond every setting is said to be so.
// CPU: 21 + 2 settings of the omni example's fund strategy alone × 4 replications, ~0.15 s each:
// about 15 s on one core.
import { describe, expect, it } from 'vitest';
import example from '../../scenarios/omnichannel-referral-pilot.json';
import { simApi } from '../api';
import { validateScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import type { BlockRunner } from './abc';
import { naiveCheck, REPRODUCED_WITHIN } from './naive-check';

const loaded = validateScenario(example);
if (!loaded.ok) throw new Error('the omni example does not load');
const omni: Scenario = loaded.scenario;
const run: BlockRunner = async (s, settings, range) => [simApi.runBlock(s, settings, range[0], range[1])];
const R = 4;

describe('naive-check (slow)', () => {
  it('finds again, within 10%, the multiples the model makes at a setting off the grid', async () => {
    // Another seed: another population and other pilots, so the search cannot land on the very
    // replications that made the quoted figures.
    const elsewhere = { ...omni, monteCarlo: { ...omni.monteCarlo, seed: 'naive-check-truth' } };
    const truth = await naiveCheck(
      elsewhere,
      'omni_fund',
      { products: 1, logins: 1 },
      { replications: R, selectionGrid: [1.25], effectGrid: [1.5] },
      run,
    );
    const quoted = Object.fromEntries(truth.metrics.map((m) => [m.metric, m.reproduced]));
    const found = await naiveCheck(omni, 'omni_fund', quoted, { replications: R }, run);
    for (const m of found.metrics) {
      expect(Math.abs(m.relativeError), m.metric).toBeLessThanOrEqual(REPRODUCED_WITHIN);
      expect(m.status).toBe('reproduced');
      expect(m.causalUplift.p05).toBeLessThanOrEqual(m.causalUplift.p95);
    }
  }, 300_000);

  it('says plainly when a quoted multiple is beyond every setting the model allows', async () => {
    const r = await naiveCheck(
      omni,
      'omni_fund',
      { aum: 50 },
      { replications: R, selectionGrid: [0, 3], effectGrid: [2] },
      run,
    );
    expect(r.metrics[0].status).toBe('beyond-model');
    expect(r.metrics[0].reachable.max).toBeLessThan(50 / (1 + REPRODUCED_WITHIN));
  }, 300_000);
});
