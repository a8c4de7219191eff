// The one store: the scenario being edited (text, the JSON it parses to, the validated scenario and
// its issues), file identity, run progress and small UI state. Run results are NOT here: they live
// in renderer/sim-client/result-cache.ts keyed by run id.
import { createStore } from 'zustand/vanilla';
import { type LoadResult, loadScenarioText, type Scenario, type ScenarioIssue, setIn } from '../../sim/index';

export type ScreenId =
  | 'overview'
  | 'population'
  | 'offers'
  | 'strategies'
  | 'channels'
  | 'calendar'
  | 'assumptions'
  | 'json'
  | 'results'
  | 'compare'
  | 'planner'
  | 'teaching'
  | 'calibration'
  | 'sensitivity'
  | 'optimize';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The scenario a result came from: its fingerprint (scenarioFingerprint) and file name at run time. */
export type ResultSource = { hash: string; fileName: string };

export type RunState = {
  status: RunStatus;
  runId: string | null;
  done: number;
  planned: number;
  etaSeconds: number | null;
  repsPerSecond: number | null;
  elapsedSeconds: number;
  error: string | null;
  /** Bumped whenever the result cache gets a newer summary for runId. */
  summaryVersion: number;
  /** The scenario this run's results belong to; null before the first run. */
  source: ResultSource | null;
};

/** What a compare variant sets at a parameter path: a number, an id (channel, step, product …) or a flag. */
export type OverrideValue = number | string | boolean;
export type Override = { path: string; value: OverrideValue };
/**
 * A compare variant. Edited variants are saved in the scenario document's optional `compare` block
 * (so they are saved, autosaved and undone with it); the default pair the Compare screen offers is
 * not written until one is edited.
 */
export type Variant = { id: string; name: string; overrides: Override[] };

export type CompareState = {
  status: RunStatus;
  compareId: string | null;
  replications: number;
  done: number;
  planned: number;
  error: string | null;
  summaryVersion: number;
  /** The scenario (with its variants) this comparison belongs to; null before the first one. */
  source: ResultSource | null;
};

export type OpenError = {
  name: string;
  path: string | null;
  text: string;
  issues: ScenarioIssue[];
  isJson: boolean;
};

export type RecoveryOffer = { name: string; path: string | null; text: string; savedAtIso: string };

export type AppState = {
  text: string;
  /** The JSON document `docText` parses to; null when that text is not valid JSON. */
  doc: unknown;
  docText: string;
  validatedText: string;
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
  filePath: string | null;
  fileName: string;
  isDirty: boolean;
  screen: ScreenId;
  selectedStrategy: number;
  workers: number;
  run: RunState;
  variants: Variant[];
  compare: CompareState;
  openError: OpenError | null;
  recovery: RecoveryOffer | null;
  isAboutOpen: boolean;
  /** Edit history of the scenario text (undo / redo); reset when a file is opened. */
  history: EditHistory;
};

/**
 * Earlier and undone versions of the scenario text. A run of edits to one field (typing a number,
 * a label, JSON) within HISTORY_COALESCE_MS of each other counts as one step.
 */
export type EditHistory = {
  past: string[];
  future: string[];
  /** What the last recorded edit changed (a path, 'text' for the raw JSON, null for a structural edit) and when (ms). */
  last: { key: string | null; at: number } | null;
};

export type AppActions = {
  /** `loaded`: the loader's result for this text when the caller has it (a file is validated once). */
  loadText(
    text: string,
    file: { name: string; path: string | null; isDirty?: boolean },
    loaded?: LoadResult,
  ): void;
  setText(text: string): void;
  /**
   * Sets one value by document path. Typing bursts into one field coalesce into one undo step;
   * a structural edit (an object or array: a canvas connect, a step added or deleted) is always a
   * step of its own unless `isTyping` says it comes from a text field (renaming a step's id).
   */
  setField(path: string, value: unknown, options?: { isTyping?: boolean }): void;
  /** Replace the whole document in one undo step (structural edits: insert, delete, rename). */
  replaceDoc(doc: unknown): void;
  validateNow(): void;
  markSaved(file: { name: string; path: string | null }): void;
  setScreen(screen: ScreenId): void;
  selectStrategy(index: number): void;
  setWorkers(n: number): void;
  patchRun(patch: Partial<RunState>): void;
  patchCompare(patch: Partial<CompareState>): void;
  /** Set the variants; `isSaved: false` keeps them out of the document (the screen's defaults). */
  setVariants(variants: Variant[], options?: { isSaved?: boolean }): void;
  setOpenError(e: OpenError | null): void;
  setRecovery(r: RecoveryOffer | null): void;
  setAboutOpen(isOpen: boolean): void;
  /** Back to the text before the last edit step; false when there is none. */
  undo(): boolean;
  redo(): boolean;
};

export type AppStore = AppState & AppActions;

export function defaultWorkers(): number {
  // One worker per core: the UI thread only draws while workers compute (the CLI's default too).
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores);
}

const idleRun: RunState = {
  status: 'idle',
  runId: null,
  done: 0,
  planned: 0,
  etaSeconds: null,
  repsPerSecond: null,
  elapsedSeconds: 0,
  error: null,
  summaryVersion: 0,
  source: null,
};

const idleCompare: CompareState = {
  status: 'idle',
  compareId: null,
  replications: 100,
  done: 0,
  planned: 0,
  error: null,
  summaryVersion: 0,
  source: null,
};

