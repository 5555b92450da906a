/** Times in milliseconds, for readable time constants. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/**
 * Exponential smoothing weight for a step of `dtMs` with time constant `tauMs`:
 * α = 1 − e^(−Δt/τ), so irregular sampling weighs each reading by the time it stands for.
 * Caches the last Δt because sensors mostly report at a fixed interval (Math.exp is the cost).
 */
export class Smoother {
  private lastDt = -1;
  private a = 0;
  constructor(private tauMs: number) {}
  alpha(dtMs: number): number {
    if (dtMs !== this.lastDt) {
      this.lastDt = dtMs;
      this.a = 1 - Math.exp(-dtMs / this.tauMs);
    }
    return this.a;
  }
  setTau(tauMs: number): void {
    if (tauMs !== this.tauMs) { this.tauMs = tauMs; this.lastDt = -1; }
  }
  get tau(): number {
    return this.tauMs;
  }
}
