// Runtime: Node (vitest; electron mocked). The IPC wiring: one handler per DesktopApi method, calls
// from other pages or frames refused, extra arguments refused, and nothing ever throws across IPC.
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentState } from '../document-state';
import type { RecentFiles } from '../fs/recent-files';
import { IPC } from '../ipc-contract';
import { type IpcDeps, type IpcMainLike, registerIpc } from './register';
import { fakeDialogs } from './testing';

vi.mock('electron', () => ({ dialog: {} }));

const APP_URL = 'app://sandtable/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  } as unknown as IpcMainLike;
  return { ipcMain, handlers };
}

function deps(overrides: Partial<IpcDeps> = {}): IpcDeps {
  const recent: RecentFiles = {
    list: async () => ['/docs/a.json'],
    has: async () => false,
    add: async () => [],
    remove: async () => [],
  };
  const state = { isDirty: false, setDirty: vi.fn(), abortPendingClose: vi.fn() } satisfies DocumentState;
  const win = {} as BrowserWindow;
  return {
    dialogs: fakeDialogs(),
    recent,
    userDataDir: '/nonexistent-user-data',
    documentsDir: '/docs',
    onRecentChanged: vi.fn(),
    onSaveAborted: vi.fn(),
    documentFor: (w) => (w === win ? state : undefined),
    systemLocale: () => 'zh-CN',
    isTrustedUrl: (url) => url === APP_URL,
    windowFor: () => win,
    ...overrides,
  };
}

const event = (url = APP_URL, parent: unknown = null) =>
  ({ sender: {}, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  it('handles exactly the request channels of the contract and can unregister them', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, deps());
    const requestChannels = Object.values(IPC).filter((c) => c !== IPC.menuCommand);
    expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers calls from the app page', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, deps());
    expect(await handlers.get(IPC.listRecent)!(event())).toEqual({ ok: true, value: ['/docs/a.json'] });
    expect(await handlers.get(IPC.systemLocale)!(event())).toEqual({ ok: true, value: 'zh-CN' });
    expect(await handlers.get(IPC.setDirty)!(event(), { isDirty: true, title: 'a.json' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it.each([
    ['another page', event('https://evil.example/')],
    ['a subframe of the app', event(APP_URL, {})],
    ['a destroyed frame', { sender: {}, senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses calls from %s', async (_what, ev) => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, deps());
    expect(await handlers.get(IPC.listRecent)!(ev)).toEqual({
      ok: false,
      error: 'Refused scenario:list-recent: the request did not come from the Sandtable window',
    });
  });

  it('refuses extra arguments and payloads where none belong', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, deps());
    expect(await handlers.get(IPC.openRecent)!(event(), '/a.json', 'extra')).toEqual({
      ok: false,
      error: 'Invalid request to scenario:open-recent: expected at most one argument, got 2',
    });
    expect(await handlers.get(IPC.clearAutosave)!(event(), 'now')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Invalid request to autosave:clear-entry'),
    });
    expect(await handlers.get(IPC.setDirty)!(event(), { isDirty: 'yes', title: 'a' })).toEqual({
      ok: false,
      error: 'Invalid request to window:set-dirty: isDirty: Invalid input: expected boolean, received string',
    });
  });

  it('turns a throwing handler into an error result', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dialogs = fakeDialogs();
    dialogs.pickOpenPath.mockRejectedValue(new Error('dialog exploded'));
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, deps({ dialogs }));
    expect(await handlers.get(IPC.openScenario)!(event())).toEqual({
      ok: false,
      error: 'scenario:open-file failed: dialog exploded',
    });
    error.mockRestore();
  });

  it('refuses setDirty from a webContents that is not a document window', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, deps({ windowFor: () => null }));
    expect(await handlers.get(IPC.setDirty)!(event(), { isDirty: false, title: '' })).toMatchObject({
      ok: false,
    });
  });
});
