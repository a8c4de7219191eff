// Runtime: Electron main (Node). Native file dialogs behind a small port, so handlers are tested
// with fakes; plus the file-name rules shared by save and export.
import { basename, extname } from 'node:path';
import { type BrowserWindow, dialog, type FileFilter } from 'electron';
import type { CloseChoice } from '../document-state';
import { type ShellLocale, shellStrings } from '../i18n';
import type { ExportKind } from '../ipc-contract';

export type FileKind = 'scenario' | ExportKind;

export type FileDialogs = {
  /** null when cancelled. */
  pickOpenPath(win: BrowserWindow | null, kind: 'scenario'): Promise<string | null>;
  pickSavePath(win: BrowserWindow | null, kind: FileKind, defaultPath: string): Promise<string | null>;
};

export const EXTENSION: Record<FileKind, string> = {
  scenario: 'json',
  json: 'json',
  csv: 'csv',
  png: 'png',
  pdf: 'pdf',
};

export function fileFilter(kind: FileKind, locale: ShellLocale): FileFilter {
  const names: Record<FileKind, string> = {
    scenario: shellStrings(locale).scenarioFilter,
    json: 'JSON',
    csv: 'CSV',
    png: 'PNG',
    pdf: 'PDF',
  };
  return { name: names[kind], extensions: [EXTENSION[kind]] };
}

/** A bare file name without separators or characters Windows forbids, ending in `.ext`. */
export function safeFileName(suggested: string, ext: string): string {
  const stripped = basename(suggested.replaceAll('\\', '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const stem = stripped || 'sandtable';
  return stem.toLowerCase().endsWith(`.${ext}`) ? stem : `${stem}.${ext}`;
}

/** Linux dialogs return what was typed: add the extension when the name has none. */
export function withExtension(path: string, ext: string): string {
  return extname(path) ? path : `${path}.${ext}`;
}

export function electronDialogs(getLocale: () => ShellLocale): FileDialogs {
  return {
    async pickOpenPath(win, kind) {
      const options = {
        properties: ['openFile' as const],
        filters: [fileFilter(kind, getLocale())],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath(win, kind, defaultPath) {
      const options = { defaultPath, filters: [fileFilter(kind, getLocale())] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

export async function confirmClose(
  win: BrowserWindow,
  name: string,
  locale: ShellLocale,
): Promise<CloseChoice> {
  const t = shellStrings(locale);
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: t.unsavedTitle,
    message: t.unsavedMessage(name),
    detail: t.unsavedDetail,
    buttons: [t.saveButton, t.discardButton, t.cancelButton],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
}
