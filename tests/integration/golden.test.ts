// Seeded outputs of the example scenarios (and the tiny fixture) do not change by accident:
// each run is recomputed in-process and compared exactly with tests/golden/<name>.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGolden, GOLDEN_DIR, goldenCases, goldenText } from '../../scripts/update-golden';

const cases = goldenCases();
const CHANGED =
  'seeded outputs changed. If the change is intended (engine, scenario or summary change), run ' +
  '`npx tsx scripts/update-golden.ts` and review the diff of tests/golden/; otherwise this is a regression';

describe('golden outputs', () => {
  it('has one golden file per example scenario and the tiny fixture', () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort(), 'stale or missing golden files: run `npx tsx scripts/update-golden.ts`').toEqual(
      cases.map((c) => `${c.name}.json`).sort(),
    );
  });

  it.each(cases.map((c) => [c.name, c.file]))('%s matches its golden file', (name, file) => {
    const path = `${GOLDEN_DIR}${name}.json`;
    expect(
      existsSync(path),
      `tests/golden/${name}.json is missing: run \`npx tsx scripts/update-golden.ts\``,
    ).toBe(true);
    const actual = JSON.parse(goldenText(computeGolden(file)));
    const expected = JSON.parse(readFileSync(path, 'utf8'));
    expect(actual, `${file}: ${CHANGED}`).toEqual(expected);
  });
});
