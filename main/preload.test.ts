// Runtime: Node (vitest; electron mocked). The preload exposes exactly DesktopApi as
// `window.sandtable`, each method invoking its own channel, and never the raw ipcRenderer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type DesktopApi, IPC, type MenuCommand } from './ipc-contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

// Every key of DesktopApi, checked both ways at compile time.
const KEYS = [
  'platform',
  'openScenario',
  'openRecent',
  'saveScenario',
  'listRecent',
  'writeAutosave',
  'readAutosave',
  'clearAutosave',
  'exportFile',
  'exportReportPdf',
  'setDirty',
  'systemLocale',
  'onMenuCommand',
] as const satisfies ReadonlyArray<keyof DesktopApi>;
const isEveryKeyListed: Exclude<keyof DesktopApi, (typeof KEYS)[number]> extends never ? true : false = true;

let api: DesktopApi;
beforeAll(async () => {
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
  expect(name).toBe('sandtable');
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly the keys of DesktopApi, all functions but the platform tag', () => {
    expect(isEveryKeyListed).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...KEYS].sort());
    expect(api.platform).toBe('electron');
    for (const key of KEYS.filter((k) => k !== 'platform')) expect(typeof api[key]).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  const calls: Array<[keyof typeof IPC, (a: DesktopApi) => Promise<unknown>, unknown[]]> = [
    ['openScenario', (a) => a.openScenario(), []],
    ['openRecent', (a) => a.openRecent('/d/a.json'), ['/d/a.json']],
    [
      'saveScenario',
      (a) => a.saveScenario({ path: null, suggestedName: 'a', text: '{}' }),
      [{ path: null, suggestedName: 'a', text: '{}' }],
    ],
    ['listRecent', (a) => a.listRecent(), []],
    [
      'writeAutosave',
      (a) => a.writeAutosave({ name: 'a', path: null, text: '', savedAtIso: 't' }),
      [{ name: 'a', path: null, text: '', savedAtIso: 't' }],
    ],
    ['readAutosave', (a) => a.readAutosave(), []],
    ['clearAutosave', (a) => a.clearAutosave(), []],
    [
      'exportFile',
      (a) => a.exportFile({ kind: 'csv', suggestedName: 'r', data: 'x' }),
      [{ kind: 'csv', suggestedName: 'r', data: 'x' }],
    ],
    ['exportReportPdf', (a) => a.exportReportPdf({ suggestedName: 'r' }), [{ suggestedName: 'r' }]],
    ['setDirty', (a) => a.setDirty({ isDirty: true, title: 'a' }), [{ isDirty: true, title: 'a' }]],
    ['systemLocale', (a) => a.systemLocale(), []],
  ];
  it.each(calls)('%s invokes its own channel with the payload', async (method, call, args) => {
    const result = await call(api);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC[method], ...args);
    expect(result).toEqual({ ok: true, value: { channel: IPC[method], args } });
  });

  it('onMenuCommand passes only the command and returns a working unsubscribe', () => {
    const handler = vi.fn<(cmd: MenuCommand) => void>();
    const unsubscribe = api.onMenuCommand(handler);
    const [channel, listener] = electron.ipcRenderer.on.mock.calls.at(-1)!;
    expect(channel).toBe(IPC.menuCommand);
    listener({ sender: 'the IpcRendererEvent' }, { type: 'file:open-recent', path: '/d/a.json' });
    expect(handler).toHaveBeenCalledWith({ type: 'file:open-recent', path: '/d/a.json' });
    expect(handler.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(IPC.menuCommand, listener);
  });
});
