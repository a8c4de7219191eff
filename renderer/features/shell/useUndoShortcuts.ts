import { useEffect } from 'react';
import { useStoreApi } from '../../state/hooks';
import type { AppStoreApi } from '../../state/store';

/** True for a control with its own text undo (an input you type in, a text area, editable text). */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Which history command a key press asks for: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo. */
export function historyCommand(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * Undo / redo of scenario edits, from the Edit menu (desktop) or the keyboard. In a text field the
 * browser's own undo of that field's typing comes first, as users expect; elsewhere (after a click
 * on the canvas, a checkbox, a select, a delete button) the keys step through the edit history.
 */
export function runHistoryCommand(store: AppStoreApi, cmd: 'undo' | 'redo'): void {
  if (isTextEntry(document.activeElement)) {
    document.execCommand(cmd);
    return;
  }
  store.getState()[cmd]();
}

export function useUndoShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = historyCommand(e);
      if (!cmd || e.defaultPrevented || isTextEntry(e.target as Element | null)) return;
      e.preventDefault();
      store.getState()[cmd]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
