/**
 * The lower (or upper) envelope of the last n readings: the quasi-static part of a signal whose
 * disturbances go one way only. A bridge gauge's live load only adds tension, so the minimum of a
 * few minutes is the structure's own (thermal, permanent) strain.
 * The window lives in its owner's float64 run, so it costs no object of its own: at `at`, the
 * readings pushed so far (up to n) and where the next goes, then the ring of the last n readings.
 * State: n + 2 float64.
 */

/** The window length for a configured number of readings. */
export function envelopeLength(n: number): number {
  return Math.max(1, Math.floor(n));
}

/** Numbers the owner reserves in its run for a window of n readings. */
export function envelopeSize(n: number): number {
  return 2 + envelopeLength(n);
}

/** Push x into the window at `f64[at…]`; the envelope after x, or NaN until the window is full. */
export function envelopePush(f64: Float64Array, at: number, n: number, lower: boolean, x: number): number {
  const len = envelopeLength(n);
  const next = f64[at + 1]! | 0;
  f64[at + 2 + next] = x;
  f64[at + 1] = next + 1 < len ? next + 1 : 0;
  const filled = f64[at]!;
  if (filled < len) {
    f64[at] = filled + 1;
    if (filled + 1 < len) return Number.NaN;
  }
  const w = at + 2;
  let v = f64[w]!;
  if (lower) { for (let i = 1; i < len; i++) if (f64[w + i]! < v) v = f64[w + i]!; }
  else for (let i = 1; i < len; i++) if (f64[w + i]! > v) v = f64[w + i]!;
  return v;
}
