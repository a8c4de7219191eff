// The engine of a checkout, as the benchmarks load it: its sim/api.ts bundled by esbuild as the
// worker threads run it (under tsx's loader the same code measured ~1.5× slower), and its worker
// pool. Used by bench.ts and bench-bucket.ts (--against DIR: another checkout in the same process).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundleOptions } from '../sim/runtime/node-worker-bundle';

export type EngineModules = {
  label: string;
  simApi: typeof import('../sim/api').simApi;
  clearEngineCache: typeof import('../sim/api').clearEngineCache;
  /** Absent in a checkout from before it existed. */
  phaseSplit?: typeof import('../sim/api').phaseSplit;
  /** Absent in a checkout from before it existed. */
  bucketTimer?: typeof import('../sim/api').bucketTimer;
  runReplications: typeof import('../sim/runtime/node-pool').runReplications;
};

/** The engine of the checkout at `root`. */
export async function engineAt(label: string, root: URL): Promise<EngineModules> {
  const esbuild = await import('esbuild');
  const entry = fileURLToPath(new URL('sim/api.ts', root));
  const built = await esbuild.build({ ...nodeBundleOptions(entry), write: false });
  const code = built.outputFiles[0].contents;
  const dir = join(tmpdir(), 'sandtable-bench');
  mkdirSync(dir, { recursive: true });
  const bundled = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 20)}.mjs`);
  writeFileSync(bundled, code);
  const api = (await import(pathToFileURL(bundled).href)) as typeof import('../sim/api');
  const pool = (await import(
    new URL('sim/runtime/node-pool.ts', root).href
  )) as typeof import('../sim/runtime/node-pool');
  return {
    label,
    simApi: api.simApi,
    clearEngineCache: api.clearEngineCache,
    phaseSplit: api.phaseSplit,
    bucketTimer: api.bucketTimer,
    runReplications: pool.runReplications,
  };
}
