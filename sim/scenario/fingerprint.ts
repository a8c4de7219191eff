// A short, stable fingerprint of a scenario document, so that results can say which scenario (and
// Monte Carlo settings, which live in the document) they came from. Formatting does not count:
// the text is compared as the JSON it parses to; text that is not JSON is compared as it stands.
// What runs do not read does not count either: the saved Compare variants (`compare`), the
// assumption ledger (`ledger`: sources and notes) and the journey canvas positions
// (`strategies[].journey.layout`), so dragging a step leaves results fresh.
import { hash32 } from '../rng/streams';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The document without the parts a run ignores (the input is not changed). */
function withoutStudioOnly(doc: Json): Json {
  const strategies = Array.isArray(doc.strategies)
    ? doc.strategies.map((st: unknown) =>
        isObject(st) && isObject(st.journey) ? { ...st, journey: { ...st.journey, layout: undefined } } : st,
      )
    : doc.strategies;
  return { ...doc, compare: undefined, ledger: undefined, strategies };
}

/** 16 hex digits: two independent 32-bit hashes of the canonical JSON (or of the raw text). */
export function scenarioFingerprint(text: string): string {
  let canonical = text;
  try {
    const doc: unknown = JSON.parse(text);
    canonical = JSON.stringify(isObject(doc) ? withoutStudioOnly(doc) : doc);
  } catch {
    // Not JSON: the raw text is its own identity.
  }
  const a = hash32(canonical).toString(16).padStart(8, '0');
  const b = hash32(canonical, 0x9747b28c).toString(16).padStart(8, '0');
  return `${a}${b}`;
}
