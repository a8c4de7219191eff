import { describe, expect, it } from 'vitest';
import { binSamples, defaultBinCount } from './histogram-bins';
import { REPEAT_SUFFIX, sankeyColumns, toSankeyGraph } from './sankey-data';
import { tooltipLines } from './tooltip-html';

describe('binSamples', () => {
  it('puts every finite value in exactly one equal-width bin', () => {
    const bins = binSamples([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, Number.NaN], 5);
    expect(bins).toHaveLength(5);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(10);
    expect(bins[0]).toEqual({ x0: 0, x1: 2, count: 2 });
    expect(bins[4]).toEqual({ x0: 8, x1: 10, count: 2 });
  });

  it('handles no data and a single repeated value', () => {
    expect(binSamples([])).toEqual([]);
    expect(binSamples([Number.NaN])).toEqual([]);
    const one = binSamples([2]);
    expect(one).toHaveLength(1);
    expect(one[0].count).toBe(1);
    expect(one[0].x0).toBeLessThan(2);
    expect(one[0].x1).toBeGreaterThan(2);
    expect(binSamples([0, 0])[0]).toEqual({ x0: -0.5, x1: 0.5, count: 2 });
  });

  it('chooses a readable default bin count', () => {
    expect(defaultBinCount(1)).toBe(5);
    expect(defaultBinCount(400)).toBe(20);
    expect(defaultBinCount(100_000)).toBe(40);
  });
});

describe('toSankeyGraph', () => {
  it('splits a return path into a repeat node so the graph stays acyclic', () => {
    const g = toSankeyGraph([
      { from: 'start', to: 'push', kind: 'start', count: 100 },
      { from: 'push', to: 'ai_call', kind: 'no_contact', count: 60 },
      { from: 'ai_call', to: 'wm', kind: 'referral', count: 20 },
      { from: 'wm', to: 'push', kind: 'return', count: 8 },
      { from: 'push', to: 'converted', kind: 'converted', count: 5 },
      { from: 'push', to: 'converted', kind: 'converted', count: 5 },
      { from: 'wm', to: 'end', kind: 'end', count: 0 },
    ]);
    const ret = g.links.find((l) => l.kind === 'return')!;
    expect(ret.target).toBe('push' + REPEAT_SUFFIX);
    expect(g.nodes.find((n) => n.id === ret.target)).toEqual({
      id: ret.target,
      baseId: 'push',
      isRepeat: true,
    });
    expect(g.links.filter((l) => l.target === 'converted')).toEqual([
      { source: 'push', target: 'converted', kind: 'converted', value: 10 },
    ]);
    expect(g.nodes.some((n) => n.id === 'end')).toBe(false);
  });

  it('splits self loops', () => {
    const g = toSankeyGraph([{ from: 'push', to: 'push', kind: 'return', count: 3 }]);
    expect(g.links[0].target).toBe('push' + REPEAT_SUFFIX);
  });
});

describe('tooltipLines', () => {
  it('escapes scenario-provided labels and drops empty lines', () => {
    expect(tooltipLines('<img src=x onerror=alert(1)>', undefined, '', 'A & B')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<br/>A &amp; B',
    );
  });
});

describe('sankeyColumns', () => {
  it('puts a node at its longest path from a source, and every sink in the last column', () => {
    const g = toSankeyGraph([
      { from: 'targeted', to: 'push', kind: 'start', count: 10 },
      { from: 'push', to: 'ai', kind: 'no_contact', count: 6 },
      { from: 'ai', to: 'wm', kind: 'referral', count: 2 },
      { from: 'push', to: 'wm', kind: 'referral', count: 1 },
      { from: 'push', to: 'converted', kind: 'converted', count: 1 },
      { from: 'wm', to: 'converted', kind: 'converted', count: 1 },
    ]);
    const { column, columns } = sankeyColumns(g);
    expect(columns).toBe(5);
    expect(Object.fromEntries(column)).toEqual({ targeted: 0, push: 1, ai: 2, wm: 3, converted: 4 });
  });

  it('gives a lone node one column', () => {
    expect(sankeyColumns({ nodes: [], links: [] }).columns).toBe(1);
  });
});
