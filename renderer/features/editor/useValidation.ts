import { useEffect } from 'react';
import { useActions, useAppState } from '../../state/hooks';

/** Validate the scenario text a short moment after each edit (the same schema as the CLI and shell). */
export function useValidation(delayMs = 250): void {
  const text = useAppState((s) => s.text);
  const { validateNow } = useActions();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-validate whenever the text changes
  useEffect(() => {
    const timer = setTimeout(validateNow, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, validateNow]);
}
