import type { Case } from '../domain/index.js';

/** A forecast alarm's `sensor` names the sewer system it warns about: there is no sensor behind a forecast. */
export const FORECAST_SENSOR_PREFIX = 'forecast:';

/** The system an active forecast alarm of the case warns about, if the case is a forecast pre-warning. */
export function forecastSystemOf(c: Case): string | undefined {
  const alarm = c.alarms.find((a) => a.kind?.startsWith('forecast-') && a.sensor.startsWith(FORECAST_SENSOR_PREFIX));
  return alarm?.sensor.slice(FORECAST_SENSOR_PREFIX.length);
}

/** A pre-warning opened from a forecast carries its own impact (the forecast storm), not the generic one. */
export function isForecastCase(c: Case): boolean {
  return forecastSystemOf(c) !== undefined;
}
