// Runtime: Electron main (Node). Crash recovery: the renderer keeps a copy of unsaved work in
// userData/autosave.json (written atomically); at start it reads it back and offers recovery.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type AtomicFs, atomicWrite, nodeAtomicFs } from '../fs/atomic-write';
import { type AutosaveEntry, IPC, LIMITS } from '../ipc-contract';
import { AbsolutePath, FileName, maxBytes, ok, validated } from './handler';

export const AUTOSAVE_NAME = 'autosave.json';

/** Unsaved work need not be a valid scenario (it may be mid-edit), only a bounded string. */
export const AutosaveEntrySchema = z.strictObject({
  name: FileName,
  path: AbsolutePath.nullable(),
  text: z.string().superRefine(maxBytes(LIMITS.scenarioTextBytes)),
  savedAtIso: z.iso.datetime({ offset: true }),
});

export type AutosaveDeps = { userDataDir: string; fs?: AtomicFs };

export const autosavePath = (userDataDir: string) => join(userDataDir, AUTOSAVE_NAME);

/** The stored entry, or null when there is none or it is unreadable (a torn or foreign file). */
export async function readAutosaveFile(file: string): Promise<AutosaveEntry | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = AutosaveEntrySchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  console.warn(`[autosave] ignoring unreadable ${file}`);
  return null;
}

export const clearAutosaveFile = (file: string) => rm(file, { force: true });

export function autosaveHandlers(deps: AutosaveDeps) {
  const file = autosavePath(deps.userDataDir);
  const fs = deps.fs ?? nodeAtomicFs;
  return {
    writeAutosave: validated(IPC.writeAutosave, AutosaveEntrySchema, async (entry) => {
      await atomicWrite(file, JSON.stringify(entry), fs);
      return ok(null);
    }),
    readAutosave: validated(IPC.readAutosave, z.undefined(), async () => ok(await readAutosaveFile(file))),
    clearAutosave: validated(IPC.clearAutosave, z.undefined(), async () => {
      await clearAutosaveFile(file);
      return ok(null);
    }),
  };
}
