// Runtime: Electron preload (sandboxed renderer, contextIsolation). Exposes exactly DesktopApi as
// `window.sandtable`: one arrow per method, each a single invoke; raw ipcRenderer never leaves here.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type DesktopApi, IPC, type MenuCommand } from './ipc-contract';

const api = {
  platform: 'electron',
  openScenario: () => ipcRenderer.invoke(IPC.openScenario),
  openRecent: (path) => ipcRenderer.invoke(IPC.openRecent, path),
  saveScenario: (req) => ipcRenderer.invoke(IPC.saveScenario, req),
  listRecent: () => ipcRenderer.invoke(IPC.listRecent),
  writeAutosave: (entry) => ipcRenderer.invoke(IPC.writeAutosave, entry),
  readAutosave: () => ipcRenderer.invoke(IPC.readAutosave),
  clearAutosave: () => ipcRenderer.invoke(IPC.clearAutosave),
  exportFile: (req) => ipcRenderer.invoke(IPC.exportFile, req),
  exportReportPdf: (req) => ipcRenderer.invoke(IPC.exportReportPdf, req),
  setDirty: (req) => ipcRenderer.invoke(IPC.setDirty, req),
  systemLocale: () => ipcRenderer.invoke(IPC.systemLocale),
  onMenuCommand: (handler) => {
    // The event object stays here: the page only ever sees the command.
    const listener = (_event: IpcRendererEvent, cmd: MenuCommand) => handler(cmd);
    ipcRenderer.on(IPC.menuCommand, listener);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, listener);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('sandtable', api);
