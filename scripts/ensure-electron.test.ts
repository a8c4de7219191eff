// `npm start` without Electron's binary: one line that says how to get it and that `npm run web`
// works, never the downloader's stack trace. A stand-in `electron` package in a temp folder plays
// the installed one (its install.js fails like the real one does without a network, or succeeds).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectronBinary, installedBinary, main } from './ensure-electron';

const FAILING_INSTALL = `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (x.js:46:30)'); process.exit(1);`;
const WORKING_INSTALL = `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`;

const dirs: string[] = [];
function fakeElectronPackage(installJs: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-electron-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.6.1"}');
  writeFileSync(join(dir, 'install.js'), installJs);
  return dir;
}

function captureStderr(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string | Uint8Array) => writes.push(String(s)) > 0 } };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start without the Electron binary', () => {
  it('prints one line naming `npx install-electron` and `npm run web`, exits 1, no stack trace', () => {
    const dir = fakeElectronPackage(FAILING_INSTALL);
    const err = captureStderr(false);
    expect(main(dir, err.stream)).toBe(1);
    expect(err.writes).toHaveLength(1);
    const [line] = err.writes;
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    expect(line).toContain('(fetch failed)');
    expect(line).toContain('`npx install-electron`');
    expect(line).toContain('`npm run web`');
    expect(line).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('on a terminal, erases its "downloading" note before the one line', () => {
    const dir = fakeElectronPackage(FAILING_INSTALL);
    const err = captureStderr(true);
    expect(main(dir, err.stream)).toBe(1);
    expect(err.writes[0]).toContain('Downloading');
    expect(err.writes[1]).toBe('\r\x1b[K');
    expect(err.writes.slice(2)).toHaveLength(1);
  });

  it('downloads on first launch where it can, then reports the binary', () => {
    const dir = fakeElectronPackage(WORKING_INSTALL);
    expect(installedBinary(dir, {})).toBeNull();
    expect(ensureElectronBinary(dir)).toEqual({ ok: true, binary: join(dir, 'dist', 'electron') });
  });

  it('with the binary in place, starts without trying to download', () => {
    const dir = fakeElectronPackage(FAILING_INSTALL);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    let downloads = 0;
    const r = ensureElectronBinary(dir, () => {
      downloads += 1;
      return { status: 1, stderr: '' };
    });
    expect(r).toEqual({ ok: true, binary: join(dir, 'dist', 'electron') });
    expect(downloads).toBe(0);
    const err = captureStderr(true);
    expect(main(dir, err.stream)).toBe(0);
    expect(err.writes).toEqual([]);
  });
});
