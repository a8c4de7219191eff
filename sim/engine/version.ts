// The engine's version, recorded in every result (RunSummary.engineVersion). It changes when the
// same scenario and seed give different numbers by design — the random streams' layout or the
// order of draws — not when the model changes (that is the scenario's business) and not for a
// change that keeps every output bit-identical. A bump comes with regenerated golden files
// (scripts/update-golden.ts) and must pass sim/engine/engine-equivalence.test.ts: the new engine's
// outputs agree in distribution with version 1's reference (tests/fixtures/engine-reference/).
export const ENGINE_VERSION = 2;
