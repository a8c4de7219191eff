// Runtime: Node (CLI). A progress bar with ETA and replications per second on stderr; on a
// non-terminal it prints a line at each quarter instead of redrawing. The rate (and so the ETA)
// counts from the first finished replication: start-up (bundling the worker, building the
// population) is not replication time, and would make the first ETA minutes too long.
export class ProgressBar {
  private readonly started = performance.now();
  private first: { at: number; done: number } | null = null;
  private lastDraw = 0;
  private lastQuarter = -1;
  private readonly isTty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
  ) {}

  update(done: number): void {
    const now = performance.now();
    if (this.first === null && done > 0) this.first = { at: now, done };
    const span = this.first ? (now - this.first.at) / 1000 : 0;
    const rate =
      this.first && span > 0.2 && done > this.first.done ? (done - this.first.done) / span : Number.NaN;
    const eta = (this.total - done) / rate;
    const rateText = Number.isFinite(rate) ? rate.toFixed(1) : '--';
    if (!this.isTty) {
      const quarter = Math.floor((4 * done) / this.total);
      if (quarter > this.lastQuarter && quarter < 4) {
        this.lastQuarter = quarter;
        this.write(`progress: ${done}/${this.total} replications, ${rateText}/s, ETA ${fmt(eta)}\n`);
      }
      return;
    }
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((width * done) / this.total);
    this.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}  ${rateText} rep/s  ETA ${fmt(eta)}   `,
    );
  }

  /** `done`: the replications actually run when fewer than the total (a bound) were needed. */
  finish(done = this.total): void {
    const elapsed = (performance.now() - this.started) / 1000;
    this.write(
      `${this.isTty ? '\r' : ''}done: ${done} replications in ${elapsed.toFixed(1)} s${' '.repeat(30)}\n`,
    );
  }
}

function fmt(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${seconds.toFixed(0)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
