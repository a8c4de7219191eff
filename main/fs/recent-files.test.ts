// Runtime: Node (vitest). The recent list: order, cap, persistence across restarts, corrupt files.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AtomicFs, nodeAtomicFs } from './atomic-write';
import { createRecentFiles, MAX_RECENT, RECENT_FILES_NAME } from './recent-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandtable-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (n: number | string) => join(dir, 'docs', `s${n}.json`);

describe('recent files', () => {
  it('puts the latest first, moves re-opened files to the top and keeps at most 10', async () => {
    const recent = createRecentFiles(dir);
    for (let i = 1; i <= 12; i++) await recent.add(file(i));
    await recent.add(file(5));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list.slice(0, 3)).toEqual([file(5), file(12), file(11)]);
    expect(list).not.toContain(file(1));
    expect(new Set(list).size).toBe(list.length);
  });

  it('survives a restart: a new instance reads the same list from userData', async () => {
    const before = createRecentFiles(dir);
    await before.add(file('a'));
    await before.add(file('b'));
    await before.remove(file('a'));
    await before.add(file('c'));
    const after = createRecentFiles(dir);
    expect(await after.list()).toEqual([file('c'), file('b')]);
    expect(await after.has(file('b'))).toBe(true);
    expect(await after.has(file('a'))).toBe(false);
  });

  it('reads a corrupt file as an empty list and then rewrites it', async () => {
    await writeFile(join(dir, RECENT_FILES_NAME), '{"version":1,"paths":["/x.json"'); // torn write
    const recent = createRecentFiles(dir);
    expect(await recent.list()).toEqual([]);
    await recent.add(file('new'));
    expect(JSON.parse(await readFile(join(dir, RECENT_FILES_NAME), 'utf8'))).toEqual({
      version: 1,
      paths: [file('new')],
    });
  });

  it('drops entries that are not absolute paths and ignores files of another shape', async () => {
    const stored = { version: 1, paths: ['/ok.json', 42, '', 'relative.json', '/ok.json', null] };
    await writeFile(join(dir, RECENT_FILES_NAME), JSON.stringify(stored));
    expect(await createRecentFiles(dir).list()).toEqual(['/ok.json']);
    await writeFile(join(dir, RECENT_FILES_NAME), JSON.stringify(['/a.json']));
    expect(await createRecentFiles(dir).list()).toEqual([]);
  });

  it('keeps the list in memory when the disk refuses to store it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fs: AtomicFs = {
      ...nodeAtomicFs,
      rename: (async () => Promise.reject(new Error('disk'))) as AtomicFs['rename'],
    };
    const recent = createRecentFiles(dir, fs);
    await recent.add(file(1));
    expect(await recent.list()).toEqual([file(1)]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('serialises concurrent changes', async () => {
    const recent = createRecentFiles(dir);
    await Promise.all([recent.add(file(1)), recent.add(file(2)), recent.add(file(3))]);
    expect(await createRecentFiles(dir).list()).toEqual([file(3), file(2), file(1)]);
  });
});
