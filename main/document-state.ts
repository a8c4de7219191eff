// Runtime: Electron main (Node). Per-window document state: the title ("name • — Sandtable" when
// dirty) and the Save / Don't Save / Cancel prompt when a window with unsaved work closes.
import type { BrowserWindow } from 'electron';
import { APP_TITLE } from './window';

export type CloseChoice = 'save' | 'discard' | 'cancel';

export type DocumentStateDeps = {
  confirmClose: (win: BrowserWindow, name: string) => Promise<CloseChoice>;
  /** Ask the renderer to save (it answers with setDirty(false) once saved). */
  requestSave: (win: BrowserWindow) => void;
  /** The user threw the work away: forget the crash-recovery copy too. */
  discard: () => Promise<void>;
};

export type DocumentState = {
  readonly isDirty: boolean;
  setDirty(isDirty: boolean, name: string): void;
  /** The save requested by the close prompt was cancelled or failed: stay open. */
  abortPendingClose(): void;
};

export function windowTitle(name: string, isDirty: boolean): string {
  const doc = name.trim();
  if (!doc) return isDirty ? `• ${APP_TITLE}` : APP_TITLE;
  return `${doc}${isDirty ? ' •' : ''} — ${APP_TITLE}`;
}

const states = new WeakMap<BrowserWindow, DocumentState>();

export function documentStateOf(win: BrowserWindow | null): DocumentState | undefined {
  return win ? states.get(win) : undefined;
}

export function attachDocumentState(win: BrowserWindow, deps: DocumentStateDeps): DocumentState {
  let isDirty = false;
  let name = '';
  let isPrompting = false;
  let isCloseAfterSave = false;
  let isCloseConfirmed = false;

  // The page's <title> must not overwrite the document name and dirty mark.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('close', (event) => {
    if (!isDirty || isCloseConfirmed) return;
    event.preventDefault();
    if (isPrompting) return;
    isPrompting = true;
    deps
      .confirmClose(win, name || APP_TITLE)
      .then(async (choice) => {
        if (choice === 'save') {
          isCloseAfterSave = true;
          deps.requestSave(win);
        } else if (choice === 'discard') {
          isCloseConfirmed = true;
          await deps.discard().catch((err: unknown) => console.warn('[close] discard failed:', err));
          if (!win.isDestroyed()) win.close();
        }
      })
      .catch((err: unknown) => console.error('[close] prompt failed:', err))
      .finally(() => {
        isPrompting = false;
      });
  });

  const state: DocumentState = {
    get isDirty() {
      return isDirty;
    },
    setDirty(nextDirty, nextName) {
      isDirty = nextDirty;
      name = nextName;
      if (!win.isDestroyed()) win.setTitle(windowTitle(name, isDirty));
      if (!isDirty && isCloseAfterSave) {
        isCloseAfterSave = false;
        if (!win.isDestroyed()) win.close();
      }
    },
    abortPendingClose() {
      isCloseAfterSave = false;
    },
  };
  states.set(win, state);
  return state;
}
