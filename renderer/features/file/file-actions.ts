// Open, save, new and examples: one implementation for the buttons and the native menu.
import type { OpenedScenario } from '../../../main/ipc-contract';
import { loadScenarioText } from '../../../sim/index';
import { i18next } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import type { AppStoreApi } from '../../state/store';
import { DEFAULT_EXAMPLE, type Example } from './examples';

function confirmDiscard(store: AppStoreApi): boolean {
  if (!store.getState().isDirty) return true;
  return window.confirm(i18next.t('file.confirmDiscard'));
}

export type Notice = (message: string) => void;

/** Load text into the editor if it is a valid scenario; otherwise explain and keep the current one. */
export function openText(store: AppStoreApi, opened: OpenedScenario): boolean {
  const result = loadScenarioText(opened.text);
  if (result.ok) {
    store.getState().loadText(opened.text, { name: opened.name, path: opened.path });
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

export async function saveScenario(store: AppStoreApi, notify: Notice, saveAs = false): Promise<void> {
  const s = store.getState();
  s.validateNow();
  const { scenario, text, filePath, fileName } = store.getState();
  if (!scenario) return notify(i18next.t('file.saveInvalid'));
  const r = await desktopApi.saveScenario({
    path: saveAs ? null : filePath,
    suggestedName: fileName || 'scenario.json',
    text,
  });
  if (!r.ok) return notify(i18next.t('file.saveFailed', { error: r.error }));
  if (!r.value) return;
  store.getState().markSaved({ name: r.value.name, path: r.value.path });
  await desktopApi.clearAutosave();
  notify(i18next.t('file.saved', { name: r.value.name }));
}

export function newScenario(store: AppStoreApi): void {
  if (!confirmDiscard(store)) return;
  store.getState().loadText(DEFAULT_EXAMPLE.text, { name: i18next.t('file.untitled'), path: null });
}

export async function loadExample(store: AppStoreApi, example: Example): Promise<void> {
  if (!confirmDiscard(store)) return;
  const text = await example.load();
  openText(store, { name: example.file, path: null, text });
}
