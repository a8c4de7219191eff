import { describe, expect, it } from 'vitest';
import { formatPath, getIn, isWithin, parsePath, setIn } from './doc-path';

describe('scenario paths', () => {
  it('round-trips the validator path format', () => {
    const p = 'strategies[1].journey.steps[2].channel';
    expect(parsePath(p)).toEqual(['strategies', 1, 'journey', 'steps', 2, 'channel']);
    expect(formatPath(parsePath(p))).toBe(p);
  });

  it('sets immutably and removes keys set to undefined', () => {
    const doc = { a: [{ b: 1 }, { b: 2 }], c: { d: 'x' } };
    const next = setIn(doc, 'a[1].b', 5) as typeof doc;
    expect(next.a[1].b).toBe(5);
    expect(doc.a[1].b).toBe(2);
    expect(next.c).toBe(doc.c);
    expect(getIn(setIn(doc, 'c.d', undefined), 'c')).toEqual({});
  });

  it('knows what lies within a prefix', () => {
    expect(isWithin('strategies[0].journey.steps[1]', 'strategies[0].journey')).toBe(true);
    expect(isWithin('strategies[10]', 'strategies[1]')).toBe(false);
    expect(isWithin('population.sizeX', 'population.size')).toBe(false);
  });
});
