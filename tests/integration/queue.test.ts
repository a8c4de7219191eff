// The Redis queue end to end: a redis-server of our own on a free port, two `worker` processes,
// runs published with `run --queue`. One worker is killed (SIGKILL) while it holds a block; the
// result is still byte-identical to the local run. Cancelling removes the run's waiting blocks;
// two scenarios queued at once each load once per worker.
// Needs Debian's redis-server (.ci/run installs it). Without it this file fails in CI (CI=true)
// and is skipped, with the reason in its title, elsewhere.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../sim/runtime/cli';
import { QUEUE_NAME } from '../../sim/runtime/queue';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TINY = 'tests/fixtures/tiny.json';
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const isCi = Boolean(process.env.CI);

const dir = mkdtempSync(join(tmpdir(), 'sandtable-queue-'));
const children = new Set<ChildProcess>();
let redis: ChildProcess | null = null;
let url = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True once a Redis server answers PING on the port. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setEncoding('utf8');
    socket.once('data', (d: string) => {
      socket.destroy();
      resolve(d.startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

type Proc = { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> };

/** The CLI as a process of its own (node --import tsx, so signals reach it directly). */
function cliProcess(args: string[]): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sim/runtime/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, out: () => out, err: () => err, exit };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function localRun(out: string, scenario = TINY, seed = 'queue'): Promise<string> {
  const code = await main(
    ['run', scenario, '--replications', '24', '--seed', seed, '--workers', '0', '--out', out],
    { out: () => {}, err: () => {} },
    new AbortController().signal,
  );
  expect(code).toBe(0);
  return readFileSync(out, 'utf8');
}

function startWorker(): Proc {
  // A short lock, so the test sees a killed worker's block recovered within seconds.
  return cliProcess(['worker', '--queue', url, '--concurrency', '1', '--lock-seconds', '2']);
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  if (redis?.pid) process.kill(redis.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the Redis queue', () => {
  it('has redis-server in CI', () => {
    expect(
      hasRedis || !isCi,
      'redis-server is not installed, so the queue tests cannot run: apt-get install redis-server (.ci/run does)',
    ).toBe(true);
  });
});

describe.skipIf(!hasRedis)(
  `the Redis queue with two worker processes${hasRedis ? '' : ' (skipped: redis-server is not installed)'}`,
  () => {
    beforeAll(async () => {
      const port = await freePort();
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      url = `redis://127.0.0.1:${port}`;
      await waitFor('redis-server', () => pong(port));
    });

    it('Ctrl-C removes the run’s waiting blocks and writes nothing (exit 130)', async () => {
      const out = join(dir, 'cancelled.json');
      const run = cliProcess([
        'run',
        TINY,
        '--replications',
        '24',
        '--block-size',
        '2',
        '--queue',
        url,
        '--out',
        out,
      ]);
      const queue = new Queue(QUEUE_NAME, { connection: { url } });
      try {
        await waitFor('the blocks in the queue', async () => (await queue.getWaitingCount()) === 12);
        expect(run.err()).toMatch(/waiting for workers: none serves/);
        run.child.kill('SIGINT');
        expect(await run.exit).toBe(130);
        expect(run.err()).toMatch(/cancelled; no output file was written/);
        expect(await queue.getWaitingCount()).toBe(0);
        expect(() => readFileSync(out)).toThrow();
      } finally {
        await queue.close();
      }
    }, 60_000);

    it('a worker killed mid-block loses nothing: the result is byte-identical to the local run', async () => {
      const expected = await localRun(join(dir, 'local.json'));
      const workers = [startWorker(), startWorker()];
      await waitFor('two workers', () => workers.every((w) => /serving/.test(w.err())));
      const queue = new Queue(QUEUE_NAME, { connection: { url } });
      const events = new QueueEvents(QUEUE_NAME, { connection: { url } });
      const stalled: string[] = [];
      events.on('stalled', ({ jobId }) => stalled.push(jobId));
      await events.waitUntilReady();
      try {
        const out = join(dir, 'queued.json');
        const run = cliProcess([
          'run',
          TINY,
          '--replications',
          '24',
          '--seed',
          'queue',
          '--block-size',
          '4',
          '--queue',
          url,
          '--out',
          out,
        ]);
        // Kill the first worker as soon as it holds a block.
        const victim = workers[0];
        await waitFor('a block on the first worker', async () => {
          const active = await queue.getActive();
          return active.some((j) => j.processedBy?.endsWith(`.${victim.child.pid}`));
        });
        victim.child.kill('SIGKILL');
        expect(await run.exit).toBe(0);
        expect(stalled.length, 'the killed worker’s block was recovered as stalled').toBeGreaterThan(0);
        expect(readFileSync(out, 'utf8') === expected, 'queued with a kill = local, byte for byte').toBe(
          true,
        );
        expect(run.err()).toMatch(/done: 24 replications/);
      } finally {
        await events.close();
        await queue.close();
        for (const w of workers) w.child.kill('SIGTERM');
        await Promise.all(workers.map((w) => w.exit));
      }
    }, 120_000);

    it('serves two scenarios queued at once; each worker loads each scenario once', async () => {
      const other = join(dir, 'other.json');
      const doc = JSON.parse(readFileSync(join(root, TINY), 'utf8'));
      doc.population.size = 2500;
      doc.meta.name = 'Tiny, 2,500 customers';
      writeFileSync(other, JSON.stringify(doc));
      const expected = [
        await localRun(join(dir, 'a-local.json')),
        await localRun(join(dir, 'b-local.json'), other, 'b'),
      ];
      const workers = [startWorker(), startWorker()];
      await waitFor('two workers', () => workers.every((w) => /serving/.test(w.err())));
      try {
        const outs = [join(dir, 'a.json'), join(dir, 'b.json')];
        const runs = [
          cliProcess([
            'run',
            TINY,
            '--replications',
            '24',
            '--seed',
            'queue',
            '--block-size',
            '3',
            '--queue',
            url,
            '--out',
            outs[0],
          ]),
          cliProcess([
            'run',
            other,
            '--replications',
            '24',
            '--seed',
            'b',
            '--block-size',
            '3',
            '--queue',
            url,
            '--out',
            outs[1],
          ]),
        ];
        expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0]);
        expect(readFileSync(outs[0], 'utf8') === expected[0]).toBe(true);
        expect(readFileSync(outs[1], 'utf8') === expected[1]).toBe(true);
      } finally {
        for (const w of workers) w.child.kill('SIGTERM');
        await Promise.all(workers.map((w) => w.exit));
      }
      for (const w of workers) {
        const loads = w.err().match(/^loaded scenario \w+/gm) ?? [];
        expect(new Set(loads).size, 'no scenario loaded twice').toBe(loads.length);
        expect(w.err()).toMatch(/stopping: finishing the blocks in hand/);
      }
      const loadedAnywhere = new Set(workers.flatMap((w) => w.err().match(/^loaded scenario \w+/gm) ?? []));
      expect(loadedAnywhere.size).toBe(2);
    }, 120_000);
  },
);
