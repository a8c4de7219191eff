// renderer/ and main/ reach the core only through sim/index.ts (and the worker API): Biome's
// noRestrictedImports (biome.json overrides) refuses any other module of sim/, so `npm run check`
// fails. The fixtures are linted with the project's biome.json as if they sat in renderer/ or
// main/ (in a scratch folder laid out like the project), so they prove the rule fires without a
// bad file in the tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => readFileSync(`${root}tests/fixtures/lint/${name}`, 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'sandtable-boundary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// The project's configuration, less what ties it to this checkout (schema path, git ignore file).
const config = JSON.parse(readFileSync(`${root}biome.json`, 'utf8'));
delete config.$schema;
delete config.vcs;
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));

/** `biome lint` of `text` as the project file `asPath`: exit code and what it printed. */
function lintAs(asPath: string, text: string): { code: number | null; output: string } {
  const file = join(scratch, asPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const r = spawnSync(`${root}node_modules/.bin/biome`, ['lint', '--max-diagnostics=50', asPath], {
    cwd: scratch,
    encoding: 'utf8',
  });
  rmSync(file);
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the core has one public face', () => {
  const internal = fixture('imports-sim-internal.ts.txt');

  it.each([
    'renderer/features/planner/boundary-fixture.ts',
    'renderer/features/planner/boundary-fixture.test.ts',
    'main/ipc/boundary-fixture.ts',
  ])('refuses an import of a sim/ internal in %s', (asPath) => {
    const { code, output } = lintAs(asPath, internal);
    expect(code).not.toBe(0);
    expect(output).toContain('lint/style/noRestrictedImports');
    expect(output).toContain('sim/engine/layout');
    expect(output).toContain('sim/planner/pilot-types');
    expect(output).toContain('import from sim/index instead');
  });

  it('lets the same code through sim/index, and leaves sim/ itself alone', () => {
    expect(
      lintAs('renderer/features/planner/boundary-fixture.ts', fixture('imports-sim-index.ts.txt')).code,
    ).toBe(0);
    expect(lintAs('sim/planner/boundary-fixture.ts', internal.replaceAll('../../../sim/', '../')).code).toBe(
      0,
    );
  });

  it('keeps prose out of the core: sim/ outside runtime/ does not import the message catalogue', () => {
    const words =
      "import { catalogueT } from '../../messages/index';\n\nexport const en = catalogueT('en');\n";
    const core = lintAs('sim/planner/boundary-fixture.ts', words);
    expect(core.code).not.toBe(0);
    expect(core.output).toContain('The core holds no prose');
    expect(lintAs('sim/runtime/boundary-fixture.ts', words).code).toBe(0);
  });

  it('keeps the engine off the UI thread: simApi only in renderer tests', () => {
    const uses = fixture('uses-sim-api.ts.txt');
    const app = lintAs('renderer/features/editor/boundary-fixture.ts', uses);
    expect(app.code).not.toBe(0);
    expect(app.output).toContain('simApi runs the engine on this thread');
    expect(lintAs('renderer/features/editor/boundary-fixture.test.ts', uses).code).toBe(0);
  });
});
