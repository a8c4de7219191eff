// Runtime: Node (script). The engine-equivalence reference: per-replication key outputs of every
// example scenario from the engine version that wrote it, stored in
// tests/fixtures/engine-reference/v<version>.json. sim/engine/engine-equivalence.test.ts runs the
// current engine on *other* replications of the same runs and checks that each output agrees in
// distribution with the reference (so under the same engine the test is a true null comparison).
// Write it once per engine version that becomes the reference (it writes v<ENGINE_VERSION>.json and
// refuses to replace an existing one):
//   npx tsx scripts/engine-reference.ts
// Never regenerate it to make a newer engine pass: that would compare the engine with itself.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSettings } from '../sim/api';
import {
  CHANNEL_FIELDS,
  GROUP_FIELDS,
  recordLayout,
  STEP_FIELDS,
  type StrategyScalar,
} from '../sim/engine/layout';
import { ENGINE_VERSION } from '../sim/engine/version';
import type { ReplicationBlock } from '../sim/run-settings';
import { NodePool } from '../sim/runtime/node-pool';
import { loadScenarioText, type Scenario } from '../sim/scenario';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The reference the test compares with: version 1's outputs. */
export const REFERENCE_FILE = `${root}tests/fixtures/engine-reference/v1.json`;

/** Replications per sample; each run has 2 × this many: the reference takes the first half, the test the second. */
export const SAMPLE = 200;
const SIGNIFICANT_DIGITS = 8;

/** Per strategy, the outputs compared: the funnel, money, cost, staff, outcomes and the pilot's figures. */
const SCALARS: readonly StrategyScalar[] = [
  'targetedT',
  'targetedC',
  'reachedT',
  'respondedT',
  'convertedCampaignT',
  'buyersT',
  'buyersC',
  'netNewMoneyT',
  'netNewMoneyC',
  'purchaseNewMoneyT',
  'purchaseNewMoneyC',
  'internalShiftT',
  'productsHeldT',
  'mauT',
  'loginsT',
  'tierUpT',
  'attritedT',
  'valueT',
  'costContacts',
  'costIncentives',
  'costStaff',
  'staffMinutes',
  'participants',
  'participantsNewMoney',
  'pConversion',
  'pAum',
  'pilotConversionEstimate',
  'pilotAumEstimate',
  'referrals',
  'referralsFollowed',
  'modelledNewMoneyT',
];

export type ReferenceCase = {
  scenario: string;
  seed: string;
  /** The run's replication count (it sets the Latin hypercube's strata). */
  replications: number;
  /** Column name → one value per replication of the reference half (null: not a number, e.g. a pilot test that could not run). */
  columns: Record<string, (number | null)[]>;
};
export type Reference = { engineVersion: number; sample: number; cases: Record<string, ReferenceCase> };

/** The example scenarios, by name. */
export function referenceScenarios(): { name: string; file: string; scenario: Scenario }[] {
  const files = ['long-tail-app-activation', 'omnichannel-referral-pilot', 'wealth-maturity-retention'];
  return files.map((name) => {
    const file = `scenarios/${name}.json`;
    const loaded = loadScenarioText(readFileSync(`${root}${file}`, 'utf8'));
    if (!loaded.ok) throw new Error(`${file} does not load`);
    return { name: basename(file, '.json'), file, scenario: loaded.scenario };
  });
}

/** Name → record offset of every compared output of a scenario. */
export function referenceColumns(s: Scenario): Map<string, number> {
  const L = recordLayout(s);
  const cols = new Map<string, number>();
  s.strategies.forEach((st, si) => {
    const lay = L.strategies[si];
    for (const k of SCALARS) cols.set(`${st.id}.${k}`, lay.scalar[k]);
    st.journey.steps.forEach((step, j) => {
      STEP_FIELDS.forEach((f, k) => {
        cols.set(`${st.id}.step.${step.id}.${f}`, lay.steps + j * STEP_FIELDS.length + k);
      });
    });
    for (let t = 0; t < L.nTiers; t++)
      GROUP_FIELDS.forEach((f, k) => {
        cols.set(`${st.id}.tier${t}.${f}`, lay.tiers + t * GROUP_FIELDS.length + k);
      });
  });
  s.channels.forEach((ch, c) => {
    CHANNEL_FIELDS.forEach((f, k) => {
      cols.set(`channel.${ch.id}.${f}`, L.channelBase + c * CHANNEL_FIELDS.length + k);
    });
  });
  cols.set('suppressedByPolicy', L.suppressedByPolicy);
  return cols;
}

/** Run replications [start, end) of the 2 × SAMPLE-replication run and read the compared outputs. */
export async function sampleColumns(
  scenario: Scenario,
  start: number,
  end: number,
): Promise<Record<string, number[]>> {
  const settings = { ...defaultSettings(scenario), replications: 2 * SAMPLE };
  const pool = new NodePool({ threads: 2 });
  const blocks: ReplicationBlock[] = await pool
    .run(scenario, settings, {
      range: [start, end],
      // Small blocks: a cold pool runs its first block in this thread, which under Vitest's module
      // transform is several times slower than the worker threads' bundled engine.
      blockSize: 5,
    })
    .finally(() => pool.close());
  const L = recordLayout(scenario).length;
  const cols = referenceColumns(scenario);
  const out: Record<string, number[]> = {};
  for (const [name] of cols) out[name] = [];
  for (const b of blocks)
    for (let r = 0; r < b.end - b.start; r++)
      for (const [name, off] of cols) out[name].push(b.data[r * L + off]);
  return out;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const target = `${root}tests/fixtures/engine-reference/v${ENGINE_VERSION}.json`;
  if (existsSync(target)) {
    process.stderr.write(
      `${target} exists: the reference of engine version ${ENGINE_VERSION} is written once and never replaced (delete it by hand only if that version never shipped)\n`,
    );
    process.exit(2);
  }
  const cases: Record<string, ReferenceCase> = {};
  for (const { name, file, scenario } of referenceScenarios()) {
    const started = performance.now();
    const sampled = await sampleColumns(scenario, 0, SAMPLE);
    const columns: ReferenceCase['columns'] = {};
    for (const [k, values] of Object.entries(sampled))
      columns[k] = values.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(SIGNIFICANT_DIGITS)) : null));
    cases[name] = {
      scenario: file,
      seed: String(scenario.monteCarlo.seed),
      replications: 2 * SAMPLE,
      columns,
    };
    process.stderr.write(
      `${name}: ${Object.keys(columns).length} outputs, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  const ref: Reference = { engineVersion: ENGINE_VERSION, sample: SAMPLE, cases };
  writeFileSync(target, `${JSON.stringify(ref)}\n`);
  process.stderr.write(`wrote ${target}\n`);
}
