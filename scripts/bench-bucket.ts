// Runtime: Node (benchmark). One bucket of W1's weekly loop — a strategy's entries in one week —
// run again and again from the same state, after warm-up replications, and, with --against DIR,
// alternating with another checkout's engine on its own identical state in the same process.
// Prints figures; asserts nothing. The whole-replication benchmark (bench.ts) moves ±10–20%
// between processes on a shared VM; the paired ratios here resolve a few per cent.
//   npm run bench:bucket [-- --strategy payday_wmp --week N --runs 80 --against DIR]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BucketTimer } from '../sim/engine/bucket-timer';
import { loadScenarioText } from '../sim/scenario';
import { engineAt } from './bench-engines';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const strategy = option('strategy') ?? 'payday_wmp';
const week = option('week') === undefined ? undefined : Number(option('week'));
const runs = Number(option('runs') ?? 80);
const against = option('against');
for (const [name, value, min] of [
  ['week', week, 0],
  ['runs', runs, 8],
] as const) {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    console.error(`bench:bucket: --${name} must be a whole number ≥ ${min}, not ${option(name)}`);
    process.exit(2);
  }
}

const loaded = loadScenarioText(
  readFileSync(new URL('../scenarios/omnichannel-referral-pilot.json', import.meta.url), 'utf8'),
);
if (!loaded.ok) throw new Error('the W1 scenario does not validate');
const settings = { seed: 'bench-w1', replications: 1000 };

const engines = [await engineAt('this checkout', new URL('../', import.meta.url))];
if (against)
  engines.push(await engineAt(`against (${resolve(against)})`, pathToFileURL(`${resolve(against)}/`)));
let timers: BucketTimer[];
try {
  timers = engines.map((e) => {
    if (!e.bucketTimer)
      throw new Error(`${e.label} has no bucketTimer in sim/api.ts (a checkout from before it)`);
    return e.bucketTimer(loaded.scenario, settings, strategy, week);
  });
} catch (error) {
  console.error(`bench:bucket: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const { entries, week: at } = timers[0];
for (const [k, t] of timers.entries())
  if (t.entries !== entries || t.week !== at)
    console.log(
      `note: ${engines[k].label} starts week ${t.week} with ${t.entries} entries (its draws differ)`,
    );
const now = () => performance.now();
const times = timers.map(() => [] as number[]);
const WARM = Math.min(20, Math.floor(runs / 4));
for (let r = 0; r < runs; r++) {
  const order = r % 2 ? [...timers.keys()].reverse() : [...timers.keys()];
  for (const k of order) {
    const ms = timers[k].runOnce(now);
    if (r >= WARM) times[k].push(ms);
  }
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
console.log(
  `W1, strategy ${strategy}, week ${at}: ${entries} entries; ${runs - WARM} timed runs each (after ${WARM}); load average ${loadavg()[0].toFixed(2)}`,
);
for (const [k, e] of engines.entries()) {
  const m = quantile(times[k], 0.5);
  console.log(
    `[${e.label}] median ${m.toFixed(3)} ms (p10 ${quantile(times[k], 0.1).toFixed(3)}), ${((m * 1e6) / entries).toFixed(1)} ns an entry`,
  );
}
if (timers.length === 2) {
  const ratios = times[0].map((x, j) => x / times[1][j]);
  console.log(
    `this checkout / against, paired runs: median ${quantile(ratios, 0.5).toFixed(3)} (p25 ${quantile(ratios, 0.25).toFixed(3)}, p75 ${quantile(ratios, 0.75).toFixed(3)})`,
  );
}
