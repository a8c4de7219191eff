// Runtime: Electron main (Node). Entry point, kept thin: app lifecycle, the window, the menu and
// the IPC wiring. Behaviour lives in window.ts, menu.ts, document-state.ts and ipc/.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { attachDocumentState, documentStateOf } from './document-state';
import { createRecentFiles, type RecentFiles } from './fs/recent-files';
import { resolveShellLocale, type ShellLocale } from './i18n';
import { autosavePath, clearAutosaveFile } from './ipc/autosave';
import { confirmClose, electronDialogs } from './ipc/dialogs';
import { registerIpc } from './ipc/register';
import { IPC, type MenuCommand } from './ipc-contract';
import { buildMenuTemplate } from './menu';
import {
  APP_TITLE,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  registerAppScheme,
  rendererSource,
  serveApp,
} from './window';

const source = rendererSource({
  isPackaged: app.isPackaged,
  devUrl: process.env.SANDTABLE_DEV_URL,
  rendererDir: join(__dirname, '../renderer'),
});
registerAppScheme(protocol);
const preloadPath = join(__dirname, 'preload.cjs');

let locale: ShellLocale = 'en';
let mainWindow: BrowserWindow | null = null;

const systemLocale = () => app.getPreferredSystemLanguages()[0] ?? app.getLocale();

function sendCommand(cmd: MenuCommand): void {
  if (cmd === 'view:lang-en' || cmd === 'view:lang-zh-CN') {
    locale = cmd === 'view:lang-en' ? 'en' : 'zh-CN';
    void refreshMenu();
  }
  (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.send(IPC.menuCommand, cmd);
}

let recent: RecentFiles | undefined;

async function refreshMenu(): Promise<void> {
  const template = buildMenuTemplate({
    recent: recent ? await recent.list() : [],
    locale,
    onCommand: sendCommand,
    isMac: process.platform === 'darwin',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(): void {
  const win = createMainWindow(preloadPath, source);
  attachDocumentState(win, {
    confirmClose: (w, name) => confirmClose(w, name, locale),
    requestSave: (w) => w.webContents.send(IPC.menuCommand, 'file:save' satisfies MenuCommand),
    discard: () => clearAutosaveFile(autosavePath(app.getPath('userData'))),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  recent = createRecentFiles(userDataDir);
  locale = resolveShellLocale(systemLocale());
  hardenSession(session.defaultSession, source);
  if (source.kind === 'app') serveApp(session.defaultSession, source.rendererDir);
  registerIpc(ipcMain, {
    dialogs: electronDialogs(() => locale),
    recent,
    userDataDir,
    documentsDir: app.getPath('documents'),
    onRecentChanged: () => void refreshMenu(),
    onSaveAborted: (win) => documentStateOf(win)?.abortPendingClose(),
    documentFor: documentStateOf,
    systemLocale,
    isTrustedUrl: (url) => isAppUrl(url, source),
    windowFor: (sender) => BrowserWindow.fromWebContents(sender),
  });
  await refreshMenu();
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.setName(APP_TITLE);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[main] start-up failed:', err);
      app.exit(1);
    });
}
