import type { Domain, Quantity, Sensor, SensorAdminState } from '../../domain/index.js';

/** A sensor as stored: `key` is the integer primary key that readings are keyed by. */
export interface SensorRow {
  key: number;
  id: string;
  asset: string;
  domain: string;
  quantity: string;
  unit: string;
  input_unit: string | null;
  name: string | null;
  interval_s: number;
  state: string;
  properties: string;
}

export function sensorToRow(sensor: Omit<Sensor, 'key'>, key: number): SensorRow {
  return {
    key,
    id: sensor.id,
    asset: sensor.asset,
    domain: sensor.domain,
    quantity: sensor.quantity,
    unit: sensor.unit,
    input_unit: sensor.inputUnit ?? null,
    name: sensor.name ?? null,
    interval_s: sensor.intervalS,
    state: sensor.state,
    properties: JSON.stringify(sensor.properties ?? {}),
  };
}

export function rowToSensor(row: SensorRow): Sensor {
  return {
    id: row.id,
    key: row.key,
    asset: row.asset,
    domain: row.domain as Domain,
    quantity: row.quantity as Quantity,
    unit: row.unit,
    ...(row.input_unit !== null ? { inputUnit: row.input_unit } : {}),
    ...(row.name !== null ? { name: row.name } : {}),
    intervalS: row.interval_s,
    state: row.state as SensorAdminState,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
  };
}
