// Runtime: Node. The worker threads' code as one prebuilt JavaScript file. esbuild bundles
// node.worker.ts (with the pure core it imports) once per process, so each worker starts by
// loading plain JavaScript instead of compiling every TypeScript source through tsx's loader.
// The file is named by a hash of its contents in the system's temporary directory: runs of the
// same code share it, and nothing needs cleaning up when a process is killed. A CLI that is itself
// an esbuild bundle (the test suite's) ships the worker prebuilt and names it at build time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { atomicWrite } from '../../main/fs/atomic-write';

/** A file: URL of the prebuilt worker, defined by esbuild when this module is bundled; else undeclared. */
declare const SANDTABLE_PREBUILT_WORKER: string | undefined;

let bundle: Promise<URL> | undefined;

/** esbuild options for Node-side bundles of sim/ code (the worker here, the CLI in the tests). */
export function nodeBundleOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // CommonJS dependencies (seedrandom, jstat) may require Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  };
}

/** The URL of the bundled worker module (built on first use in this process). */
export function workerBundle(): Promise<URL> {
  if (typeof SANDTABLE_PREBUILT_WORKER === 'string')
    return Promise.resolve(new URL(SANDTABLE_PREBUILT_WORKER));
  bundle ??= buildWorkerBundle().catch((err: unknown) => {
    bundle = undefined; // let a later run try again
    throw err;
  });
  return bundle;
}

let version: Promise<string> | undefined;

/**
 * The engine's version: a hash of the bundled engine code (the core and the libraries it uses).
 * Shards and queue blocks carry it, so results of different code are never merged.
 */
export function engineVersion(): Promise<string> {
  version ??= workerBundle().then(
    (url) => `engine-${createHash('sha256').update(readFileSync(url)).digest('hex').slice(0, 20)}`,
  );
  return version;
}

async function buildWorkerBundle(): Promise<URL> {
  const entry = fileURLToPath(new URL('./node.worker.ts', import.meta.url));
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({ ...nodeBundleOptions(entry), write: false });
    const code = result.outputFiles[0].contents;
    const dir = join(tmpdir(), 'sandtable-worker');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 20)}.mjs`);
    // Atomically, so a concurrent run never loads a half-written file.
    if (!existsSync(file)) await atomicWrite(file, code);
    return pathToFileURL(file);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(
      `could not prepare the simulation worker threads: bundling ${entry} with esbuild failed (${detail}). ` +
        'Run `npm install`, or run without worker threads (--workers 0).',
    );
  }
}
