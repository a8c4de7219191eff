// Population previews on a worker of the shared pool: building a 100k population takes a few
// hundred milliseconds, which must not block typing. The worker goes back to the pool holding the
// built population, so the run that follows often starts on it. Latest request wins; stale ones
// are skipped.
import type { PopulationSummary, Scenario } from '../../sim/index';
import { guarded, releaseWorker, takeWorker } from './pool';

let latest = 0;
let queue: Promise<unknown> = Promise.resolve();

export type PreviewResult = { ok: true; summary: PopulationSummary } | { ok: false; error: string } | null;

/** Resolves null when a newer request superseded this one (it is then never computed). */
export function requestPopulationSummary(scenario: Scenario): Promise<PreviewResult> {
  const ticket = ++latest;
  const run = async (): Promise<PreviewResult> => {
    if (ticket !== latest) return null;
    const w = takeWorker();
    try {
      const summary = await guarded(w, w.api.populationSummary(scenario));
      releaseWorker(w);
      return ticket === latest ? { ok: true, summary } : null;
    } catch (e) {
      w.terminate();
      return ticket === latest ? { ok: false, error: e instanceof Error ? e.message : String(e) } : null;
    }
  };
  const result = queue.then(run, run);
  queue = result;
  return result;
}
