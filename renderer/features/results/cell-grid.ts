// The KYC grid behind byCell: ids look like "w3|family|salaried" (wealth level|life stage|occupation).
import { bothLanguages, type GroupUplift, type PopulationSummary } from '../../../sim/index';

export type CellMetric = 'conversion' | 'newMoney';
export const ALL = 'all';

export type CellGrid = {
  wealthLevels: string[];
  lifeStages: string[];
  occupations: string[];
  /** values[wealth][lifeStage]: mean uplift, NaN for cells without targeted customers. */
  values: number[][];
  /** targeted[wealth][lifeStage]: targeted customers (both arms) per replication. */
  targeted: number[][];
};

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Uplift by wealth level × life stage for one occupation, or for all occupations together as the
 * mean weighted by targeted customers (arms split alike in every cell, so this is the pooled uplift).
 */
export function buildCellGrid(
  cells: readonly GroupUplift[],
  metric: CellMetric,
  occupation: string,
): CellGrid {
  const parsed = cells.map((c) => ({ cell: c, parts: c.id.split('|') })).filter((p) => p.parts.length === 3);
  const wealthLevels = uniqueInOrder(parsed.map((p) => p.parts[0])).sort(naturalOrder);
  const lifeStages = uniqueInOrder(parsed.map((p) => p.parts[1]));
  const occupations = uniqueInOrder(parsed.map((p) => p.parts[2]));
  const sum = wealthLevels.map(() => lifeStages.map(() => 0));
  const weight = wealthLevels.map(() => lifeStages.map(() => 0));
  for (const { cell, parts } of parsed) {
    if (occupation !== ALL && parts[2] !== occupation) continue;
    const n = cell.targetedTreatment + cell.targetedControl;
    const v = metric === 'conversion' ? cell.conversionUpliftPp.mean : cell.newMoneyUpliftPerCustomerCny.mean;
    if (!(n > 0) || !Number.isFinite(v)) continue;
    const w = wealthLevels.indexOf(parts[0]);
    const l = lifeStages.indexOf(parts[1]);
    sum[w][l] += v * n;
    weight[w][l] += n;
  }
  return {
    wealthLevels,
    lifeStages,
    occupations,
    values: sum.map((row, w) => row.map((s, l) => (weight[w][l] > 0 ? s / weight[w][l] : Number.NaN))),
    targeted: weight,
  };
}

/** Customers by wealth level × life stage for one occupation, or summed over all occupations. */
export function populationGrid(grid: PopulationSummary['grid'], occupation: string): number[][] {
  const o = grid.occupations.map(bothLanguages).indexOf(occupation);
  return grid.counts.map((byStage) =>
    byStage.map((byOcc) =>
      occupation === ALL ? byOcc.reduce((a, b) => a + b, 0) : (byOcc[o] ?? Number.NaN),
    ),
  );
}
