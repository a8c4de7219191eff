// The report PDF lays out every strategy of the run, with vector charts sized for an A4 page, in a
// print-only view (PrintReport). It is mounted only while a PDF is being made: a print job.
import { useSyncExternalStore } from 'react';
import { flushChartJobs } from '../../components/charts/chart-scheduler';

export type PrintJob = { id: number; onMounted(): void };

let job: PrintJob | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function setJob(next: PrintJob | null) {
  job = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The print job in progress, if any (PrintReport is mounted while there is one). */
export function usePrintJob(): PrintJob | null {
  return useSyncExternalStore(
    subscribe,
    () => job,
    () => null,
  );
}

const nextFrame = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve, 16),
  );

/**
 * Mount the print report and wait until it is in the page with every chart drawn. Resolves with
 * a function that unmounts it again; rejects if the report does not mount within `timeoutMs`
 * (e.g. no screen shows it).
 */
export async function openPrintReport(timeoutMs = 10_000): Promise<() => void> {
  if (job) throw new Error('a report is already being printed');
  const id = nextId++;
  const release = () => {
    if (job?.id === id) setJob(null);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      release();
      reject(new Error('the print layout did not appear'));
    }, timeoutMs);
    setJob({
      id,
      onMounted: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
  // Every chart of the report is parked (it is off screen): draw them all now, without animation.
  flushChartJobs();
  await nextFrame();
  await nextFrame();
  return release;
}
