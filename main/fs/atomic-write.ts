// Runtime: Electron main (Node). Atomic file replacement: write a temp file beside the target,
// fsync it, then rename over the target, so a crash or a failed write never leaves a half file.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The slice of `node:fs/promises` the writer uses; tests inject faults through it. */
export type AtomicFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink'>;

export const nodeAtomicFs: AtomicFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** `.name.<random>.tmp` in the target's directory (rename is only atomic within one filesystem). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replace `target` with `data`. On any failure the previous file is untouched, the temp file is
 * removed and the original error is rethrown.
 */
export async function atomicWrite(target: string, data: string | Uint8Array, fs: AtomicFs = nodeAtomicFs) {
  const temp = tempPathFor(target);
  let isTempCreated = false;
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    isTempCreated = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    if (isTempCreated) await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dirname(target), fs);
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
