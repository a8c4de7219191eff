// THE contract between the renderer and the desktop shell. The preload implements it with one
// arrow per method (`satisfies DesktopApi`); in a plain browser `renderer/platform/web-adapter.ts`
// implements the same type. Runtime: shared (types and constants only, no imports of electron).

/** Every call answers with a value or an error message; nothing throws across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type OpenedScenario = {
  /** Absolute path on disk (desktop) or null (browser, or a new unsaved scenario). */
  path: string | null;
  /** File name for the title bar. */
  name: string;
  text: string;
};

export type AutosaveEntry = { name: string; path: string | null; text: string; savedAtIso: string };

export type ExportKind = 'csv' | 'json' | 'png' | 'pdf';

/** Commands sent from native menus to the renderer. */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:save-as'
  | 'file:export-pdf'
  | 'file:export-json'
  | 'file:export-csv'
  | 'edit:undo'
  | 'edit:redo'
  | 'view:lang-en'
  | 'view:lang-zh-CN'
  | 'help:about'
  | { type: 'file:open-recent'; path: string };

export type DesktopApi = {
  readonly platform: 'electron' | 'web';
  /** Native open dialog; null when cancelled. */
  openScenario(): Promise<IpcResult<OpenedScenario | null>>;
  /** Open a file from the recent list (desktop) . */
  openRecent(path: string): Promise<IpcResult<OpenedScenario>>;
  /** Save a valid scenario atomically. path null → ask where (Save As). null value when cancelled. */
  saveScenario(req: {
    path: string | null;
    suggestedName: string;
    text: string;
  }): Promise<IpcResult<{ path: string | null; name: string } | null>>;
  listRecent(): Promise<IpcResult<string[]>>;
  /** Keep unsaved work where a crash cannot lose it. */
  writeAutosave(entry: AutosaveEntry): Promise<IpcResult<null>>;
  readAutosave(): Promise<IpcResult<AutosaveEntry | null>>;
  clearAutosave(): Promise<IpcResult<null>>;
  /** Save an export (CSV/JSON text, PNG bytes) through a save dialog or a download. */
  exportFile(req: {
    kind: ExportKind;
    suggestedName: string;
    data: string | Uint8Array;
  }): Promise<IpcResult<{ path: string | null } | null>>;
  /** Print the current window's print layout to PDF (desktop) or open the print dialog (browser). */
  exportReportPdf(req: { suggestedName: string }): Promise<IpcResult<{ path: string | null } | null>>;
  /** Tell the shell whether there is unsaved work (for the close prompt and title). */
  setDirty(req: { isDirty: boolean; title: string }): Promise<IpcResult<null>>;
  systemLocale(): Promise<IpcResult<string>>;
  /** Subscribe to native menu commands; returns an unsubscribe function. */
  onMenuCommand(handler: (cmd: MenuCommand) => void): () => void;
};

/** IPC channel names, `domain:verb-noun`. */
export const IPC = {
  openScenario: 'scenario:open-file',
  openRecent: 'scenario:open-recent',
  saveScenario: 'scenario:save-file',
  listRecent: 'scenario:list-recent',
  writeAutosave: 'autosave:write-entry',
  readAutosave: 'autosave:read-entry',
  clearAutosave: 'autosave:clear-entry',
  exportFile: 'export:save-file',
  exportReportPdf: 'export:print-pdf',
  setDirty: 'window:set-dirty',
  systemLocale: 'app:system-locale',
  menuCommand: 'menu:command',
} as const;

/** Size limits checked in main before anything touches the disk. */
export const LIMITS = { scenarioTextBytes: 20 * 1024 * 1024, exportBytes: 200 * 1024 * 1024 } as const;
