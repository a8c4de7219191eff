// DesktopApi for a plain browser: the browser's open and save pickers (or an input and a download
// where it has none; browser-files.ts), localStorage for recents and autosave, the print dialog
// for the PDF report.

import {
  type AutosaveEntry,
  type DesktopApi,
  type IpcResult,
  LIMITS,
  type OpenedScenario,
} from '../../main/ipc-contract';
import { i18next } from '../i18n';
import { openFile, saveFile } from './browser-files';

/** Where no 'afterprint' comes, the print layout is taken down after this long. */
const PRINT_TIMEOUT_MS = 60_000;

const AUTOSAVE_KEY = 'sandtable.autosave';
const RECENT_KEY = 'sandtable.recent';

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const fail = (e: unknown): IpcResult<never> => ({
  ok: false,
  error: e instanceof Error ? e.message : String(e),
});

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function remember(name: string): void {
  const s = storage();
  if (!s) return;
  const list = [name, ...readRecent().filter((n) => n !== name)].slice(0, 10);
  s.setItem(RECENT_KEY, JSON.stringify(list));
}

function readRecent(): string[] {
  try {
    const raw = storage()?.getItem(RECENT_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const MIME = { csv: 'text/csv', json: 'application/json', png: 'image/png', pdf: 'application/pdf' } as const;

export const webAdapter: DesktopApi = {
  platform: 'web',
  async openScenario() {
    try {
      const file = await openFile({
        description: i18next.t('file.pickerType'),
        mimeTypes: ['application/json'],
        extensions: ['.json'],
      });
      if (!file) return ok(null);
      // Checked before reading: a huge file would otherwise be held in memory whole.
      if (file.size > LIMITS.scenarioTextBytes)
        return fail(`${file.name} is ${file.size} bytes, over the 20 MB limit for scenarios`);
      const opened: OpenedScenario = { path: null, name: file.name, text: await file.text() };
      remember(file.name);
      return ok(opened);
    } catch (e) {
      return fail(e);
    }
  },
  async openRecent(path) {
    return { ok: false, error: `a browser cannot reopen ${path} by itself; use Open` };
  },
  async saveScenario(req) {
    try {
      const suggested = req.suggestedName.endsWith('.json') ? req.suggestedName : `${req.suggestedName}.json`;
      const name = await saveFile(suggested, req.text, MIME.json);
      if (name === null) return ok(null);
      remember(name);
      return ok({ path: null, name });
    } catch (e) {
      return fail(e);
    }
  },
  async listRecent() {
    return ok(readRecent());
  },
  async writeAutosave(entry: AutosaveEntry) {
    try {
      storage()?.setItem(AUTOSAVE_KEY, JSON.stringify(entry));
      return ok(null);
    } catch (e) {
      return fail(e);
    }
  },
  async readAutosave() {
    try {
      const raw = storage()?.getItem(AUTOSAVE_KEY);
      if (!raw) return ok(null);
      const e = JSON.parse(raw) as Partial<AutosaveEntry>;
      if (typeof e.text !== 'string' || typeof e.name !== 'string') return ok(null);
      return ok({ name: e.name, path: e.path ?? null, text: e.text, savedAtIso: e.savedAtIso ?? '' });
    } catch (e) {
      return fail(e);
    }
  },
  async clearAutosave() {
    storage()?.removeItem(AUTOSAVE_KEY);
    return ok(null);
  },
  async exportFile(req) {
    try {
      const name = await saveFile(req.suggestedName, req.data, MIME[req.kind]);
      return ok(name === null ? null : { path: null });
    } catch (e) {
      return fail(e);
    }
  },
  async exportReportPdf() {
    // The browser's print dialog ("Save as PDF"). Resolves when printing is over ('afterprint':
    // Chromium fires it before print() returns, other browsers when their dialog closes), so the
    // print layout stays in place while it is needed.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener('afterprint', done);
        resolve();
      };
      const timer = setTimeout(done, PRINT_TIMEOUT_MS);
      window.addEventListener('afterprint', done);
      window.print();
    });
    return ok({ path: null });
  },
  async setDirty(req) {
    document.title = `${req.isDirty ? '• ' : ''}${req.title} — Sandtable`;
    return ok(null);
  },
  async systemLocale() {
    return ok(typeof navigator === 'undefined' ? 'en' : navigator.language || 'en');
  },
  onMenuCommand() {
    return () => {};
  },
};
