/**
 * One-step-ahead prediction by a robust damped Holt model (level + trend, Gardner & McKenzie 1985)
 * whose updates use Huber-clipped innovations (|r| ≤ `clip`·σ), so an outlier cannot drag the level
 * and a step is followed gradually, keeping its innovations large long enough to be seen. σ is the
 * mean absolute innovation (clipped at 4σ) × 1.2533 (√(π/2): Gaussian σ from the mean absolute
 * deviation), with a floor of 1e-4 of the level so a flat series still has a resolution.
 * State: 5 numbers (the smoothing constants are shared).
 */
export interface HoltConstants { readonly alpha: number; readonly beta: number; readonly phi: number; readonly clip: number }
export const HOLT_DEFAULT: HoltConstants = Object.freeze({ alpha: 0.3, beta: 0.02, phi: 0.9, clip: 3 });
export const HOLT_STEADY: HoltConstants = Object.freeze({ alpha: 0.2, beta: 0.02, phi: 0.9, clip: 3 });

export class RobustHolt {
  level = Number.NaN;
  trend = 0;
  sigma = Number.NaN;
  n = 0;
  /** Innovation of the last reading, in σ. */
  z = 0;

  constructor(private readonly k: HoltConstants = HOLT_DEFAULT) {}

  predict(): number {
    return this.level + this.k.phi * this.trend;
  }

  update(x: number): number {
    if (this.level !== this.level) { this.level = x; this.n = 1; this.z = 0; return 0; }
    const { alpha, beta, phi, clip } = this.k;
    const pred = this.level + phi * this.trend;
    const r = x - pred;
    this.n++;
    if (this.sigma !== this.sigma) this.sigma = Math.abs(r) * 1.2533;
    const floor = 1e-9 + 1e-4 * Math.abs(pred);
    const s = this.sigma > floor ? this.sigma : floor;
    this.z = r / s;
    const lim = clip * s;
    const rc = r > lim ? lim : r < -lim ? -lim : r;
    this.level = pred + alpha * rc;
    this.trend = phi * this.trend + beta * rc;
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

  stateBytes(): number {
    return 40 + 5 * 16;
  }
}
