// Runtime: Node (benchmark). Workload W1: the omni-channel example — 100,000 customers,
// 4 strategies (one three-wheel journey: app push → AI call → remote agent → wealth manager),
// 10% holdout, 26 weeks — for 1,000 replications. Prints figures; asserts nothing (machines are
// shared and noisy: read the medians and ratios, measured in one run).
//   npm run bench [-- --replications 1000 --throughput-reps 10 --repeats 9 --against DIR]
// --against DIR: also measure the engine of another checkout (its sim/ and node_modules, e.g.
// `git worktree add DIR main`) in the same run: CPU blocks alternate between the two engines,
// and the wall-time runs follow each other, so the machine's drift hits both alike.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../sim/scenario';
import { loadScenarioText } from '../sim/scenario';
import { type EngineModules, engineAt } from './bench-engines';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const R = arg('replications', 1000);
const BLOCK_REPS = arg('throughput-reps', 10);
const REPEATS = arg('repeats', 9);
const againstAt = process.argv.indexOf('--against');
const againstDir = againstAt > 0 ? resolve(process.argv[againstAt + 1]) : null;

const engines: EngineModules[] = [];
if (againstDir) engines.push(await engineAt(`before (${againstDir})`, pathToFileURL(`${againstDir}/`)));
engines.push(await engineAt('this checkout', new URL('../', import.meta.url)));

const file = new URL('../scenarios/omnichannel-referral-pilot.json', import.meta.url);
const loaded = loadScenarioText(readFileSync(file, 'utf8'));
if (!loaded.ok) throw new Error('the W1 scenario does not validate');
const scenario: Scenario = loaded.scenario;
const customers = scenario.population.size;
const weeks = scenario.calendar.weeks;
const settings = { seed: 'bench-w1', replications: R };
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
};
const fmt = (x: number, d = 1) => x.toFixed(d);

let peakRss = 0;
const loads: number[] = [];
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const loadSampler = setInterval(() => loads.push(loadavg()[0]), 1000);
loads.push(loadavg()[0]);

console.log(
  `W1: ${customers.toLocaleString('en')} customers, ${scenario.strategies.length} strategies, ${weeks} weeks, ${R} replications`,
);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
);

// 1. CPU time per replication on one thread (in-process, warm): REPEATS blocks of BLOCK_REPS
// replications per engine, the engines' blocks alternating. CPU time (process.cpuUsage: this
// thread plus V8's helper threads) rather than wall time, so other jobs on the machine count less.
const warm = new Map<EngineModules, number>();
for (const e of engines) {
  const t = performance.now();
  e.simApi.runBlock(scenario, { ...settings, replications: 10_000 }, 0, 2);
  warm.set(e, performance.now() - t);
}
const cpuPerRep = new Map<EngineModules, number[]>(engines.map((e) => [e, []]));
for (let k = 0; k < REPEATS; k++) {
  for (const e of k % 2 ? [...engines].reverse() : engines) {
    const from = 100 + k * BLOCK_REPS;
    const c0 = process.cpuUsage();
    e.simApi.runBlock(scenario, { ...settings, replications: 10_000 }, from, from + BLOCK_REPS);
    const c = process.cpuUsage(c0);
    cpuPerRep.get(e)?.push((c.user + c.system) / 1000 / BLOCK_REPS);
  }
}
for (const e of engines) {
  const xs = cpuPerRep.get(e) ?? [];
  const med = quantile(xs, 0.5);
  console.log(
    `[${e.label}] CPU per replication, 1 thread: median ${fmt(med)} ms, p10 ${fmt(quantile(xs, 0.1))} ms (${REPEATS} blocks of ${BLOCK_REPS}: ${xs.map((x) => fmt(x)).join(', ')}); ${fmt((customers * weeks) / med / 1000, 2)} M customer-weeks per CPU-second; population build + 2 replications ${fmt(warm.get(e) ?? 0, 0)} ms`,
  );
}

// 1b. Where a replication's time goes: each phase's wall time a replication (median of 3 blocks
// of BLOCK_REPS per engine, alternating), in-process.
const PHASE_ROUNDS = 3;
const phaseRuns = new Map<EngineModules, Record<string, number>[]>(engines.map((e) => [e, []]));
for (let k = 0; k < PHASE_ROUNDS; k++) {
  for (const e of k % 2 ? [...engines].reverse() : engines) {
    const from = 100 + (REPEATS + k) * BLOCK_REPS;
    const split = e.phaseSplit?.(
      scenario,
      { ...settings, replications: 10_000 },
      from,
      from + BLOCK_REPS,
      () => performance.now(),
    );
    if (split) phaseRuns.get(e)?.push(split);
  }
}
for (const e of engines) {
  const runs = phaseRuns.get(e) ?? [];
  if (runs.length === 0) {
    console.log(`[${e.label}] phase split: not available in this checkout`);
    continue;
  }
  const parts = Object.keys(runs[0]).map(
    (p) =>
      `${p} ${fmt(
        quantile(
          runs.map((r) => r[p]),
          0.5,
        ),
      )}`,
  );
  console.log(
    `[${e.label}] phase split, ms a replication (wall, median of ${runs.length} blocks of ${BLOCK_REPS}): ${parts.join(', ')}`,
  );
}

// 2. Wall time of the whole run with 1 and 2 workers; time to the first partial result.
const wall = new Map<string, number>();
for (const workers of [1, 2]) {
  for (const e of engines) {
    // Cold start: this thread builds its population again for the first block (see node-pool.ts).
    e.clearEngineCache();
    const started = performance.now();
    const c0 = process.cpuUsage();
    let first = Number.NaN;
    const blocks = await e.runReplications(scenario, settings, {
      workers,
      onBlock: (block) => {
        // The first partial result: the first block from replication 0, summarized.
        if (Number.isNaN(first) && block.start === 0) {
          e.simApi.summarize(scenario, settings, [block]);
          first = performance.now() - started;
        }
      },
    });
    const sec = (performance.now() - started) / 1000;
    const c = process.cpuUsage(c0);
    wall.set(`${e.label}/${workers}`, sec);
    const t = performance.now();
    e.simApi.summarize(scenario, settings, blocks);
    const summarizeMs = performance.now() - t;
    console.log(
      `[${e.label}] ${workers} worker(s): ${R} replications in ${fmt(sec)} s (CPU ${fmt((c.user + c.system) / 1000 / R)} ms a replication, all threads); first partial result after ${fmt(first, 0)} ms; final summary ${fmt(summarizeMs, 0)} ms; load average now ${fmt(loadavg()[0], 2)}`,
    );
  }
}
clearInterval(sampler);
clearInterval(loadSampler);
for (const e of engines) {
  const w1 = wall.get(`${e.label}/1`) ?? Number.NaN;
  const w2 = wall.get(`${e.label}/2`) ?? Number.NaN;
  console.log(`[${e.label}] speed-up, 2 workers vs 1: ${fmt(w1 / w2, 2)}×`);
}
console.log(
  `peak memory (RSS of this process: main thread + workers${engines.length > 1 ? ', both engines' : ''}): ${fmt(peakRss / 2 ** 20, 0)} MiB`,
);
console.log(
  `load average (1 min) while it ran: min ${fmt(Math.min(...loads), 2)}, median ${fmt(quantile(loads, 0.5), 2)}, max ${fmt(Math.max(...loads), 2)} (${availableParallelism()} cores)`,
);
console.log(
  'goals: ≤ 36 ms CPU a replication (1 thread); W1 ≤ 20 s with 2 workers; first partial ≤ 1 s; speed-up ≥ 1.8×; peak ≤ 1 GB',
);
