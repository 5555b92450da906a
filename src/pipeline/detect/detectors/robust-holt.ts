/**
 * One-step-ahead prediction by a robust damped Holt model (level + trend, Gardner & McKenzie 1985)
 * whose updates use Huber-clipped innovations (|r| ≤ `clip`·σ), so an outlier cannot drag the level
 * and a step is followed gradually, keeping its innovations large long enough to be seen. σ is the
 * mean absolute innovation (clipped at 4σ) × 1.2533 (√(π/2): Gaussian σ from the mean absolute
 * deviation), with a floor of 1e-4 of the level so a flat series still has a resolution.
 * State: 4 float64 (level, trend, σ, readings seen) kept in the owner's run
 * (`HOLT_SIZE` numbers at `at`), so a model costs no object of its own; the constants are shared.
 */
export interface HoltConstants { readonly alpha: number; readonly beta: number; readonly phi: number; readonly clip: number }
export const HOLT_DEFAULT: HoltConstants = Object.freeze({ alpha: 0.3, beta: 0.02, phi: 0.9, clip: 3 });
export const HOLT_STEADY: HoltConstants = Object.freeze({ alpha: 0.2, beta: 0.02, phi: 0.9, clip: 3 });

/** Where each number sits in the model's numbers. */
const LEVEL = 0, TREND = 1, SIGMA = 2, N = 3;
export const HOLT_SIZE = 4;

/** A fresh model at `s[at…]` (no level yet). */
export function holtInit(s: Float64Array, at: number): void {
  s[at + LEVEL] = Number.NaN;
  s[at + TREND] = 0;
  s[at + SIGMA] = Number.NaN;
  s[at + N] = 0;
}

export function holtSigma(s: Float64Array, at: number): number {
  return s[at + SIGMA]!;
}

export function holtTrend(s: Float64Array, at: number): number {
  return s[at + TREND]!;
}

export function holtPredict(s: Float64Array, at: number, k: HoltConstants): number {
  return s[at + LEVEL]! + k.phi * s[at + TREND]!;
}

/** Learn x; returns its innovation in σ (0 for the first reading). */
export function holtUpdate(s: Float64Array, at: number, k: HoltConstants, x: number): number {
  const level = s[at + LEVEL]!;
  if (level !== level) { s[at + LEVEL] = x; s[at + N] = 1; return 0; }
  const { alpha, beta, phi, clip } = k;
  const trend = s[at + TREND]!;
  const pred = level + phi * trend;
  const r = x - pred;
  const n = s[at + N]! + 1;
  s[at + N] = n;
  let sigma = s[at + SIGMA]!;
  if (sigma !== sigma) sigma = Math.abs(r) * 1.2533;
  const floor = 1e-9 + 1e-4 * Math.abs(pred);
  const sc = sigma > floor ? sigma : floor;
  const z = r / sc;
  const lim = clip * sc;
  const rc = r > lim ? lim : r < -lim ? -lim : r;
  s[at + LEVEL] = pred + alpha * rc;
  s[at + TREND] = phi * trend + beta * rc;
  const g = n < 200 ? 1 / n : 0.005;
  const a = Math.abs(r) * 1.2533;
  s[at + SIGMA] = sigma + g * ((a < 4 * sc ? a : 4 * sc) - sigma);
  return z;
}

/** Forget the past level (after a confirmed change): predict from the reading just seen. */
export function holtRebase(s: Float64Array, at: number, x: number): void {
  s[at + LEVEL] = x;
  s[at + TREND] = 0;
}
