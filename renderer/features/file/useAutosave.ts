import { useEffect } from 'react';
import { desktopApi } from '../../platform/desktop-api';
import { useActions, useStoreApi } from '../../state/hooks';

/** At start, offer to recover autosaved work; then autosave the text every few seconds while dirty. */
export function useAutosave(intervalMs = 3000): void {
  const store = useStoreApi();
  const { setRecovery } = useActions();
  useEffect(() => {
    let isMounted = true;
    desktopApi.readAutosave().then((r) => {
      if (!isMounted || !r.ok || !r.value) return;
      if (r.value.text !== store.getState().text) setRecovery(r.value);
    });
    return () => {
      isMounted = false;
    };
  }, [store, setRecovery]);

  useEffect(() => {
    let lastSaved = '';
    const timer = setInterval(() => {
      const s = store.getState();
      // While a recovery offer is pending, writing would overwrite the work it offers back.
      if (!s.isDirty || s.recovery || s.text === lastSaved) return;
      lastSaved = s.text;
      void desktopApi.writeAutosave({
        name: s.fileName,
        path: s.filePath,
        text: s.text,
        savedAtIso: new Date().toISOString(),
      });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [store, intervalMs]);
}

/** Tell the shell about unsaved work (title and close prompt). */
export function useDirtySync(): void {
  const store = useStoreApi();
  useEffect(() => {
    let last = '';
    const push = () => {
      const s = store.getState();
      const key = `${s.isDirty}|${s.fileName}`;
      if (key === last) return;
      last = key;
      void desktopApi.setDirty({ isDirty: s.isDirty, title: s.fileName || 'Sandtable' });
    };
    push();
    return store.subscribe(push);
  }, [store]);
}
