// Runtime: Electron main (Node). The "Open Recent" list: JSON in userData, most recent first,
// at most 10, written atomically, and a corrupt or foreign file reads as an empty list.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { type AtomicFs, atomicWrite, nodeAtomicFs } from './atomic-write';

export const RECENT_FILES_NAME = 'recent-files.json';
export const MAX_RECENT = 10;

export type RecentFiles = {
  list(): Promise<string[]>;
  has(path: string): Promise<boolean>;
  /** Move (or insert) `path` to the top. */
  add(path: string): Promise<string[]>;
  remove(path: string): Promise<string[]>;
};

const StoredSchema = z.object({ version: z.literal(1), paths: z.array(z.unknown()) });

const sameFile = (a: string, b: string) =>
  process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** Keep absolute string paths only, first occurrence wins, capped at MAX_RECENT. */
export function normalizeRecent(paths: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (typeof p !== 'string' || p.length === 0 || p.length > 4096 || !isAbsolute(p)) continue;
    const abs = resolve(p);
    if (!out.some((q) => sameFile(q, abs))) out.push(abs);
    if (out.length === MAX_RECENT) break;
  }
  return out;
}

async function load(file: string): Promise<string[]> {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? normalizeRecent(parsed.data.paths) : [];
  } catch {
    return []; // missing or corrupt: start afresh, the next change rewrites the file
  }
}

/** The list stored in `dir` (the app's userData). Changes are serialised and persisted. */
export function createRecentFiles(dir: string, fs: AtomicFs = nodeAtomicFs): RecentFiles {
  const file = join(dir, RECENT_FILES_NAME);
  let current: Promise<string[]> | undefined;
  const read = () => {
    current ??= load(file);
    return current;
  };
  const update = (change: (paths: string[]) => string[]) => {
    current = read().then(async (paths) => {
      const next = normalizeRecent(change(paths));
      try {
        await atomicWrite(file, `${JSON.stringify({ version: 1, paths: next }, null, 2)}\n`, fs);
      } catch (err) {
        // The list is a convenience: keep it in memory even if the disk refuses it.
        console.warn(`[recent-files] could not save ${file}:`, err);
      }
      return next;
    });
    return current;
  };
  return {
    list: async () => [...(await read())],
    has: async (path) => (await read()).some((p) => sameFile(p, resolve(path))),
    add: (path) => update((paths) => [resolve(path), ...paths]),
    remove: (path) => update((paths) => paths.filter((p) => !sameFile(p, resolve(path)))),
  };
}
