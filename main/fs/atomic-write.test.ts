// Runtime: Node (vitest). Atomic writes: the old file survives any failure and no temp file is left.
// Tests run as root, so permissions cannot make writes fail: faults are injected through AtomicFs.
import { spawn } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicFs, atomicWrite, nodeAtomicFs, tempPathFor } from './atomic-write';

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

  it('keeps the permission bits of the file it replaces', async () => {
    const target = join(dir, 'secret.json');
    await writeFile(target, 'OLD');
    await chmod(target, 0o600);
    await atomicWrite(target, 'NEW');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await chmod(target, 0o640);
    await atomicWrite(target, 'NEWER');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readFile(target, 'utf8')).toBe('NEWER');
  });

  it('writes through a symlink: the link stays a link and its target gets the data', async () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await writeFile(real, 'OLD');
    await symlink('real.json', link);
    await atomicWrite(link, 'NEW');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('real.json');
    expect(await readFile(real, 'utf8')).toBe('NEW');
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('names each temp file uniquely, with the writer process id', () => {
    const target = join(dir, 'a.json');
    const a = tempPathFor(target);
    expect(a).not.toBe(tempPathFor(target));
    expect(a.startsWith(join(dir, `.a.json.${process.pid}-`))).toBe(true);
  });
});

describe('atomicWrite when the writer is killed mid-save', () => {
  const writerModule = fileURLToPath(new URL('./atomic-write.ts', import.meta.url));

  /** A child process that starts saving `target` and stops before the fsync, then waits to be killed. */
  function startWriter(target: string) {
    const script = `
      import { atomicWrite, nodeAtomicFs } from ${JSON.stringify(writerModule)};
      const fs = { ...nodeAtomicFs, open: async (...args) => {
        const handle = await nodeAtomicFs.open(...args);
        if (!String(args[0]).endsWith('.tmp')) return handle;
        return new Proxy(handle, { get(t, p) {
          if (p === 'sync') return async () => { process.stdout.write('mid-save\\n'); setInterval(() => {}, 1000); await new Promise(() => {}); };
          const v = Reflect.get(t, p);
          return typeof v === 'function' ? v.bind(t) : v;
        } });
      } };
      await atomicWrite(${JSON.stringify(target)}, 'NEW CONTENT '.repeat(100000), fs);
    `;
    const scriptPath = join(dir, 'writer.mts');
    return writeFile(scriptPath, script).then(() =>
      spawn(process.execPath, ['--import', 'tsx', scriptPath], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
  }

  it('leaves the old file intact, and the orphaned temp is gone after the next save', async () => {
    const folder = join(dir, 'docs');
    await import('node:fs/promises').then((f) => f.mkdir(folder));
    const target = join(folder, 'scenario.json');
    await writeFile(target, 'OLD CONTENT');
    const child = await startWriter(target);
    await new Promise<void>((done, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('mid-save')) done();
      });
      child.on('exit', (code) => fail(new Error(`the writer exited (${code}) before it was killed`)));
    });
    const exited = new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe('OLD CONTENT');
    const left = (await readdir(folder)).filter((n) => n !== 'scenario.json');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.scenario\\.json\\.${child.pid}-[0-9a-f]{12}\\.tmp$`));
    await atomicWrite(target, 'SAVED AGAIN');
    expect(await readdir(folder)).toEqual(['scenario.json']);
    expect(await readFile(target, 'utf8')).toBe('SAVED AGAIN');
  });
});
