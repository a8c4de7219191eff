// Runtime: Node (the first step of `npm start`). Electron 45 has no install script: its binary is
// fetched on first launch. Where that download cannot happen (no route to Electron's download
// host), `electron .` would die with a stack trace; this step says in one line what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type EnsureResult = { ok: true; binary: string } | { ok: false; message: string };

/** Runs the package's own downloader (`install.js`); returns its exit status and error text. */
export type Downloader = (packageDir: string) => { status: number | null; stderr: string };

/** How long the first-launch download may take before we give up (the binary is ~100 MB). */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export function missingBinaryLine(reason: string): string {
  return (
    `Electron's binary is missing and could not be downloaded (${reason}). Get it with ` +
    "`npx install-electron` on a network that reaches Electron's downloads; " +
    '`npm run web` opens the same studio in a browser now.'
  );
}

/** The executable inside an installed `electron` package (as its own index.js finds it), or null. */
export function installedBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let relative = 'electron';
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    if (!env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  }
  const full = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative);
  return existsSync(full) ? full : null;
}

const runInstallScript: Downloader = (packageDir) => {
  const r = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return { status: r.status, stderr: r.error ? String(r.error.message) : r.stderr };
};

/** The first line of the downloader's error, without the error class ("TypeError: fetch failed" → "fetch failed"). */
function firstReason(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l));
  return line ? line.trim().replace(/^[A-Za-z]*Error:\s*/, '') : 'the download failed';
}

/** The binary if installed; else one download attempt (what Electron does on first launch); else a one-line message. */
export function ensureElectronBinary(
  packageDir: string,
  download: Downloader = runInstallScript,
): EnsureResult {
  const present = installedBinary(packageDir);
  if (present) return { ok: true, binary: present };
  const r = download(packageDir);
  const fetched = r.status === 0 ? installedBinary(packageDir) : null;
  if (fetched) return { ok: true, binary: fetched };
  return { ok: false, message: missingBinaryLine(firstReason(r.stderr)) };
}

export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * Exit status for `npm start`: 0 when `electron .` can run, 1 (after one line on stderr) when it
 * cannot. On a terminal a "downloading" note shows while the download runs and is erased after.
 */
export function main(
  packageDir: string = electronPackageDir(),
  stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
): number {
  const isDownloading = !installedBinary(packageDir) && stderr.isTTY;
  if (isDownloading) stderr.write("Downloading Electron's binary (first launch)…");
  const r = ensureElectronBinary(packageDir);
  if (isDownloading) stderr.write('\r\x1b[K');
  if (r.ok) return 0;
  stderr.write(`${r.message}\n`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
