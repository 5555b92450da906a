import type { FieldError, ReadingRejection } from '../../domain/index.js';
import { READING_REJECTIONS, parseTime } from '../../domain/index.js';
import type { SensorEntry, SensorRegistry } from '../registry.js';

/** How far ahead of the clock a reading's time may be. */
export const MAX_FUTURE_MS = 5 * 60_000;

export interface ValidReading {
  readonly entry: SensorEntry;
  readonly ts: number;
  /** In the quantity's canonical unit. */
  readonly value: number;
}

export interface ValidationContext {
  readonly registry: SensorRegistry;
  readonly now: number;
  /** Readings older than this are refused (retention); 0 accepts any age. */
  readonly oldest: number;
}

const reject = (index: number | string, field: string, code: ReadingRejection, extra?: string): FieldError => ({
  field: typeof index === 'number' ? `[${index}].${field}` : field,
  code,
  reason: extra ? `${READING_REJECTIONS[code]}: ${extra}` : READING_REJECTIONS[code],
});

/**
 * Check one item `{sensor, ts, value}` (or a bare value when the sensor is known from the topic)
 * and convert its value to the canonical unit. Returns the reading or the reason it is refused.
 */
export function validateReading(item: unknown, index: number | string, ctx: ValidationContext, topicSensor?: string): ValidReading | FieldError {
  let sensorId: unknown = topicSensor;
  let rawTs: unknown;
  let rawValue: unknown;
  if (typeof item === 'number' || typeof item === 'string') {
    if (topicSensor === undefined) return reject(index, 'item', 'not_an_object');
    rawValue = item;
  } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    if (topicSensor === undefined) sensorId = o.sensor;
    rawTs = o.ts ?? o.time ?? o.timestamp;
    rawValue = o.value;
  } else {
    return reject(index, 'item', 'not_an_object');
  }

  if (typeof sensorId !== 'string' || sensorId === '') return reject(index, 'sensor', 'missing_sensor');
  const entry = ctx.registry.get(sensorId);
  if (!entry) return reject(index, 'sensor', 'unknown_sensor', sensorId.slice(0, 100));
  if (entry.sensor.state === 'disabled') return reject(index, 'sensor', 'sensor_disabled', sensorId);

  let ts: number;
  if (rawTs === undefined || rawTs === null) {
    ts = ctx.now;
  } else {
    const t = parseTime(rawTs);
    if (!t.ok) return reject(index, 'ts', 'bad_time', t.reason);
    ts = t.ts;
    if (ts > ctx.now + MAX_FUTURE_MS) return reject(index, 'ts', 'future_time');
    if (ts < ctx.oldest) return reject(index, 'ts', 'too_old');
  }

  if (rawValue === undefined || rawValue === null) return reject(index, 'value', 'missing_value');
  let value: number;
  if (typeof rawValue === 'number') value = rawValue;
  else if (typeof rawValue === 'string' && rawValue.trim() !== '' && /^[\s+\-0-9.eE]+$|^[+-]?(Infinity|NaN)$/.test(rawValue.trim())) value = Number(rawValue);
  else return reject(index, 'value', 'not_numeric');
  if (!Number.isFinite(value)) return reject(index, 'value', 'not_finite');
  const c = entry.conversion;
  // 12 significant digits drop the binary noise of the conversion (3.5 bar is 0.35 MPa, not 0.35000000000000003).
  if (c.factor !== 1 || c.offset) value = Number((value * c.factor + (c.offset ?? 0)).toPrecision(12));
  if (value < entry.min || value > entry.max) {
    return reject(index, 'value', 'out_of_range', `${value} not in [${entry.min}, ${entry.max}] ${entry.sensor.unit}`);
  }
  return { entry, ts, value };
}

export function isFieldError(r: ValidReading | FieldError): r is FieldError {
  return (r as FieldError).reason !== undefined;
}
