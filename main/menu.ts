// Runtime: Electron main (Node). The native menu as a pure function of (recent files, locale):
// items with a command call `onCommand`, which forwards it to the renderer; the rest are roles.
import type { MenuItemConstructorOptions } from 'electron';
import { LANGUAGE_NAMES, type ShellLocale, shellStrings } from './i18n';
import type { MenuCommand } from './ipc-contract';

export type MenuInput = {
  recent: readonly string[];
  locale: ShellLocale;
  onCommand: (cmd: MenuCommand) => void;
  /** macOS puts Quit, Hide… under the app menu. */
  isMac?: boolean;
};

export function buildMenuTemplate({
  recent,
  locale,
  onCommand,
  isMac = false,
}: MenuInput): MenuItemConstructorOptions[] {
  const t = shellStrings(locale);
  const item = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => onCommand(cmd),
  });
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : // '&' marks a mnemonic on Windows/Linux; a path's own ampersands are doubled to stay literal.
        recent.map((path) => item(path.replaceAll('&', '&&'), { type: 'file:open-recent', path }));
  const language = (code: ShellLocale, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label: LANGUAGE_NAMES[code],
    type: 'radio',
    checked: code === locale,
    click: () => onCommand(cmd),
  });

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      item(t.new, 'file:new', 'CmdOrCtrl+N'),
      item(t.open, 'file:open', 'CmdOrCtrl+O'),
      { label: t.openRecent, submenu: recentItems },
      { type: 'separator' },
      item(t.save, 'file:save', 'CmdOrCtrl+S'),
      item(t.saveAs, 'file:save-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      {
        label: t.export,
        submenu: [
          item(t.exportPdf, 'file:export-pdf', 'CmdOrCtrl+P'),
          item(t.exportJson, 'file:export-json'),
          item(t.exportCsv, 'file:export-csv'),
        ],
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: t.quit, accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      // Undo and redo step through the renderer's edit history (and a text field's own undo while
      // one has focus). The page handles the keys itself, so the menu only shows them.
      { ...item(t.undo, 'edit:undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      {
        ...item(t.redo, 'edit:redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
        registerAccelerator: false,
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.language, submenu: [language('en', 'view:lang-en'), language('zh-CN', 'view:lang-zh-CN')] },
      { type: 'separator' },
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [item(t.about, 'help:about')],
  };
  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, help];
}
