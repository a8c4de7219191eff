// A short, stable fingerprint of a scenario document, so that results can say which scenario (and
// Monte Carlo settings, which live in the document) they came from. Formatting does not count:
// the text is compared as the JSON it parses to; text that is not JSON is compared as it stands.
// The saved Compare variants (`compare`) do not change what a run computes, so they do not count.
import { hash32 } from '../rng/streams';

/** 16 hex digits: two independent 32-bit hashes of the canonical JSON (or of the raw text). */
export function scenarioFingerprint(text: string): string {
  let canonical = text;
  try {
    const doc: unknown = JSON.parse(text);
    canonical = JSON.stringify(
      doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, compare: undefined } : doc,
    );
  } catch {
    // Not JSON: the raw text is its own identity.
  }
  const a = hash32(canonical).toString(16).padStart(8, '0');
  const b = hash32(canonical, 0x9747b28c).toString(16).padStart(8, '0');
  return `${a}${b}`;
}
