// Runtime: Electron main (Node). Opening and saving scenario files. Saving writes atomically and
// accepts a scenario that still has errors (a draft is never lost; the editor keeps showing them); the renderer may only write to paths the user picked in a dialog (this
// session) or that are in the recent list; any other path is offered as a Save As default.
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { loadScenarioText } from '../../sim/index';
import { type AtomicFs, atomicWrite, nodeAtomicFs } from '../fs/atomic-write';
import type { RecentFiles } from '../fs/recent-files';
import { IPC, LIMITS, type OpenedScenario } from '../ipc-contract';
import { EXTENSION, type FileDialogs, safeFileName, withExtension } from './dialogs';
import {
  AbsolutePath,
  errorMessage,
  FileName,
  fail,
  type IpcResultOf,
  maxBytes,
  ok,
  overLimit,
  validated,
} from './handler';

export type ScenarioDeps = {
  dialogs: FileDialogs;
  recent: RecentFiles;
  documentsDir: string;
  onRecentChanged: () => void;
  /** The save the close prompt asked for did not happen. */
  onSaveAborted: (win: BrowserWindow | null) => void;
  fs?: AtomicFs;
};

const SaveRequest = z.strictObject({
  path: AbsolutePath.nullable(),
  suggestedName: FileName,
  text: z.string().superRefine(maxBytes(LIMITS.scenarioTextBytes)),
});

export function scenarioHandlers(deps: ScenarioDeps) {
  const fs = deps.fs ?? nodeAtomicFs;
  const granted = new Set<string>();
  const isGranted = async (path: string) => granted.has(resolve(path)) || (await deps.recent.has(path));
  const remember = async (path: string) => {
    granted.add(resolve(path));
    await deps.recent.add(path);
    deps.onRecentChanged();
  };
  // The recent list grants writing without a dialog, across restarts: only files that loaded.
  const rememberIfValid = async (path: string, text: string) => {
    if (loadScenarioText(text).ok) await remember(path);
  };

  async function readScenario(path: string): IpcResultOf<OpenedScenario> {
    const info = await stat(path);
    if (!info.isFile()) return fail(`${path} is not a file`);
    if (info.size > LIMITS.scenarioTextBytes) {
      return fail(`${basename(path)} ${overLimit(info.size, LIMITS.scenarioTextBytes)} for scenarios`);
    }
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    await rememberIfValid(path, text);
    return ok({ path, name: basename(path), text });
  }

  async function save(
    req: z.output<typeof SaveRequest>,
    win: BrowserWindow | null,
  ): IpcResultOf<{ path: string; name: string } | null> {
    const name = req.path ? basename(req.path) : safeFileName(req.suggestedName, EXTENSION.scenario);
    const target =
      req.path && (await isGranted(req.path))
        ? req.path
        : await deps.dialogs.pickSavePath(win, 'scenario', req.path ?? join(deps.documentsDir, name));
    if (!target) return ok(null);
    const path = withExtension(target, EXTENSION.scenario);
    try {
      await atomicWrite(path, req.text, fs);
    } catch (err) {
      return fail(`Could not save ${path}: ${errorMessage(err)}. The previous file was left unchanged.`);
    }
    await remember(path);
    return ok({ path, name: basename(path) });
  }

  return {
    openScenario: validated(IPC.openScenario, z.undefined(), async (_req, ctx) => {
      const path = await deps.dialogs.pickOpenPath(ctx.window, 'scenario');
      return path ? readScenario(path) : ok(null);
    }),
    openRecent: validated(IPC.openRecent, AbsolutePath, async (path) => {
      if (!(await deps.recent.has(path))) return fail(`${path} is not in the recent files list`);
      try {
        return await readScenario(path);
      } catch (err) {
        if ((err as { code?: string }).code !== 'ENOENT') throw err;
        await deps.recent.remove(path);
        deps.onRecentChanged();
        return fail(`${path} no longer exists; it was removed from the recent files list`);
      }
    }),
    saveScenario: validated(IPC.saveScenario, SaveRequest, async (req, ctx) => {
      let result: Awaited<ReturnType<typeof save>> | undefined;
      try {
        result = await save(req, ctx.window);
        return result;
      } finally {
        // Refused, cancelled, failed or thrown: a close waiting for this save must not happen.
        if (!result?.ok || result.value === null) deps.onSaveAborted(ctx.window);
      }
    }),
    listRecent: validated(IPC.listRecent, z.undefined(), async () => ok(await deps.recent.list())),
  };
}
