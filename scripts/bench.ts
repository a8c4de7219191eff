// Runtime: Node (benchmark). Workload W1: the omni-channel example — 100,000 customers,
// 4 strategies (one three-wheel journey: app push → AI call → remote agent → wealth manager),
// 10% holdout, 26 weeks — for 1,000 replications. Prints figures; asserts nothing (machines are
// shared and noisy: read the medians and ratios, measured in one run).
//   npm run bench [-- --replications 1000 --throughput-reps 20 --repeats 5]
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { clearEngineCache, simApi } from '../sim/api';
import { runReplications } from '../sim/runtime/node-pool';
import { loadScenarioText } from '../sim/scenario';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const R = arg('replications', 1000);
const THROUGHPUT_REPS = arg('throughput-reps', 20);
const REPEATS = arg('repeats', 5);

const file = new URL('../scenarios/omnichannel-referral-pilot.json', import.meta.url);
const loaded = loadScenarioText(readFileSync(file, 'utf8'));
if (!loaded.ok) throw new Error('the W1 scenario does not validate');
const scenario = loaded.scenario;
const customers = scenario.population.size;
const weeks = scenario.calendar.weeks;
const settings = { seed: 'bench-w1', replications: R };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

console.log(
  `W1: ${customers.toLocaleString('en')} customers, ${scenario.strategies.length} strategies, ${weeks} weeks, ${R} replications`,
);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

// 1. Single-thread throughput (in-process, after a warm-up), median of REPEATS runs.
let t = performance.now();
simApi.runBlock(scenario, { ...settings, replications: 10_000 }, 0, 2);
const prepareAndWarm = performance.now() - t;
const rates: number[] = [];
const perRep: number[] = [];
for (let k = 0; k < REPEATS; k++) {
  t = performance.now();
  simApi.runBlock(
    scenario,
    { ...settings, replications: 10_000 },
    100 + k * THROUGHPUT_REPS,
    100 + (k + 1) * THROUGHPUT_REPS,
  );
  const sec = (performance.now() - t) / 1000;
  rates.push((customers * weeks * THROUGHPUT_REPS) / sec);
  perRep.push((1000 * sec) / THROUGHPUT_REPS);
}
console.log(`population + eligibility build and warm-up (2 replications): ${prepareAndWarm.toFixed(0)} ms`);
console.log(
  `throughput per core: median ${(median(rates) / 1e6).toFixed(2)} M customer-weeks/s (${median(perRep).toFixed(1)} ms per replication; runs: ${rates.map((r) => (r / 1e6).toFixed(2)).join(', ')})`,
);

// 2. Wall time of the whole run with 1 and 2 workers; time to the first partial result.
const wall: Record<number, number> = {};
const firstPartial: Record<number, number> = {};
for (const workers of [1, 2]) {
  // Cold start: this thread builds its population again for the first block (see node-pool.ts).
  clearEngineCache();
  const started = performance.now();
  let first = Number.NaN;
  const finished: Array<{ start: number; end: number; data: Float64Array }> = [];
  const blocks = await runReplications(scenario, settings, {
    workers,
    onBlock: (block) => {
      finished.push(block);
      // The first partial result: the first time a contiguous prefix from replication 0 is summarized.
      if (Number.isNaN(first) && block.start === 0) {
        simApi.summarize(scenario, settings, [block]);
        first = performance.now() - started;
      }
    },
  });
  wall[workers] = (performance.now() - started) / 1000;
  firstPartial[workers] = first;
  t = performance.now();
  simApi.summarize(scenario, settings, blocks);
  const summarizeMs = performance.now() - t;
  console.log(
    `${workers} worker(s): ${R} replications in ${wall[workers].toFixed(1)} s; first partial result after ${first.toFixed(0)} ms; final summary ${summarizeMs.toFixed(0)} ms`,
  );
}
clearInterval(sampler);
console.log(`speed-up, 2 workers vs 1: ${(wall[1] / wall[2]).toFixed(2)}×`);
console.log(`peak memory (RSS, main thread + workers): ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
console.log('goals: W1 ≤ 20 s with 2 workers; first partial ≤ 1 s; speed-up ≥ 1.8×; peak ≤ 1 GB');