/** Edit steps kept for undo. */
export const HISTORY_LIMIT = 200;
/** Edits of the same field closer together than this are one undo step. */
export const HISTORY_COALESCE_MS = 1000;

const emptyHistory: EditHistory = { past: [], future: [], last: null };

const nowMs = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The history after an edit of `key` (null: never merged with another) that replaces `before`. */
function recorded(h: EditHistory, before: string, key: string | null): EditHistory {
  const at = nowMs();
  const isSameStep =
    key !== null && h.last !== null && h.last.key === key && at - h.last.at < HISTORY_COALESCE_MS;
  const past = isSameStep ? h.past : [...h.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], last: { key, at } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The variants saved in a scenario document (`compare.variants`), or none. */
export function variantsOf(doc: unknown): Variant[] {
  const saved = (doc as { compare?: { variants?: unknown } } | null)?.compare?.variants;
  return Array.isArray(saved) ? (saved as Variant[]) : [];
}

function validation(
  text: string,
  r: LoadResult = loadScenarioText(text),
): Pick<AppState, 'scenario' | 'issues' | 'warnings' | 'validatedText'> {
  return r.ok
    ? { scenario: r.scenario, issues: [], warnings: r.warnings, validatedText: text }
    : { scenario: null, issues: r.issues, warnings: [], validatedText: text };
}

export function initialState(): AppState {
  return {
    text: '',
    doc: null,
    docText: '',
    validatedText: '',
    scenario: null,
    issues: [],
    warnings: [],
    filePath: null,
    fileName: '',
    isDirty: false,
    screen: 'population',
    selectedStrategy: 0,
    workers: defaultWorkers(),
    run: idleRun,
    variants: [],
    compare: idleCompare,
    openError: null,
    recovery: null,
    isAboutOpen: false,
    history: emptyHistory,
  };
}

export function createAppStore(init: Partial<AppState> = {}) {
  return createStore<AppStore>()((set, get) => ({
    ...initialState(),
    ...init,
    loadText(text, file, loaded) {
      const doc = parseJson(text);
      set({
        text,
        doc,
        docText: text,
        ...validation(text, loaded),
        fileName: file.name,
        filePath: file.path,
        isDirty: file.isDirty ?? false,
        selectedStrategy: 0,
        variants: variantsOf(doc),
        openError: null,
        history: emptyHistory,
      });
    },
    setText(text) {
      const s = get();
      if (text !== s.text) set({ text, isDirty: true, history: recorded(s.history, s.text, 'text') });
    },
    setField(path, value, options) {
      const s = get();
      const doc = s.docText === s.text ? s.doc : parseJson(s.text);
      if (doc === null || typeof doc !== 'object') return;
      const next = setIn(doc, path, value);
      const text = JSON.stringify(next, null, 2);
      if (text === s.text) return;
      const isTyping = options?.isTyping ?? (value === null || typeof value !== 'object');
      const key = isTyping ? path : null;
      set({ doc: next, docText: text, text, isDirty: true, history: recorded(s.history, s.text, key) });
    },
    replaceDoc(next) {
      const s = get();
      const text = JSON.stringify(next, null, 2);
      if (text === s.text) return;
      set({ doc: next, docText: text, text, isDirty: true, history: recorded(s.history, s.text, null) });
    },
    undo() {
      const s = get();
      const before = s.history.past.at(-1);
      if (before === undefined) return false;
      const doc = parseJson(before);
      set({
        text: before,
        doc,
        docText: before,
        variants: variantsOf(doc),
        isDirty: true,
        history: { past: s.history.past.slice(0, -1), future: [s.text, ...s.history.future], last: null },
      });
      return true;
    },
    redo() {
      const s = get();
      const after = s.history.future[0];
      if (after === undefined) return false;
      const doc = parseJson(after);
      set({
        text: after,
        doc,
        docText: after,
        variants: variantsOf(doc),
        isDirty: true,
        history: { past: [...s.history.past, s.text], future: s.history.future.slice(1), last: null },
      });
      return true;
    },
    validateNow() {
      const s = get();
      if (s.validatedText === s.text && s.docText === s.text) return;
      set({ doc: s.docText === s.text ? s.doc : parseJson(s.text), docText: s.text, ...validation(s.text) });
    },
    markSaved(file) {
      set({ fileName: file.name, filePath: file.path, isDirty: false });
    },
    setScreen(screen) {
      set({ screen });
    },
    selectStrategy(index) {
      set({ selectedStrategy: index });
    },
    setWorkers(n) {
      set({ workers: Math.max(1, Math.min(64, Math.round(n) || 1)) });
    },
    patchRun(patch) {
      set({ run: { ...get().run, ...patch } });
    },
    patchCompare(patch) {
      set({ compare: { ...get().compare, ...patch } });
    },
    setVariants(variants, options) {
      const s = get();
      const doc = s.docText === s.text ? s.doc : parseJson(s.text);
      if (options?.isSaved === false || doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        set({ variants });
        return;
      }
      // Edits of one variant field in a burst are one undo step, as in the editor.
      const next = { ...(doc as Record<string, unknown>), compare: { variants } };
      const text = JSON.stringify(next, null, 2);
      if (text === s.text) return set({ variants });
      set({
        variants,
        doc: next,
        docText: text,
        text,
        isDirty: true,
        history: recorded(s.history, s.text, 'compare'),
      });
    },
    setOpenError(openError) {
      set({ openError });
    },
    setRecovery(recovery) {
      set({ recovery });
    },
    setAboutOpen(isAboutOpen) {
      set({ isAboutOpen });
    },
  }));
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
