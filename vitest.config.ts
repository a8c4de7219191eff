// One Vitest project per runtime, as the tsconfigs: the pure core, the Electron main process and the
// Node-side tests run in Node; the renderer's tests that render or touch the DOM in jsdom. Vitest
// stays on 4: Vitest 5 needs Node 22 and our machines run Node 20 (docs/toolchain.md).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sim', include: ['sim/**/*.test.ts', 'messages/**/*.test.ts'], environment: 'node' },
      },
      { extends: true, test: { name: 'main', include: ['main/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          // jsdom per file (`// @vitest-environment jsdom`): a jsdom for the pure-logic tests too
          // (formatting, layouts, history) cost 25–35 s of setup in a loaded run.
          environment: 'node',
          // Loaded through Vitest, so a test can reload it: it picks its file pickers when it loads.
          server: { deps: { inline: ['browser-fs-access'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // The CLI tests run one esbuild bundle of sim/runtime/cli.ts, built once per test run.
          globalSetup: ['tests/integration/cli-bundle.setup.ts'],
        },
      },
    ],
  },
});
