// The command that runs the CLI as a child process in tests: Node on the bundle built once per
// test run (cli-bundle.setup.ts), from the repo root as `npm run sim -- …` runs it.
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `[command, args]` for `sim <args…>`. */
export function cliCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [inject('cliBundle'), ...args]];
}
