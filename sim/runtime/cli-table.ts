// Runtime: Node (CLI). Plain-text tables and numbers for the sensitivity and optimizer commands.

/** A number as people read it: grouped from 1,000 up, else 4 significant digits; n/a when not finite. */
export const fmt = (x: number) =>
  !Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : x.toPrecision(4);

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
