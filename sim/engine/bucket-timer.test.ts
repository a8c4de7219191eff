import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bucketTimer } from './bucket-timer';
import { prepareModel } from './model';
import { mustLoad } from './test-scenarios';

const w1 = mustLoad(
  JSON.parse(
    readFileSync(new URL('../../scenarios/omnichannel-referral-pilot.json', import.meta.url), 'utf8'),
  ),
);

describe('bucketTimer', () => {
  it('runs the same bucket from the same state each time (what it writes is restored)', () => {
    const model = prepareModel(w1, 'bucket-test');
    const timer = bucketTimer(model, 'payday_wmp', undefined, 3, 50, 1);
    expect(timer.entries).toBeGreaterThanOrEqual(1000);
    const before = timer.rec.slice();
    let ticks = 0;
    timer.runOnce(() => ticks++);
    const first = timer.rec.slice();
    timer.runOnce(() => ticks++);
    // The bucket books its attempts (the record changes), and a second run from the restored
    // state books the same: were the workspace not restored, its customers would be in their
    // journeys already and the counts would differ.
    expect(first).not.toEqual(before);
    expect(timer.rec).toEqual(first);
    expect(ticks).toBe(4);
  });

  it('says which strategy or week it cannot time', () => {
    const model = prepareModel(w1, 'bucket-test');
    expect(() => bucketTimer(model, 'nope', undefined, 3, 50, 0)).toThrow(/no strategy "nope"/);
    expect(() => bucketTimer(model, 'payday_wmp', 99, 3, 50, 0)).toThrow(/past the horizon/);
  });
});
