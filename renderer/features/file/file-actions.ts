// Open, save, new and examples: one implementation for the buttons and the native menu.
import type { OpenedScenario } from '../../../main/ipc-contract';
import { blankScenario, loadScenarioText, textIn } from '../../../sim/index';
import { i18next } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import type { AppStoreApi } from '../../state/store';
import { slug } from '../results/export-context';
import type { Example } from './examples';

function confirmDiscard(store: AppStoreApi): boolean {
  if (!store.getState().isDirty) return true;
  return window.confirm(i18next.t('file.confirmDiscard'));
}

export type Notice = (message: string) => void;

/** Load text into the editor if it is a valid scenario; otherwise explain and keep the current one. */
export function openText(store: AppStoreApi, opened: OpenedScenario): boolean {
  const result = loadScenarioText(opened.text);
  if (result.ok) {
    store.getState().loadText(opened.text, { name: opened.name, path: opened.path }, result);
    return true;
  }
  let isJson = true;
  try {
    JSON.parse(opened.text);
  } catch {
    isJson = false;
  }
  store
    .getState()
    .setOpenError({ name: opened.name, path: opened.path, text: opened.text, issues: result.issues, isJson });
  return false;
}

export async function openScenario(store: AppStoreApi, notify: Notice): Promise<void> {
  if (!confirmDiscard(store)) return;
  const r = await desktopApi.openScenario();
  if (!r.ok) return notify(i18next.t('file.openFailed', { error: r.error }));
  if (r.value) openText(store, r.value);
}

export async function openRecent(store: AppStoreApi, path: string, notify: Notice): Promise<void> {
  if (!confirmDiscard(store)) return;
  const r = await desktopApi.openRecent(path);
  if (!r.ok) return notify(i18next.t('file.openFailed', { error: r.error }));
  openText(store, r.value);
}

/** The scenario's name in the user's language, from the document as it stands (valid or not). */
export function scenarioNameOf(doc: unknown, lang: string): string {
  const meta = (doc as { meta?: { name?: unknown } } | null)?.meta;
  const name = meta?.name;
  if (typeof name === 'string') return name;
  if (name !== null && typeof name === 'object') {
    const n = name as Record<string, unknown>;
    if (typeof n.en === 'string' && typeof n['zh-CN'] === 'string')
      return textIn({ en: n.en, 'zh-CN': n['zh-CN'] }, lang);
  }
  return '';
}

/** A file name from the scenario's name ("代发日理财-family.json"), for Save As and browser downloads. */
export function suggestedFileName(doc: unknown, lang: string): string {
  const name = scenarioNameOf(doc, lang);
  return `${name ? slug(name) : 'scenario'}.json`;
}

/**
 * Save, or Save As (always asks where; in a browser, downloads under the scenario's name).
 * A scenario with errors is saved too, as a draft: the errors stay listed in the editor.
 */
export async function saveScenario(store: AppStoreApi, notify: Notice, saveAs = false): Promise<void> {
  store.getState().validateNow();
  const { text, doc, filePath, fileName, issues } = store.getState();
  const isSameFile = !saveAs && filePath !== null;
  const r = await desktopApi.saveScenario({
    path: isSameFile ? filePath : null,
    suggestedName: isSameFile ? fileName : suggestedFileName(doc, i18next.language),
    text,
  });
  if (!r.ok) return notify(i18next.t('file.saveFailed', { error: r.error }));
  if (!r.value) return;
  store.getState().markSaved({ name: r.value.name, path: r.value.path });
  await desktopApi.clearAutosave();
  const errors = issues.filter((i) => i.severity === 'error').length;
  notify(
    errors > 0
      ? i18next.t('file.savedWithErrors', { name: r.value.name, count: errors })
      : i18next.t('file.saved', { name: r.value.name }),
  );
}

/** A blank but valid scenario: the default bank and channels, one product, one starter strategy. */
export function newScenario(store: AppStoreApi): void {
  if (!confirmDiscard(store)) return;
  const text = `${JSON.stringify(blankScenario(), null, 2)}\n`;
  store.getState().loadText(text, { name: i18next.t('file.untitled'), path: null });
}

export async function loadExample(store: AppStoreApi, example: Example): Promise<void> {
  if (!confirmDiscard(store)) return;
  const text = await example.load();
  openText(store, { name: example.file, path: null, text });
}
