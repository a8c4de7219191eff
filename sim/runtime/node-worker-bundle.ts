// Runtime: Node. The worker threads' code as one prebuilt JavaScript file. esbuild bundles
// node.worker.ts (with the pure core it imports) once per process, so each worker starts by
// loading plain JavaScript instead of compiling every TypeScript source through tsx's loader.
// The file is named by a hash of its contents in the system's temporary directory: runs of the
// same code share it, and nothing needs cleaning up when a process is killed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let bundle: Promise<URL> | undefined;

/** The URL of the bundled worker module (built on first use in this process). */
export function workerBundle(): Promise<URL> {
  bundle ??= buildWorkerBundle().catch((err: unknown) => {
    bundle = undefined; // let a later run try again
    throw err;
  });
  return bundle;
}

async function buildWorkerBundle(): Promise<URL> {
  const entry = fileURLToPath(new URL('./node.worker.ts', import.meta.url));
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // CommonJS dependencies (seedrandom, jstat) may require Node built-ins.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const code = result.outputFiles[0].contents;
    const dir = join(tmpdir(), 'sandtable-worker');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 20)}.mjs`);
    if (!existsSync(file)) {
      // Write then rename, so a concurrent run never loads a half-written file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return pathToFileURL(file);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(
      `could not prepare the simulation worker threads: bundling ${entry} with esbuild failed (${detail}). ` +
        'Run `npm install`, or run without worker threads (--workers 0).',
    );
  }
}
