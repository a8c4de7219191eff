// Runtime: Node (CLI). A progress bar with ETA and replications per second on stderr; on a
// non-terminal it prints a line at each quarter instead of redrawing.
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastQuarter = -1;
  private readonly isTty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
  ) {}

  update(done: number): void {
    const now = performance.now();
    const elapsed = (now - this.started) / 1000;
    const rate = done / Math.max(elapsed, 1e-9);
    const eta = done > 0 ? (this.total - done) / rate : Number.NaN;
    if (!this.isTty) {
      const quarter = Math.floor((4 * done) / this.total);
      if (quarter > this.lastQuarter && quarter < 4) {
        this.lastQuarter = quarter;
        this.write(`progress: ${done}/${this.total} replications, ${rate.toFixed(1)}/s, ETA ${fmt(eta)}\n`);
      }
      return;
    }
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((width * done) / this.total);
    this.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}  ${rate.toFixed(1)} rep/s  ETA ${fmt(eta)}   `,
    );
  }

  finish(): void {
    const elapsed = (performance.now() - this.started) / 1000;
    this.write(
      `${this.isTty ? '\r' : ''}done: ${this.total} replications in ${elapsed.toFixed(1)} s${' '.repeat(30)}\n`,
    );
  }
}

function fmt(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${seconds.toFixed(0)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
