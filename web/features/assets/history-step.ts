const HOUR = 3_600_000;

/** Raw readings when zoomed in, rollups when zoomed out, so a chart never asks for more than a few thousand points. */
export function stepFor(spanMs: number): string | null {
  if (spanMs <= 12 * HOUR) return null;
  if (spanMs <= 3 * 24 * HOUR) return '5m';
  if (spanMs <= 45 * 24 * HOUR) return '1h';
  return '1d';
}
