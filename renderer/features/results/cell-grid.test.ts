import { describe, expect, it } from 'vitest';
import type { GroupUplift } from '../../../sim/index';
import { ALL, buildCellGrid, populationGrid } from './cell-grid';
import { populationSummaryFixture, runSummaryFixture, uplift } from './fixtures';

function cell(id: string, n: number, pp: number): GroupUplift {
  return {
    id,
    label: id,
    targetedTreatment: n * 0.9,
    targetedControl: n * 0.1,
    conversionUpliftPp: uplift(pp, 1, 0.9),
    newMoneyUpliftPerCustomerCny: uplift(pp * 1000, 1, 0.9),
  };
}

describe('buildCellGrid', () => {
  const cells = [
    cell('w10|young|salaried', 100, 1),
    cell('w2|young|salaried', 100, 2),
    cell('w2|young|self_employed', 300, 4),
    cell('w2|retired|salaried', 0, 9),
    cell('malformed', 10, 99),
  ];

  it('orders wealth levels naturally and keeps stage and occupation order', () => {
    const g = buildCellGrid(cells, 'conversion', ALL);
    expect(g.wealthLevels).toEqual(['w2', 'w10']);
    expect(g.lifeStages).toEqual(['young', 'retired']);
    expect(g.occupations).toEqual(['salaried', 'self_employed']);
  });

  it('pools occupations weighted by targeted customers, NaN where nobody was targeted', () => {
    const g = buildCellGrid(cells, 'conversion', ALL);
    expect(g.values[0][0]).toBeCloseTo((2 * 100 + 4 * 300) / 400, 12);
    expect(g.targeted[0][0]).toBeCloseTo(400, 9);
    expect(g.values[0][1]).toBeNaN();
    expect(g.values[1][0]).toBe(1);
  });

  it('filters to one occupation and switches metric', () => {
    const g = buildCellGrid(cells, 'newMoney', 'self_employed');
    expect(g.values[0][0]).toBe(4000);
    expect(g.values[1][0]).toBeNaN();
  });

  it('reads the 7 × 4 × 4 fixture grid', () => {
    const g = buildCellGrid(runSummaryFixture().strategies[0].byCell, 'conversion', 'salaried');
    expect([g.wealthLevels.length, g.lifeStages.length, g.occupations.length]).toEqual([7, 4, 4]);
    expect(g.values.flat().every(Number.isFinite)).toBe(true);
  });
});

describe('populationGrid', () => {
  const grid = {
    wealthLevels: ['w1', 'w2'],
    lifeStages: ['young'],
    occupations: ['salaried', 'self_employed'],
    counts: [[[10, 5]], [[3, 1]]],
  };
  it('sums occupations or picks one', () => {
    expect(populationGrid(grid, ALL)).toEqual([[15], [4]]);
    expect(populationGrid(grid, 'self_employed')).toEqual([[5], [1]]);
    expect(populationGrid(grid, 'unknown')).toEqual([[Number.NaN], [Number.NaN]]);
  });
  it('adds up to the fixture population size (within rounding)', () => {
    const pop = populationSummaryFixture();
    const total = populationGrid(pop.grid, ALL)
      .flat()
      .reduce((a, b) => a + b, 0);
    expect(Math.abs(total - pop.size) / pop.size).toBeLessThan(0.1);
  });
});
