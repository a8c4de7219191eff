// Runtime: Node (benchmark). Scale-out on one machine: workload W1 (the omni-channel example)
// run locally (worker_threads) and through the Redis queue with 1 and 2 worker processes, and the
// block size's effect. Starts its own redis-server on a free port. Prints figures and the load
// average (machines are shared: read the ratios); asserts only that every way gives the same records.
//   npm run bench:scale [-- --replications 1000 --sweep-replications 400 --rounds 1]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ReplicationBlock } from '../sim/api';
import type { Executor } from '../sim/executor';
import { NodePool } from '../sim/runtime/node-pool';
import { QueueExecutor } from '../sim/runtime/queue';
import { loadScenarioText } from '../sim/scenario';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const R = arg('replications', 1000);
const SWEEP_R = arg('sweep-replications', 400);
const ROUNDS = arg('rounds', 1);
const SIZES = [2, 10, 50, undefined];
const root = fileURLToPath(new URL('..', import.meta.url));
const loaded = loadScenarioText(readFileSync(`${root}scenarios/omnichannel-referral-pilot.json`, 'utf8'));
if (!loaded.ok) throw new Error('the W1 scenario does not validate');
const scenario = loaded.scenario;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
  stdio: 'ignore',
});
for (let i = 0; i < 100; i++) {
  if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG')
    break;
  await new Promise((r) => setTimeout(r, 100));
}

function startWorkers(n: number): Promise<ChildProcess[]> {
  const procs = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      ['--import', 'tsx', 'sim/runtime/cli.ts', 'worker', '--queue', url, '--concurrency', '1'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    ),
  );
  return Promise.all(
    procs.map(
      (p) =>
        new Promise<ChildProcess>((resolve) => {
          let err = '';
          p.stderr?.setEncoding('utf8').on('data', (d: string) => {
            err += d;
            if (/serving/.test(err)) resolve(p);
          });
        }),
    ),
  );
}

async function stopWorkers(procs: ChildProcess[]): Promise<void> {
  await Promise.all(
    procs.map((p) => {
      const closed = new Promise((r) => p.once('close', r));
      p.kill('SIGTERM');
      return closed;
    }),
  );
}

const bytes = (blocks: ReplicationBlock[]) =>
  Buffer.concat(blocks.map((b) => Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength)));
let reference: { r: number; bytes: Buffer } | null = null;

async function measure(label: string, executor: Executor, r: number, blockSize?: number): Promise<number> {
  const settings = { seed: 'bench-scale', replications: r };
  const before = load();
  const started = performance.now();
  let first = Number.NaN;
  const blocks = await executor.run(scenario, settings, {
    blockSize,
    onBlock: () => {
      if (Number.isNaN(first)) first = performance.now() - started;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const b = bytes(blocks);
  if (reference?.r === r && !reference.bytes.equals(b))
    throw new Error(`${label}: records differ from the first run`);
  if (reference?.r !== r) reference = { r, bytes: b };
  console.log(
    `${label.padEnd(40)} ${r} reps${blockSize ? `, blocks of ${blockSize}` : ', adaptive blocks'}: ${seconds.toFixed(1)} s (${(r / seconds).toFixed(2)} rep/s), first block ${(first / 1000).toFixed(1)} s; load ${before} → ${load()}`,
  );
  return seconds;
}

console.log(
  `W1 scale-out: ${scenario.population.size.toLocaleString('en')} customers, ${scenario.strategies.length} strategies, ${scenario.calendar.weeks} weeks`,
);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, Node ${process.version}, ${new Date().toISOString()}`,
);
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const times: Record<string, number[]> = {};
const record = (key: string, seconds: number) => {
  times[key] ??= [];
  times[key].push(seconds);
};

try {
  // Rounds alternate the ways, so the shared machine's drift hits all of them alike. Each local
  // pool starts cold, as `run` does; the queue's workers start just before their run.
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`-- round ${round} of ${ROUNDS}`);
    const local1 = new NodePool({ threads: 1 });
    record('local1', await measure('local, 1 worker thread', local1, R));
    await local1.close();
    let workers = await startWorkers(1);
    record('queue1', await measure('queue, 1 worker process', new QueueExecutor(url), R));
    workers.push(...(await startWorkers(1)));
    record('queue2', await measure('queue, 2 worker processes', new QueueExecutor(url), R));
    await stopWorkers(workers);
    const local2 = new NodePool({ threads: 2 });
    record('local2', await measure('local, 2 worker threads', local2, R));
    await local2.close();
    // Block sizes, on warm workers and a warm pool (populations built), alternating queue and local.
    workers = await startWorkers(2);
    const pool = new NodePool({ threads: 2, idleTimeoutMs: 3_600_000 });
    await measure('(warm-up) local, 2 worker threads', pool, 10);
    await measure('(warm-up) queue, 2 worker processes', new QueueExecutor(url), 10);
    for (const size of SIZES) {
      record(
        `queue2/${size ?? 'adaptive'}`,
        await measure('queue, 2 worker processes', new QueueExecutor(url), SWEEP_R, size),
      );
      record(
        `local2/${size ?? 'adaptive'}`,
        await measure('local, 2 worker threads (warm)', pool, SWEEP_R, size),
      );
    }
    await pool.close();
    await stopWorkers(workers);
  }
  const m = (key: string) => median(times[key]);
  const pct = (q: number, l: number) => `${q >= l ? '+' : ''}${(100 * (q / l - 1)).toFixed(1)}%`;
  console.log(`== medians of ${ROUNDS} round(s), ${R} replications`);
  for (const key of ['local1', 'queue1', 'local2', 'queue2'])
    console.log(`${key}: ${m(key).toFixed(1)} s (runs: ${times[key].map((x) => x.toFixed(1)).join(', ')})`);
  console.log(
    `queue overhead: 1 worker ${pct(m('queue1'), m('local1'))} vs 1 local thread; 2 workers ${pct(m('queue2'), m('local2'))} vs 2 local threads`,
  );
  console.log(
    `speed-up with 2: local ${(m('local1') / m('local2')).toFixed(2)}×, queue ${(m('queue1') / m('queue2')).toFixed(2)}×`,
  );
  console.log(`== block size, ${SWEEP_R} replications, 2 workers (warm), medians`);
  for (const size of SIZES) {
    const k = size ?? 'adaptive';
    console.log(
      `${String(k).padEnd(8)} queue ${m(`queue2/${k}`).toFixed(1)} s, local ${m(`local2/${k}`).toFixed(1)} s`,
    );
  }
  console.log('every run gave the same records as the first run of its size');
} finally {
  redis.kill('SIGTERM');
}
