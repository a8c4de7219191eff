// Runtime: Node (build script). Bundles the Electron main process and the preload with esbuild:
// main/index.ts → dist/main/index.cjs, main/preload.ts → dist/main/preload.cjs. zod and sim/ are
// bundled in; only `electron` stays external (the runtime provides it).
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/main');
// Electron 45 runs Node 24.
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  external: ['electron'],
  outdir,
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

await rm(outdir, { recursive: true, force: true });
const [, preload] = await Promise.all([
  build({ ...common, entryPoints: { index: 'main/index.ts' } }),
  build({ ...common, entryPoints: { preload: 'main/preload.ts' } }),
]);

// A sandboxed preload can only require('electron') (and a few polyfills): refuse anything else.
const preloadImports = Object.values(preload.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
const foreign = preloadImports.filter((p) => p !== 'electron');
if (foreign.length > 0) {
  console.error(
    `build-main: the sandboxed preload must import only 'electron', found: ${foreign.join(', ')}`,
  );
  process.exit(1);
}
console.log('build-main: wrote dist/main/index.cjs and dist/main/preload.cjs');
