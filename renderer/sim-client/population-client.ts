// Population previews in one long-lived worker: building a 100k population takes a few hundred
// milliseconds, which must not block typing. Latest request wins; stale ones are skipped.
import type { PopulationSummary, Scenario } from '../../sim/index';
import { createSimWorker, guarded, type SimWorker } from './pool';

let worker: SimWorker | null = null;
let latest = 0;
let queue: Promise<unknown> = Promise.resolve();

export type PreviewResult = { ok: true; summary: PopulationSummary } | { ok: false; error: string } | null;

/** Resolves null when a newer request superseded this one (it is then never computed). */
export function requestPopulationSummary(scenario: Scenario): Promise<PreviewResult> {
  const ticket = ++latest;
  const run = async (): Promise<PreviewResult> => {
    if (ticket !== latest) return null;
    worker ??= createSimWorker();
    const w = worker;
    try {
      const summary = await guarded(w, w.api.populationSummary(scenario));
      return ticket === latest ? { ok: true, summary } : null;
    } catch (e) {
      if (worker === w) {
        w.terminate();
        worker = null;
      }
      return ticket === latest ? { ok: false, error: e instanceof Error ? e.message : String(e) } : null;
    }
  };
  const result = queue.then(run, run);
  queue = result;
  return result;
}
