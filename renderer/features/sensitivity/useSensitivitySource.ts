import { useCallback } from 'react';
import { scenarioFingerprint } from '../../../sim/index';
import { useAppState, useStoreApi } from '../../state/hooks';
import { fingerprintOf } from '../../state/staleness';
import type { AppState } from '../../state/store';

type Source = { hash: string; fileName: string };

/** A sensitivity result belongs to the scenario and to its ledger (whose ranges it moved over). */
function hashOf(s: Pick<AppState, 'text' | 'doc'>): string {
  const ledger = (s.doc as { ledger?: unknown } | null)?.ledger;
  return `${fingerprintOf(s.text)}:${scenarioFingerprint(JSON.stringify(ledger ?? null))}`;
}

/** The stamp for a run started now, and whether `source` is of another scenario or ledger. */
export function useSensitivitySource(source: Source | null): { source: () => Source; isStale: boolean } {
  const store = useStoreApi();
  const isStale = useAppState((s) => source !== null && hashOf(s) !== source.hash);
  const now = useCallback(() => {
    const s = store.getState();
    return { hash: hashOf(s), fileName: s.fileName };
  }, [store]);
  return { source: now, isStale };
}
