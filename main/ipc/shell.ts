// Runtime: Electron main (Node). Window-level calls: the dirty flag and title, and the system locale.
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import type { DocumentState } from '../document-state';
import { IPC } from '../ipc-contract';
import { FileName, fail, ok, validated } from './handler';

export type ShellCallDeps = {
  documentFor: (win: BrowserWindow | null) => DocumentState | undefined;
  systemLocale: () => string;
};

const DirtyRequest = z.strictObject({ isDirty: z.boolean(), title: FileName });

export function shellHandlers(deps: ShellCallDeps) {
  return {
    setDirty: validated(IPC.setDirty, DirtyRequest, async (req, ctx) => {
      const state = deps.documentFor(ctx.window);
      if (!state) return fail('setDirty: the request did not come from a document window');
      state.setDirty(req.isDirty, req.title);
      return ok(null);
    }),
    systemLocale: validated(IPC.systemLocale, z.undefined(), async () => ok(deps.systemLocale())),
  };
}
