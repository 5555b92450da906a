import type { Sensor } from '../domain/index.js';
import { sensorStatus, toIso } from '../domain/index.js';
import type { SensorRegistry } from '../pipeline/registry.js';

/** A sensor as the API answers it (contract: id, asset, domain, quantity, unit, status, last). */
export function sensorToWire(sensor: Sensor, registry: SensorRegistry, now: number): Record<string, unknown> {
  const last = registry.get(sensor.id)?.last;
  return {
    id: sensor.id,
    asset: sensor.asset,
    domain: sensor.domain,
    quantity: sensor.quantity,
    unit: sensor.unit,
    ...(sensor.inputUnit ? { inputUnit: sensor.inputUnit } : {}),
    ...(sensor.name !== undefined ? { name: sensor.name } : {}),
    intervalS: sensor.intervalS,
    state: sensor.state,
    status: sensorStatus(sensor, last, now),
    last: last ? { ts: toIso(last.ts), value: last.value } : null,
    properties: sensor.properties,
  };
}
