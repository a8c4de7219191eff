// Runtime: Electron main (Node). Wires one handler per DesktopApi method to its channel. Every call
// is checked to come from the app's own page, takes at most one payload, and never throws.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { type DesktopApi, IPC } from '../ipc-contract';
import { type AutosaveDeps, autosaveHandlers } from './autosave';
import { type ExportDeps, exportHandlers } from './export';
import { errorMessage, fail, type Handler } from './handler';
import { type ScenarioDeps, scenarioHandlers } from './scenario';
import { type ShellCallDeps, shellHandlers } from './shell';

/** The methods that are requests (everything but the platform tag and the menu subscription). */
export type InvokeMethod = Exclude<keyof DesktopApi, 'platform' | 'onMenuCommand'>;

export type IpcDeps = ScenarioDeps &
  AutosaveDeps &
  ExportDeps &
  ShellCallDeps & {
    /** True for the URLs of the app's own pages (see window.ts `isAppUrl`). */
    isTrustedUrl: (url: string) => boolean;
    windowFor: (sender: WebContents) => BrowserWindow | null;
  };

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export function buildHandlers(deps: IpcDeps): Record<InvokeMethod, Handler> {
  return {
    ...scenarioHandlers(deps),
    ...autosaveHandlers(deps),
    ...exportHandlers(deps),
    ...shellHandlers(deps),
  } satisfies Record<InvokeMethod, Handler>;
}

/** The IpcMain listener for one channel: sender check, arity check, and errors turned into results. */
export function guard(channel: string, handler: Handler, deps: IpcDeps) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !deps.isTrustedUrl(frame.url)) {
      return fail(`Refused ${channel}: the request did not come from the Sandtable window`);
    }
    if (args.length > 1) {
      return fail(`Invalid request to ${channel}: expected at most one argument, got ${args.length}`);
    }
    try {
      return await handler({ window: deps.windowFor(event.sender), sender: event.sender }, args[0]);
    } catch (err) {
      console.error(`[ipc] ${channel} failed:`, err);
      return fail(`${channel} failed: ${errorMessage(err)}`);
    }
  };
}

/** Registers every handler; returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): () => void {
  const handlers = buildHandlers(deps);
  const methods = Object.keys(handlers) as InvokeMethod[];
  for (const method of methods) ipcMain.handle(IPC[method], guard(IPC[method], handlers[method], deps));
  return () => {
    for (const method of methods) ipcMain.removeHandler(IPC[method]);
  };
}
