// Runtime: Node (script). `npm run bench:hostile`: how long the loader takes on each hostile file
// of tests/fixtures/hostile and how much memory it holds at peak. Each case runs in a fresh child
// process, so the peak resident set is that case's alone (plus the runtime's own, printed as the
// baseline). Prints figures; the targets (rejected in ≤ 1 s and ≤ 300 MB, a valid 20 MB file loaded
// in ≤ 2 s) are judged by the reader, as docs/security.md records.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES } from '../tests/fixtures/hostile/corpus';

const MB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);

async function measureOne(index: number | null): Promise<void> {
  const { loadScenarioText } = await import('../sim/scenario');
  const { catalogueT, issueText } = await import('../messages/index');
  let text = '';
  let verdict = 'baseline';
  let ms = 0;
  if (index !== null) {
    text = HOSTILE_CASES[index].text();
    const started = performance.now();
    const r = loadScenarioText(text);
    ms = performance.now() - started;
    verdict = r.ok
      ? 'loaded'
      : `rejected: ${issueText(r.issues[0], catalogueT()).slice(0, 60)} (${r.issues.length} issue(s))`;
  }
  // maxRSS is in kilobytes.
  const peak = (process.resourceUsage().maxRSS * 1024) / MB;
  process.stdout.write(JSON.stringify({ bytes: text.length, ms, peak, verdict }));
}

function run(index: number | null) {
  const args = ['--import', 'tsx', self, '--case', index === null ? 'baseline' : String(index)];
  try {
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20, stdio: 'pipe' });
    return JSON.parse(out) as { bytes: number; ms: number; peak: number; verdict: string };
  } catch (e) {
    const why = String((e as { stderr?: string }).stderr ?? e)
      .split('\n')
      .find((l) => /Error|heap/.test(l));
    return {
      bytes: Number.NaN,
      ms: Number.NaN,
      peak: Number.NaN,
      verdict: `CRASHED: ${why ?? 'no message'}`,
    };
  }
}

const at = process.argv.indexOf('--case');
if (at >= 0) {
  const which = process.argv[at + 1];
  await measureOne(which === 'baseline' ? null : Number(which));
} else {
  const base = run(null);
  console.log(`runtime baseline (node + tsx + the loader's modules): ${base.peak.toFixed(0)} MB resident\n`);
  console.log(
    `${'case'.padEnd(30)} ${'size'.padStart(9)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  verdict`,
  );
  for (let i = 0; i < HOSTILE_CASES.length; i++) {
    const r = run(i);
    const size = r.bytes >= MB ? `${(r.bytes / MB).toFixed(1)} MB` : `${(r.bytes / 1024).toFixed(0)} KB`;
    console.log(
      `${HOSTILE_CASES[i].name.padEnd(30)} ${size.padStart(9)} ${`${r.ms.toFixed(0)} ms`.padStart(9)} ${`${r.peak.toFixed(0)} MB`.padStart(9)}  ${r.verdict}`,
    );
  }
}
