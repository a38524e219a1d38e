/** A one-line progress bar on stderr (events/s and ETA), redrawn at most ten times a second. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const ratio = this.total > 0 ? Math.min(done / this.total, 1) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const eta = rate > 0 ? Math.max(this.total - done, 0) / rate : 0;
    const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} events  ${Math.round(rate)} events/s  ETA ${eta.toFixed(1)} s`;
    this.out.write(this.out.isTTY ? `\r${line}` : `${line}\n`);
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.out.isTTY) this.out.write('\n');
  }
}
