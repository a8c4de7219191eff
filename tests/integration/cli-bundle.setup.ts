// Vitest globalSetup (integration project): bundle the CLI once per test run, so each CLI test
// starts plain JavaScript (~0.2 s) instead of compiling TypeScript through tsx (2.4–3.5 s a process
// on our 2-core machines). The worker threads' code is bundled beside it and named in the CLI at
// build time. Both go to a temporary folder that is removed at the end of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { nodeBundleOptions } from '../../sim/runtime/node-worker-bundle';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the bundled CLI (`node <it> run …` is `npm run sim -- run …`). */
    cliBundle: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-test-cli-'));
  const worker = join(dir, 'node.worker.mjs');
  const cli = join(dir, 'cli.mjs');
  await build({ ...nodeBundleOptions(join(root, 'sim/runtime/node.worker.ts')), outfile: worker });
  await build({
    ...nodeBundleOptions(join(root, 'sim/runtime/cli.ts')),
    outfile: cli,
    // Never loaded with a prebuilt worker; left to Node's resolver rather than bundled.
    external: ['esbuild'],
    define: { SANDTABLE_PREBUILT_WORKER: JSON.stringify(pathToFileURL(worker).href) },
  });
  project.provide('cliBundle', cli);
  return () => rmSync(dir, { recursive: true, force: true });
}
