// Runtime: Node (Electron main, and the CLI imports it from here). The one atomic writer: a
// uniquely named temp file beside the target, fsync, then rename over the target, so a crash or a
// failed write never leaves a half file. The replaced file keeps its permission bits, a symlink keeps pointing where it did
// (the file it points to is replaced), and temp files of writers that died are swept away.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The slice of `node:fs/promises` the writer uses; tests inject faults through it. */
export type AtomicFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'unlink' | 'lstat' | 'stat' | 'readlink' | 'readdir'
>;

export const nodeAtomicFs: AtomicFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  lstat: fsp.lstat,
  stat: fsp.stat,
  readlink: fsp.readlink,
  readdir: fsp.readdir,
};

const TEMP = /^\.(.+)\.(\d+)-[0-9a-f]{12}\.tmp$/;

/** `.name.<pid>-<random>.tmp` in the target's directory (rename is only atomic within one filesystem). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** The file a path finally names: symlinks followed (a dangling one to where it points). */
async function finalTarget(path: string, fs: AtomicFs): Promise<string> {
  let cur = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let info: Awaited<ReturnType<AtomicFs['lstat']>>;
    try {
      info = await fs.lstat(cur);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return cur;
      throw err;
    }
    if (!info.isSymbolicLink()) return cur;
    cur = resolve(dirname(cur), await fs.readlink(cur));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temp files for `target` left by writers that were killed mid-save (their process is gone). */
export async function sweepOrphanTemps(target: string, fs: AtomicFs = nodeAtomicFs): Promise<void> {
  const dir = dirname(target);
  let names: string[];
  try {
    names = (await fs.readdir(dir)) as string[];
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && m[1] === basename(target) && !isAlive(Number(m[2])))
      await fs.unlink(join(dir, name)).catch(() => undefined);
  }
}

/**
 * Replace `target` with `data`. On any failure the previous file is untouched, the temp file is
 * removed and the original error is rethrown. A new file gets 0666 less the umask.
 */
export async function atomicWrite(target: string, data: string | Uint8Array, fs: AtomicFs = nodeAtomicFs) {
  const file = await finalTarget(target, fs);
  await sweepOrphanTemps(file, fs);
  const mode = await fs.stat(file).then(
    (info) => info.mode & 0o7777,
    () => null,
  );
  const temp = tempPathFor(file);
  let isTempCreated = false;
  try {
    const handle = await fs.open(temp, 'wx', mode ?? 0o666);
    isTempCreated = true;
    try {
      // open() applies the umask; the replaced file's own bits are restored exactly.
      if (mode !== null) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (err) {
    if (isTempCreated) await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dirname(file), fs);
}

/** Persist the rename itself (POSIX). Directories cannot be opened on Windows: best effort. */
async function syncDirectory(dir: string, fs: AtomicFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus; the data itself is already synced.
  }
}
