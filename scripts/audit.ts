// Runtime: Node (script). `npm run audit`: dependency advisories and Electron's support window.
// 1. `npm audit` where the registry's advisory endpoint answers; where it does not (a mirror, no
//    network), it says so plainly: advisories were NOT checked.
// 2. Electron supports the latest three stable majors: the installed major is checked against the
//    latest one the registry reports (or, with no registry, one estimated from Electron's 8-week
//    release cadence, and said to be an estimate).
// Exit code: 0 when everything that could be checked is fine; 1 on high/critical advisories or an
// unsupported Electron; with --strict, also 1 when a check could not run.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const isStrict = process.argv.includes('--strict');
const SUPPORTED_MAJORS = 3;

type Outcome = 'ok' | 'problem' | 'unchecked';

function npm(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile('npm', args, { cwd: root, timeout: 120_000, maxBuffer: 64 << 20 }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, out, err });
    });
  });
}

async function advisories(): Promise<Outcome> {
  const r = await npm(['audit', '--json']);
  let doc: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string } = {};
  try {
    doc = JSON.parse(r.out);
  } catch {
    // not JSON: reported below as unreachable
  }
  const counts = doc.metadata?.vulnerabilities;
  if (!counts) {
    const why = (doc.message ?? r.err.split('\n').find((l) => l.includes('error')) ?? 'no answer').trim();
    console.log(`advisories: NOT CHECKED — npm audit could not get advisories from the registry (${why}).`);
    console.log('            Run `npm run audit` where registry.npmjs.org answers (a developer machine).');
    return 'unchecked';
  }
  const summary = ['critical', 'high', 'moderate', 'low', 'info']
    .map((k) => `${counts[k] ?? 0} ${k}`)
    .join(', ');
  const serious = (counts.critical ?? 0) + (counts.high ?? 0);
  console.log(`advisories: ${summary}${serious > 0 ? ' — run `npm audit` for details' : ''}`);
  return serious > 0 ? 'problem' : 'ok';
}

/** Electron's stable majors ship every 8 weeks; 39.0.0 came out on 2025-10-28. */
function estimatedLatestMajor(now = new Date()): number {
  const anchor = Date.UTC(2025, 9, 28);
  return 39 + Math.floor((now.getTime() - anchor) / (56 * 24 * 3600 * 1000));
}

async function electronWindow(): Promise<Outcome> {
  const installed = JSON.parse(readFileSync(`${root}node_modules/electron/package.json`, 'utf8')) as {
    version: string;
  };
  const major = Number(installed.version.split('.')[0]);
  const r = await npm(['view', 'electron', 'dist-tags.latest']);
  const latestFromRegistry = r.code === 0 ? Number(r.out.trim().split('.')[0]) : Number.NaN;
  const isEstimate = !Number.isInteger(latestFromRegistry);
  const latest = isEstimate ? estimatedLatestMajor() : latestFromRegistry;
  const oldest = latest - SUPPORTED_MAJORS + 1;
  const source = isEstimate
    ? 'estimated from the release cadence (the registry did not answer)'
    : 'from the registry';
  const isSupported = major >= oldest;
  console.log(
    `electron:   ${installed.version} installed; supported majors ${oldest}–${latest} (latest ${source}): ${isSupported ? 'supported' : 'OUT OF SUPPORT — upgrade'}`,
  );
  if (!isSupported) return 'problem';
  return isEstimate ? 'unchecked' : 'ok';
}

const outcomes = [await advisories(), await electronWindow()];
const failed = outcomes.includes('problem') || (isStrict && outcomes.includes('unchecked'));
process.exitCode = failed ? 1 : 0;
