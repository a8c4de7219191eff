// The ledger's rows for the screen: from the valid scenario, or — while the document has errors
// (say a high below its low, just typed) — from the raw document, so the rows and their fields stay
// on screen with the error at the field instead of vanishing.
import { assumptionLedger, type LedgerRow, type Scenario } from '../../../sim/index';

export function ledgerRows(scenario: Scenario | null, doc: unknown): LedgerRow[] {
  if (scenario) return assumptionLedger(scenario);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const d = doc as Record<string, unknown>;
  const isEntry = (e: unknown) =>
    Boolean(e) && typeof e === 'object' && typeof (e as { param?: unknown }).param === 'string';
  const uncertainty = (Array.isArray(d.uncertainty) ? d.uncertainty : []).filter(
    (u) => isEntry(u) && Boolean((u as { prior?: unknown }).prior),
  );
  const ledger = (Array.isArray(d.ledger) ? d.ledger : []).filter(isEntry);
  try {
    return assumptionLedger({ ...d, uncertainty, ledger } as unknown as Scenario);
  } catch {
    return [];
  }
}
