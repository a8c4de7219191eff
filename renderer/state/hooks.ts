// The app's typed doors into the store. Components select small slices; actions are stable.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { getIn } from '../../sim/index';
import { useMessages } from '../i18n/messages';
import { type AppActions, type AppState, type AppStore, type AppStoreApi, createAppStore } from './store';

export const appStore: AppStoreApi = createAppStore();

/** Tests pass their own store through this context; the app uses the module store. */
export const StoreContext = createContext<AppStoreApi>(appStore);

export function useStoreApi(): AppStoreApi {
  return useContext(StoreContext);
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

export function useShallowState<T extends object>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), useShallow(selector));
}

export function useActions(): AppActions {
  return useStore(
    useStoreApi(),
    useShallow((s: AppStore) => ({
      loadText: s.loadText,
      setText: s.setText,
      setField: s.setField,
      replaceDoc: s.replaceDoc,
      validateNow: s.validateNow,
      markSaved: s.markSaved,
      setScreen: s.setScreen,
      selectStrategy: s.selectStrategy,
      setWorkers: s.setWorkers,
      patchRun: s.patchRun,
      patchCompare: s.patchCompare,
      setVariants: s.setVariants,
      setOpenError: s.setOpenError,
      setRecovery: s.setRecovery,
      setAboutOpen: s.setAboutOpen,
      undo: s.undo,
      redo: s.redo,
    })),
  );
}

/** The raw (unvalidated) value at a path of the document being edited. */
export function useDocValue(path: string): unknown {
  return useAppState((s) => getIn(s.doc, path));
}

/** The value at a path of the last valid scenario (defaults filled in). */
export function useScenarioValue(path: string): unknown {
  return useAppState((s) => getIn(s.scenario, path));
}

/** Error messages for exactly this path, in the studio's language. */
export function useFieldIssues(path: string): string[] {
  const messages = useMessages();
  const issues = useShallowState((s) => s.issues.filter((i) => i.path === path));
  return issues.map(messages.issue);
}

export function useRun() {
  return useAppState((s) => s.run);
}

export function useIsValid(): boolean {
  return useAppState((s) => s.scenario !== null && s.validatedText === s.text);
}
