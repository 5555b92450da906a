/**
 * One-step-ahead prediction by a robust damped Holt model (level + trend, Gardner & McKenzie 1985)
 * whose updates use Huber-clipped innovations (|r| ≤ 3σ), so an outlier cannot drag the level and a
 * step is followed gradually, keeping its innovations large long enough to be seen. σ is the mean
 * absolute innovation (clipped at 4σ) × 1.2533 (√(π/2): Gaussian σ from the mean absolute deviation).
 * State: 6 numbers.
 */
export class RobustHolt {
  level = Number.NaN;
  trend = 0;
  sigma = Number.NaN;
  n = 0;
  /** Innovation of the last reading, in σ. */
  z = 0;

  constructor(private readonly alpha = 0.3, private readonly beta = 0.02, private readonly phi = 0.9, private readonly clip = 3) {}

  predict(): number {
    return this.level + this.phi * this.trend;
  }

  update(x: number): number {
    if (this.level !== this.level) { this.level = x; this.n = 1; this.z = 0; return 0; }
    const pred = this.level + this.phi * this.trend;
    const r = x - pred;
    this.n++;
    if (this.sigma !== this.sigma) this.sigma = Math.abs(r) * 1.2533;
    // Floor: a series that has been flat so far still has a resolution (1e-4 of its level, or 1e-9).
    const floor = 1e-9 + 1e-4 * Math.abs(pred);
    const s = this.sigma > floor ? this.sigma : floor;
    this.z = r / s;
    const lim = this.clip * s;
    const rc = r > lim ? lim : r < -lim ? -lim : r;
    this.level = pred + this.alpha * rc;
    this.trend = this.phi * this.trend + this.beta * rc;
    const g = this.n < 200 ? 1 / this.n : 0.005;
    const a = Math.abs(r) * 1.2533;
    this.sigma += g * ((a < 4 * s ? a : 4 * s) - this.sigma);
    return this.z;
  }

  /** Forget the past level (after a confirmed change): predict from the reading just seen. */
  rebase(x: number): void {
    this.level = x;
    this.trend = 0;
  }
}
