import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar } from './progress';

afterEach(() => vi.restoreAllMocks());

describe('CLI progress (non-terminal lines)', () => {
  it('counts the rate from the first finished replication, so start-up does not inflate the ETA', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const lines: string[] = [];
    const bar = new ProgressBar(400, (s) => lines.push(s.trim()));
    now = 5000; // five seconds of start-up before the first replication
    bar.update(1);
    now = 6000;
    bar.update(101); // 100 replications in the second since
    expect(lines).toEqual([
      'progress: 1/400 replications, --/s, ETA --',
      'progress: 101/400 replications, 100.0/s, ETA 3s',
    ]);
  });
});
