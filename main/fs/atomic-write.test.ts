// Runtime: Node (vitest). Atomic writes: the old file survives any failure and no temp file is left.
// Tests run as root, so permissions cannot make writes fail: faults are injected through AtomicFs.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicFs, atomicWrite, nodeAtomicFs } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandtable-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** Real fs, except the file handle's `method` fails. */
function failingHandle(method: 'writeFile' | 'sync'): AtomicFs {
  return {
    ...nodeAtomicFs,
    open: (async (...args: Parameters<AtomicFs['open']>) => {
      const handle = await nodeAtomicFs.open(...args);
      const isTemp = String(args[0]).endsWith('.tmp');
      if (!isTemp) return handle;
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === method) {
            return async (...a: unknown[]) => {
              // Half a file reaches the disk before the failure, as it would for a full disk.
              if (method === 'writeFile') await target.writeFile(String(a[0]).slice(0, 3));
              throw diskFull();
            };
          }
          const value = Reflect.get(target, prop);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as AtomicFs['open'],
  };
}

describe('atomicWrite', () => {
  it('creates a new file and replaces an existing one, leaving no temp file', async () => {
    const target = join(dir, 'a.json');
    await atomicWrite(target, 'first');
    await atomicWrite(target, new TextEncoder().encode('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it.each(['writeFile', 'sync'] as const)(
    'keeps the old file when %s fails and removes the temp',
    async (method) => {
      const target = join(dir, 'scenario.json');
      await writeFile(target, 'OLD CONTENT');
      await expect(atomicWrite(target, 'NEW CONTENT', failingHandle(method))).rejects.toMatchObject({
        code: 'ENOSPC',
      });
      expect(await readFile(target, 'utf8')).toBe('OLD CONTENT');
      expect(await readdir(dir)).toEqual(['scenario.json']);
    },
  );

  it('keeps the old file when the rename fails and removes the temp', async () => {
    const target = join(dir, 'scenario.json');
    await writeFile(target, 'OLD CONTENT');
    let renamedFrom = '';
    const fs: AtomicFs = {
      ...nodeAtomicFs,
      rename: (async (from: string) => {
        renamedFrom = from;
        throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
      }) as AtomicFs['rename'],
    };
    await expect(atomicWrite(target, 'NEW CONTENT', fs)).rejects.toMatchObject({ code: 'EXDEV' });
    expect(renamedFrom.startsWith(join(dir, '.scenario.json.'))).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('OLD CONTENT');
    expect(await readdir(dir)).toEqual(['scenario.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(atomicWrite(join(dir, 'missing', 'x.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
