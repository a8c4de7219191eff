// Runtime: Electron main (Node). Native file dialogs behind a small port, so handlers are tested
// with fakes; plus the file-name rules shared by save and export.
import { access } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type BrowserWindow, dialog, type FileFilter } from 'electron';
import type { CloseChoice } from '../document-state';
import { type ShellLocale, shellStrings } from '../i18n';
import type { ExportKind } from '../ipc-contract';

export type FileKind = 'scenario' | ExportKind;

export type FileDialogs = {
  /** null when cancelled. */
  pickOpenPath(win: BrowserWindow | null, kind: 'scenario'): Promise<string | null>;
  /** The final path (with the kind's extension), replacing an existing file only if the user agreed; null when cancelled. */
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

/**
 * The path a save dialog's answer finally names. The dialog asked about replacing the file it
 * returned; when the extension is added afterwards the name is new to the user, so an existing file
 * there is only replaced after `confirmReplace` agrees.
 */
export async function finalSavePath(
  chosen: string,
  ext: string,
  exists: (path: string) => Promise<boolean>,
  confirmReplace: (path: string) => Promise<boolean>,
): Promise<string | null> {
  const path = withExtension(chosen, ext);
  if (path === chosen || !(await exists(path))) return path;
  return (await confirmReplace(path)) ? path : null;
}

const fileExists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

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
      const ext = EXTENSION[kind];
      const options = {
        defaultPath: withExtension(defaultPath, ext),
        filters: [fileFilter(kind, getLocale())],
        // macOS and Windows always ask before replacing; Linux dialogs ask only when told to.
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return finalSavePath(result.filePath, ext, fileExists, (path) =>
        confirmReplace(win, basename(path), getLocale()),
      );
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

async function confirmReplace(
  win: BrowserWindow | null,
  name: string,
  locale: ShellLocale,
): Promise<boolean> {
  const t = shellStrings(locale);
  const options = {
    type: 'warning' as const,
    message: t.replaceMessage(name),
    detail: t.replaceDetail,
    buttons: [t.replaceButton, t.cancelButton],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 0;
}
