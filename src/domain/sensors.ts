import type { Domain } from './domains.js';
import type { Quantity } from './quantities.js';

/** What an administrator set: whether a sensor is in service. */
export type SensorAdminState = 'active' | 'maintenance' | 'disabled';
/** What the API reports: the admin state, or for an active sensor whether it is reporting. */
export type SensorStatus = 'online' | 'offline' | 'maintenance' | 'disabled';

export const DEFAULT_INTERVAL_S = 60;
/** A sensor is offline when it has been silent for this many expected intervals. */
export const OFFLINE_AFTER_INTERVALS = 3;

/**
 * A device on an asset that measures one quantity (监测设备). `unit` is always the quantity's
 * canonical unit (readings are stored in it); `inputUnit` is what the device reports, converted at ingest.
 * `key` is a compact integer the store assigns, used to key readings.
 */
export interface Sensor {
  readonly id: string;
  readonly key: number;
  readonly asset: string;
  readonly domain: Domain;
  readonly quantity: Quantity;
  readonly unit: string;
  readonly inputUnit?: string;
  readonly name?: string;
  /** Expected seconds between readings. */
  readonly intervalS: number;
  readonly state: SensorAdminState;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface LastReading {
  readonly ts: number;
  readonly value: number;
}

/** Status is derived from the admin state and the time of the last reading, never stored. */
export function sensorStatus(sensor: Pick<Sensor, 'state' | 'intervalS'>, last: LastReading | undefined, now: number): SensorStatus {
  if (sensor.state !== 'active') return sensor.state;
  if (!last) return 'offline';
  return now - last.ts > OFFLINE_AFTER_INTERVALS * sensor.intervalS * 1000 ? 'offline' : 'online';
}
