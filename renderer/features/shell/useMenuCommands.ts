import { useEffect } from 'react';
import type { MenuCommand } from '../../../main/ipc-contract';
import { setLanguage } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import { useStoreApi } from '../../state/hooks';
import type { AppStoreApi } from '../../state/store';
import { newScenario, openRecent, openScenario, saveScenario } from '../file/file-actions';
import { exportReportPdf, exportResultsCsv, exportResultsJson } from '../report/report-actions';
import { notify } from './toast';
import { runHistoryCommand } from './useUndoShortcuts';

export function handleMenuCommand(store: AppStoreApi, cmd: MenuCommand): void {
  if (typeof cmd === 'object') {
    if (cmd.type === 'file:open-recent') void openRecent(store, cmd.path, notify);
    return;
  }
  const actions: Record<typeof cmd, () => unknown> = {
    'file:new': () => newScenario(store),
    'file:open': () => openScenario(store, notify),
    'file:save': () => saveScenario(store, notify),
    'file:save-as': () => saveScenario(store, notify, true),
    'file:export-pdf': () => exportReportPdf(store),
    'file:export-json': () => exportResultsJson(store),
    'file:export-csv': () => exportResultsCsv(store),
    'edit:undo': () => runHistoryCommand(store, 'undo'),
    'edit:redo': () => runHistoryCommand(store, 'redo'),
    'view:lang-en': () => setLanguage('en'),
    'view:lang-zh-CN': () => setLanguage('zh-CN'),
    'help:about': () => store.getState().setAboutOpen(true),
  };
  void actions[cmd]();
}

/** Native menu commands (desktop); the web adapter never sends any. */
export function useMenuCommands(): void {
  const store = useStoreApi();
  useEffect(() => desktopApi.onMenuCommand((cmd) => handleMenuCommand(store, cmd)), [store]);
}
