import { describe, expect, it } from 'vitest';
import type { Sensor } from '../../domain/index.js';
import { SensorRegistry } from '../registry.js';
import { MAX_FUTURE_MS, isFieldError, validateReading } from './validate.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const sensor = (id: string, extra: Partial<Sensor> = {}): Sensor => ({
  id, key: id.length, asset: 'A', domain: 'gas', quantity: 'methane', unit: '%LEL', intervalS: 60, state: 'active', properties: {}, ...extra,
});
const registry = new SensorRegistry();
registry.put(sensor('S1'));
registry.put(sensor('KPA', { key: 9, quantity: 'pressure', unit: 'MPa', inputUnit: 'kPa', domain: 'water' }));
registry.put(sensor('OFF', { key: 10, state: 'disabled' }));
const ctx = { registry, now: NOW, oldest: 0 };

function reason(item: unknown, topic?: string): string {
  const r = validateReading(item, 0, ctx, topic);
  return isFieldError(r) ? `${r.field} ${r.code}` : 'ok';
}

describe('validateReading', () => {
  it('accepts a good reading and converts units', () => {
    const r = validateReading({ sensor: 'KPA', ts: NOW, value: 350 }, 0, ctx);
    expect(isFieldError(r) ? r : r.value).toBeCloseTo(0.35);
    expect(reason({ sensor: 'S1', ts: '2026-11-25T11:59:00Z', value: '12.5' })).toBe('ok');
  });
  it('names the field and the reason for each bad input', () => {
    expect(reason({ sensor: 'nope', ts: NOW, value: 1 })).toBe('[0].sensor unknown_sensor');
    expect(reason({ ts: NOW, value: 1 })).toBe('[0].sensor missing_sensor');
    expect(reason({ sensor: 'S1', ts: NOW, value: 'abc' })).toBe('[0].value not_numeric');
    expect(reason({ sensor: 'S1', ts: NOW, value: 'NaN' })).toBe('[0].value not_finite');
    expect(reason({ sensor: 'S1', ts: NOW, value: Infinity })).toBe('[0].value not_finite');
    expect(reason({ sensor: 'S1', ts: NOW, value: true })).toBe('[0].value not_numeric');
    expect(reason({ sensor: 'S1', ts: NOW })).toBe('[0].value missing_value');
    expect(reason({ sensor: 'S1', ts: NOW, value: 120 })).toBe('[0].value out_of_range');
    expect(reason({ sensor: 'S1', ts: NOW + MAX_FUTURE_MS + 1000, value: 1 })).toBe('[0].ts future_time');
    expect(reason({ sensor: 'S1', ts: 'soon', value: 1 })).toBe('[0].ts bad_time');
    expect(reason({ sensor: 'OFF', ts: NOW, value: 1 })).toBe('[0].sensor sensor_disabled');
    expect(reason([1, 2])).toBe('[0].item not_an_object');
    expect(reason(null)).toBe('[0].item not_an_object');
  });
  it('takes the sensor from the topic and accepts a bare number', () => {
    expect(reason(3.5, 'S1')).toBe('ok');
    expect(reason(3.5)).toBe('[0].item not_an_object');
    const r = validateReading(3.5, 0, ctx, 'S1');
    expect(isFieldError(r) ? 0 : r.ts).toBe(NOW);
  });
});
