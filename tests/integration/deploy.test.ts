// The scale-out recipes under deploy/ parse and name the right commands: the Indexed Job runs
// shard $(JOB_COMPLETION_INDEX) of as many shards as it has completions, the merge reads every
// part, the queue's workers and run point at the Redis Service, the Slurm array matches its
// shard count, and every flag they use is one the CLI knows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { USAGE } from '../../sim/runtime/cli';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

type Container = { name: string; image: string; command?: string[]; args?: string[] };
type Doc = {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown> & {
    template?: { spec: { containers: Container[]; volumes?: Array<Record<string, unknown>> } };
  };
};

function docs(path: string): Doc[] {
  return parseAllDocuments(read(path)).map((d) => {
    expect(d.errors, `${path} parses`).toEqual([]);
    return d.toJS() as Doc;
  });
}

function byName(all: Doc[], kind: string, name: string): Doc {
  const d = all.find((x) => x.kind === kind && x.metadata.name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  return d;
}

/** The command line a container runs (command + args), as one list of words. */
const commandLine = (d: Doc): string[] => {
  const c = d.spec.template?.spec.containers[0] as Container;
  return [...(c.command ?? []), ...(c.args ?? [])].flatMap((w) => w.split(/\s+/));
};

/** Every --flag is one the CLI's usage lists. */
function expectKnownFlags(words: string[]) {
  for (const w of words.filter((x) => x.startsWith('--') && !x.startsWith('--import')))
    expect(USAGE, `${w} is a CLI flag`).toContain(`${w.split('=')[0]} `);
}

describe('deploy/ recipes', () => {
  const all = [
    ...docs('deploy/k8s/shards-job.yaml'),
    ...docs('deploy/k8s/merge-job.yaml'),
    ...docs('deploy/k8s/queue.yaml'),
    ...docs('deploy/k8s/storage.yaml'),
  ];

  it('Kubernetes Indexed Job: pod k runs run --shard $(JOB_COMPLETION_INDEX)/N with N = completions', () => {
    const job = byName(all, 'Job', 'sandtable-shards');
    expect(job.spec.completionMode).toBe('Indexed');
    const n = job.spec.completions as number;
    const words = commandLine(job);
    expect(words[0]).toBe('run');
    expect(words[words.indexOf('--shard') + 1]).toBe(`$(JOB_COMPLETION_INDEX)/${n}`);
    expect(words[words.indexOf('--out') + 1]).toMatch(/^\/results\/part-\$\(JOB_COMPLETION_INDEX\)\.json$/);
    expect(words).toContain('--seed'); // one seed for every shard
    expectKnownFlags(words);
  });

  it('merge step: merges every part from the shared volume into one result', () => {
    const words = commandLine(byName(all, 'Job', 'sandtable-merge'));
    expect(words.slice(words.indexOf('merge'))).toEqual([
      'merge',
      '/results/part-*.json',
      '--out',
      '/results/result.json',
    ]);
    expect(words).toContain('sim/runtime/cli.ts');
    expectKnownFlags(words);
    const claims = all
      .filter((d) => d.kind === 'Job')
      .flatMap((d) => d.spec.template?.spec.volumes ?? [])
      .map((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName)
      .filter(Boolean);
    expect(new Set(claims)).toEqual(
      new Set([byName(all, 'PersistentVolumeClaim', 'sandtable-results').metadata.name]),
    );
  });

  it('Redis queue: N workers as a Deployment and the run point at the Redis Service', () => {
    const service = byName(all, 'Service', 'sandtable-redis');
    const port = (service.spec.ports as Array<{ port: number }>)[0].port;
    const url = `redis://sandtable-redis:${port}`;
    expect(commandLine(byName(all, 'Deployment', 'sandtable-redis'))).toContain('redis-server');
    const workers = byName(all, 'Deployment', 'sandtable-worker');
    expect(workers.spec.replicas).toBeGreaterThanOrEqual(2);
    const w = commandLine(workers);
    expect(w.slice(0, 3)).toEqual(['worker', '--queue', url]);
    expectKnownFlags(w);
    const run = commandLine(byName(all, 'Job', 'sandtable-queued-run'));
    expect(run[0]).toBe('run');
    expect(run[run.indexOf('--queue') + 1]).toBe(url);
    expectKnownFlags(run);
  });

  it('Slurm array: task k runs shard SLURM_ARRAY_TASK_ID/N with --array=0-(N-1); the merge waits for it', () => {
    const shards = read('deploy/slurm/shards.sbatch');
    const [, last] = /^#SBATCH --array=0-(\d+)$/m.exec(shards) ?? [];
    expect(shards).toContain(`--shard "\${SLURM_ARRAY_TASK_ID}/${Number(last) + 1}"`);
    expect(shards).toMatch(/npm run sim -- run /);
    expect(read('deploy/slurm/merge.sbatch')).toMatch(
      /npm run sim -- merge parts\/part-\*\.json --out result\.json/,
    );
    expect(read('deploy/slurm/submit.sh')).toMatch(
      /--dependency="afterok:\$\{array\}" deploy\/slurm\/merge\.sbatch/,
    );
  });

  it('Dockerfile: the image’s entry point is the CLI, and every manifest runs that image', () => {
    const dockerfile = read('deploy/Dockerfile');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "--import", "tsx", "sim\/runtime\/cli\.ts"\]$/m);
    expect(dockerfile).toMatch(/^COPY sim \.\/sim$/m);
    const images = all
      .filter((d) => d.spec.template)
      .flatMap((d) => d.spec.template?.spec.containers ?? [])
      .map((c) => c.image)
      .filter((i) => !i.startsWith('redis'));
    expect(new Set(images)).toEqual(new Set(['sandtable:0.1.0']));
  });
});
