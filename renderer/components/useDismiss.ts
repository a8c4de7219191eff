import { type RefObject, useEffect, useRef } from 'react';

/**
 * While `isOpen`, a popup (menu, picker) closes on a mouse press outside `ref`'s element, and on
 * Escape unless `isEscapeHandled` (a popup that handles its own keys). `onDismiss` is told which.
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  isOpen: boolean,
  onDismiss: (reason: 'outside' | 'escape') => void,
  isEscapeHandled = false,
): void {
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) dismiss.current('outside');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dismiss.current('escape');
    };
    document.addEventListener('mousedown', onDown);
    if (!isEscapeHandled) document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, isOpen, isEscapeHandled]);
}
