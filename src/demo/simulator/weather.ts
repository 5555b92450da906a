import { smoothNoise, unitHash } from '../random.js';

/**
 * Weather for the simulated city, as pure functions of time. Hefei's climate normals (CMA
 * 1991–2020): January mean about 3 °C, July about 29 °C, annual mean about 16 °C; the diurnal range
 * is about 8 °C with the maximum mid-afternoon. Light rain happens in about one 3-hour window in ten.
 */
export interface Clock {
  readonly utcOffsetHours: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RAIN_STREAM = 0x7a11;
const WEATHER_STREAM = 0x3e47;

/** Local solar-ish hour of day, 0..24. */
export function localHour(ts: number, utcOffsetHours: number): number {
  return ((((ts / HOUR + utcOffsetHours) % 24) + 24) % 24);
}

/** Day of the year, 0..365, in local time. */
export function dayOfYear(ts: number, utcOffsetHours: number): number {
  const local = new Date(ts + utcOffsetHours * HOUR);
  return (local.getTime() - Date.UTC(local.getUTCFullYear(), 0, 1)) / DAY;
}

/** Seasonal daily-mean temperature, °C. */
export function seasonalMeanC(ts: number, utcOffsetHours: number): number {
  return 16.2 - 12.8 * Math.cos((2 * Math.PI * (dayOfYear(ts, utcOffsetHours) - 20)) / 365.25);
}

/** The diurnal swing around the daily mean, °C (warmest about 14:30). */
export function diurnalC(ts: number, utcOffsetHours: number): number {
  return 4 * Math.cos((2 * Math.PI * (localHour(ts, utcOffsetHours) - 14.5)) / 24);
}

/** Background rain (mm/h): occasional light showers, none heavier than about 10 mm/h. */
export function backgroundRain(seed: number, ts: number): number {
  const block = Math.floor(ts / (3 * HOUR));
  if (unitHash(seed, RAIN_STREAM, block) >= 0.1) return 0;
  const peak = 1 + 9 * unitHash(seed, RAIN_STREAM + 1, block);
  const phase = (ts - block * 3 * HOUR) / (3 * HOUR);
  return Math.max(0, peak * Math.sin(Math.PI * phase) * (0.85 + 0.15 * smoothNoise(seed, RAIN_STREAM + 2, ts, 300_000)));
}

/** Outdoor air temperature, °C, cooled by rain. */
export function outdoorC(seed: number, ts: number, utcOffsetHours: number, rainMmH: number): number {
  const drift = 2 * smoothNoise(seed, WEATHER_STREAM, ts, 6 * HOUR);
  return seasonalMeanC(ts, utcOffsetHours) + diurnalC(ts, utcOffsetHours) + drift - 3 * (1 - Math.exp(-rainMmH / 10));
}

/** Relative humidity, %: highest before dawn, near saturation in rain. */
export function humidityPct(seed: number, ts: number, utcOffsetHours: number, rainMmH: number): number {
  const rh = 74 - 2.5 * diurnalC(ts, utcOffsetHours) + 8 * smoothNoise(seed, WEATHER_STREAM + 1, ts, 4 * HOUR) + 22 * (1 - Math.exp(-rainMmH / 4));
  return Math.min(99, Math.max(25, rh));
}
