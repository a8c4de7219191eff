// A small SVG line chart (no chart library): enough for convergence traces.
export type Point = { x: number; y: number };

export type LineChartProps = {
  title: string;
  points: readonly Point[];
  formatY(y: number): string;
  xLabel: string;
  testId?: string;
  /** A dashed reference line (e.g. the final value). */
  reference?: number;
  width?: number;
  height?: number;
};

const PAD = { left: 56, right: 12, top: 12, bottom: 30 };

function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

export function LineChart({
  title,
  points,
  formatY,
  xLabel,
  testId,
  reference,
  width = 420,
  height = 180,
}: LineChartProps) {
  const finite = points.filter((p) => Number.isFinite(p.y));
  const ys = finite
    .map((p) => p.y)
    .concat(reference !== undefined && Number.isFinite(reference) ? [reference] : []);
  let lo = ys.length ? Math.min(...ys) : 0;
  let hi = ys.length ? Math.max(...ys) : 1;
  if (hi - lo < 1e-12) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const xMax = Math.max(1, ...finite.map((p) => p.x));
  const xMin = Math.min(xMax, ...finite.map((p) => p.x));
  const w = width - PAD.left - PAD.right;
  const h = height - PAD.top - PAD.bottom;
  const sx = (x: number) => PAD.left + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * w : w / 2);
  const sy = (y: number) => PAD.top + h - ((y - lo) / (hi - lo)) * h;
  const path = finite.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const yTicks = niceTicks(lo, hi, 4);
  const xTicks = niceTicks(xMin, xMax, 4).filter((x) => Number.isInteger(x));
  return (
    <figure className="linechart" data-testid={testId}>
      <figcaption className="linechart__title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} width="100%">
        {yTicks.map((y) => (
          <g key={`y${y}`}>
            <line className="linechart__grid" x1={PAD.left} x2={width - PAD.right} y1={sy(y)} y2={sy(y)} />
            <text className="linechart__tick" x={PAD.left - 6} y={sy(y) + 4} textAnchor="end">
              {formatY(y)}
            </text>
          </g>
        ))}
        {xTicks.map((x) => (
          <text key={`x${x}`} className="linechart__tick" x={sx(x)} y={height - 12} textAnchor="middle">
            {x}
          </text>
        ))}
        <text className="linechart__axis" x={width - PAD.right} y={height - 1} textAnchor="end">
          {xLabel}
        </text>
        {reference !== undefined && Number.isFinite(reference) ? (
          <line
            className="linechart__ref"
            x1={PAD.left}
            x2={width - PAD.right}
            y1={sy(reference)}
            y2={sy(reference)}
          />
        ) : null}
        <path className="linechart__line" d={path} />
      </svg>
    </figure>
  );
}
