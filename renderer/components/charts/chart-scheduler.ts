// Paces chart work (ECharts init, option updates, resizes) so a page of a dozen charts never blocks
// the UI thread in one long task: each chart is drawn in a task of its own, with a yield to the
// browser (input, paint) in between. Only charts on (or near) the screen are drawn; the others are
// parked until they scroll into view, or until the page is printed (then every chart is drawn at
// once). Work is keyed per chart: a chart with work pending is drawn once, with its latest option.

/** Brings one chart up to date (creates it, applies its latest option, resizes it). */
export type ChartJob = () => void;

/** Keep running queued jobs in one task while it has taken less than this (ms). */
const TASK_BUDGET_MS = 8;

const queued = new Map<object, ChartJob>();
const parked = new Map<object, ChartJob>();
let isTaskPosted = false;
let isFlushing = false;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// A macrotask without setTimeout's clamping: input and rendering get their turn before it runs.
let channel: MessageChannel | null = null;
function postTask(run: () => void) {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(run, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = run;
  }
  channel.port2.postMessage(null);
}

function takeFirst(queue: Map<object, ChartJob>): ChartJob | undefined {
  for (const [key, job] of queue) {
    queue.delete(key);
    return job;
  }
  return undefined;
}

function runQueued() {
  isTaskPosted = false;
  const start = now();
  do {
    const job = takeFirst(queued);
    if (!job) break;
    runJob(job);
  } while (now() - start < TASK_BUDGET_MS);
  if (queued.size > 0) post();
}

function post() {
  if (isTaskPosted) return;
  isTaskPosted = true;
  postTask(runQueued);
}

function runJob(job: ChartJob) {
  try {
    job();
  } catch (e) {
    // One broken chart must not stop the others; report it like an uncaught error.
    if (typeof reportError === 'function') reportError(e);
    else
      setTimeout(() => {
        throw e;
      }, 0);
  }
}

/**
 * Queue `job` for the chart `key`, replacing any job it has pending: it runs soon when the chart
 * is on screen, else it is parked until the chart comes on screen (or the page is printed).
 */
export function scheduleChartJob(key: object, job: ChartJob, isOnScreen: boolean): void {
  cancelChartJob(key);
  (isOnScreen ? queued : parked).set(key, job);
  if (isOnScreen) post();
}

/** The chart came on screen or left it: its pending job, if any, is queued or parked. */
export function setChartOnScreen(key: object, isOnScreen: boolean): void {
  const job = queued.get(key) ?? parked.get(key);
  if (job) scheduleChartJob(key, job, isOnScreen);
}

export function cancelChartJob(key: object): void {
  queued.delete(key);
  parked.delete(key);
}

/** Run every pending job now, parked ones too (before printing, and in tests). */
export function flushChartJobs(): void {
  isFlushing = true;
  try {
    let job = takeFirst(queued) ?? takeFirst(parked);
    while (job) {
      runJob(job);
      job = takeFirst(queued) ?? takeFirst(parked);
    }
  } finally {
    isFlushing = false;
  }
}

/** True while flushChartJobs runs: charts drawn then must not animate (print takes the first frame). */
export function isFlushingChartJobs(): boolean {
  return isFlushing;
}

/** Jobs still pending (tests). */
export function pendingChartJobs(): number {
  return queued.size + parked.size;
}

/**
 * Whether chart work (and the dashboard's first render) is paced at all: in a browser, yes; where
 * there is no IntersectionObserver (jsdom) everything is done at once, during the React commit.
 */
export function isPacedEnvironment(): boolean {
  return typeof window !== 'undefined' && typeof IntersectionObserver !== 'undefined';
}

// Print (and PDF export) shows every chart with its latest data.
if (typeof window !== 'undefined') window.addEventListener('beforeprint', flushChartJobs);
