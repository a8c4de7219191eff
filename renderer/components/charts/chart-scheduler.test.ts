// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cancelChartJob,
  flushChartJobs,
  isFlushingChartJobs,
  pendingChartJobs,
  scheduleChartJob,
  setChartOnScreen,
} from './chart-scheduler';

afterEach(() => flushChartJobs());

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('chart scheduler', () => {
  it('runs an on-screen chart job in a later task, once, with the latest job', async () => {
    const key = {};
    const first = vi.fn();
    const latest = vi.fn();
    scheduleChartJob(key, first, true);
    scheduleChartJob(key, latest, true);
    expect(latest).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(latest).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
    expect(pendingChartJobs()).toBe(0);
  });

  it('runs slow jobs one per task, in the order they were queued', async () => {
    // Microtasks run when a task ends: a job's microtask comes before the next job only if that
    // job runs in a task of its own.
    const order: string[] = [];
    const slow = (name: string) => () => {
      order.push(name);
      queueMicrotask(() => order.push(`end ${name}`));
      const until = performance.now() + 12;
      while (performance.now() < until) {
        // a chart taking longer than the task budget
      }
    };
    scheduleChartJob({}, slow('a'), true);
    scheduleChartJob({}, slow('b'), true);
    scheduleChartJob({}, slow('c'), true);
    await vi.waitFor(() => expect(order).toHaveLength(6));
    expect(order).toEqual(['a', 'end a', 'b', 'end b', 'c', 'end c']);
  });

  it('runs quick jobs together, within one task', async () => {
    const order: string[] = [];
    const quick = (name: string) => () => {
      order.push(name);
      queueMicrotask(() => order.push(`end ${name}`));
    };
    scheduleChartJob({}, quick('a'), true);
    scheduleChartJob({}, quick('b'), true);
    await vi.waitFor(() => expect(order).toHaveLength(4));
    expect(order).toEqual(['a', 'b', 'end a', 'end b']);
  });

  it('parks jobs of charts off screen until they come on screen', async () => {
    const key = {};
    const job = vi.fn();
    scheduleChartJob(key, job, false);
    await tick();
    expect(job).not.toHaveBeenCalled();
    setChartOnScreen(key, true);
    await vi.waitFor(() => expect(job).toHaveBeenCalledTimes(1));
  });

  it('moves a queued job back to the parked ones when its chart leaves the screen', async () => {
    const key = {};
    const job = vi.fn();
    scheduleChartJob(key, job, true);
    setChartOnScreen(key, false);
    await tick();
    expect(job).not.toHaveBeenCalled();
    expect(pendingChartJobs()).toBe(1);
  });

  it('cancels a job', async () => {
    const key = {};
    const job = vi.fn();
    scheduleChartJob(key, job, true);
    cancelChartJob(key);
    await tick();
    expect(job).not.toHaveBeenCalled();
    expect(pendingChartJobs()).toBe(0);
  });

  it('flushes every job at once, parked ones too, and says so while it does (print)', () => {
    const seen: boolean[] = [];
    scheduleChartJob({}, () => seen.push(isFlushingChartJobs()), false);
    scheduleChartJob({}, () => seen.push(isFlushingChartJobs()), true);
    window.dispatchEvent(new Event('beforeprint'));
    expect(seen).toEqual([true, true]);
    expect(isFlushingChartJobs()).toBe(false);
    expect(pendingChartJobs()).toBe(0);
  });

  it('keeps going when a job throws, and reports the error', async () => {
    const report = vi.fn();
    vi.stubGlobal('reportError', report);
    const after = vi.fn();
    try {
      scheduleChartJob(
        {},
        () => {
          throw new Error('broken chart');
        },
        true,
      );
      scheduleChartJob({}, after, true);
      await vi.waitFor(() => expect(after).toHaveBeenCalled());
      expect(report).toHaveBeenCalledWith(new Error('broken chart'));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
