/** A progress bar on stderr when it is a terminal; a line every few seconds otherwise. */
export class Progress {
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly label: string, private readonly total: number, private readonly now: () => number = () => performance.now()) {}

  update(done: number, note = ''): void {
    const t = this.now();
    if (t - this.lastDraw < (this.tty ? 100 : 5000)) return;
    this.lastDraw = t;
    this.draw(done, note);
  }

  finish(done: number, note = ''): void {
    this.draw(done, note);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(done: number, note: string): void {
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const width = 30;
    const filled = Math.round(frac * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`;
    const line = `${this.label} ${bar} ${note}`;
    process.stderr.write(this.tty ? `\r${line.padEnd(100)}` : `${line}\n`);
  }
}
