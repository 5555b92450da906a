/**
 * Hourly demand multipliers (local time, mean 1), shared by the network models and the simulator.
 */
function normalise(values: readonly number[]): readonly number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => Math.round((v / mean) * 1000) / 1000);
}

/**
 * Residential water demand: morning peak 07–09, evening peak 18–21, night minimum around 03:00.
 * The peak hour is about 1.43 × average, inside the 1.2–1.6 hourly variation factor (时变化系数 Kh)
 * of GB 50013-2018 §4.0.9.
 */
export const WATER_DEMAND_PATTERN = normalise([
  0.60, 0.52, 0.48, 0.46, 0.50, 0.66, 0.98, 1.30, 1.38, 1.22, 1.12, 1.16,
  1.20, 1.06, 0.98, 0.96, 1.02, 1.16, 1.32, 1.42, 1.36, 1.20, 0.98, 0.76,
]);

/** Residential gas use: cooking peaks at breakfast, lunch and, highest, dinner. */
export const GAS_DEMAND_PATTERN = normalise([
  0.35, 0.30, 0.28, 0.28, 0.32, 0.55, 1.10, 1.45, 1.20, 0.95, 1.15, 1.75,
  1.60, 1.00, 0.85, 0.85, 1.10, 1.70, 1.85, 1.35, 1.00, 0.85, 0.60, 0.45,
]);

/** Distribution-feeder load: low at night, a late-morning plateau and the evening peak. */
export const POWER_LOAD_PATTERN = normalise([
  0.62, 0.57, 0.54, 0.53, 0.54, 0.60, 0.72, 0.86, 0.97, 1.04, 1.09, 1.12,
  1.06, 1.03, 1.06, 1.08, 1.10, 1.16, 1.24, 1.28, 1.24, 1.12, 0.92, 0.74,
]);

/** Road traffic (vehicles): commuter peaks at 08 and 18, quiet after midnight. */
export const TRAFFIC_PATTERN = normalise([
  0.18, 0.12, 0.10, 0.10, 0.14, 0.35, 0.85, 1.55, 1.70, 1.30, 1.15, 1.15,
  1.10, 1.10, 1.15, 1.25, 1.45, 1.75, 1.70, 1.30, 1.00, 0.80, 0.55, 0.32,
]);

/** The pattern's value at a fractional local hour, linearly interpolated (wraps at midnight). */
export function patternAt(pattern: readonly number[], hour: number): number {
  const h = ((hour % 24) + 24) % 24;
  const i = Math.floor(h);
  const f = h - i;
  const a = pattern[i % pattern.length]!;
  const b = pattern[(i + 1) % pattern.length]!;
  return a + (b - a) * f;
}
