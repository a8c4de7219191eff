// Runtime: Node (benchmark). Peak memory of a CLI run by replication count: W1 (the omni-channel
// example) with its population shrunk (default 2,000 customers: the same record layout, so the
// records weigh as in W1, while a replication takes ~1 ms), run by `sim run` in a child process;
// the peak is the child's maximum resident set (GNU time's %M: main thread and worker threads
// together). With --against DIR the same runs use another checkout's CLI too (its sim/ and
// node_modules), and the two result documents must be identical (same seed, same output).
//   npm run bench:memory [-- --replications 2000,8000,20000 --customers 2000 --workers 2 --against DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const counts = (arg('replications') ?? '2000,8000,20000').split(',').map(Number);
const customers = Number(arg('customers') ?? 2000);
const workers = Number(arg('workers') ?? 2);
const against = arg('against');
const here = fileURLToPath(new URL('..', import.meta.url));
const checkouts: Array<[string, string]> = [['this', here]];
if (against) checkouts.push(['against', resolve(against)]);

const dir = mkdtempSync(join(tmpdir(), 'sandtable-mem-'));
const scenarioFile = join(dir, 'w1-small.json');
const w1 = JSON.parse(readFileSync(`${here}scenarios/omnichannel-referral-pilot.json`, 'utf8'));
w1.population.size = customers;
writeFileSync(scenarioFile, JSON.stringify(w1));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** One CLI run: its peak RSS (MB), wall seconds and the result document it printed. */
function measure(cwd: string, replications: number): { mb: number; seconds: number; out: string } {
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'maxrss-kb %M wall-s %e',
      process.execPath,
      '--import',
      'tsx',
      'sim/runtime/cli.ts',
      'run',
      scenarioFile,
      '--replications',
      String(replications),
      '--workers',
      String(workers),
      '--json',
      '--force',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const m = /maxrss-kb (\d+) wall-s ([\d.]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${cwd}: the run failed (${r.status}):\n${r.stderr}`);
  return { mb: Number(m[1]) / 1024, seconds: Number(m[2]), out: r.stdout };
}

console.log(
  `W1 with ${customers.toLocaleString('en')} customers, ${workers} workers; peak RSS of the CLI process (main + worker threads)`,
);
console.log(`load average before: ${load()}`);
const header = ['replications', ...checkouts.map(([name]) => `${name}: peak MB (wall s)`)];
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
try {
  for (const n of counts) {
    const runs = checkouts.map(([, cwd]) => measure(cwd, n));
    if (runs.some((r) => r.out !== runs[0].out))
      throw new Error(`${n} replications: the result documents differ`);
    console.log(
      `| ${n.toLocaleString('en')} | ${runs.map((r) => `${Math.round(r.mb).toLocaleString('en')} (${r.seconds.toFixed(0)})`).join(' | ')} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average after: ${load()}`);
if (checkouts.length > 1) console.log('every run gave the same result document in both checkouts');
