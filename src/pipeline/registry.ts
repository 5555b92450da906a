import type { LastReading, Sensor, UnitConversion } from '../domain/index.js';
import { QUANTITIES, unitConversion } from '../domain/index.js';

/** What ingest needs per sensor, kept in memory: one small object per registered sensor. */
export interface SensorEntry {
  sensor: Sensor;
  /** Physical range in the canonical unit. */
  readonly min: number;
  readonly max: number;
  readonly conversion: UnitConversion;
  last: LastReading | undefined;
}

/**
 * The in-memory index of registered sensors, by id and by store key. It is the hot-path lookup
 * for ingest and holds each sensor's last reading (restored from the store at start).
 */
export class SensorRegistry {
  private readonly byId = new Map<string, SensorEntry>();
  private readonly byKey = new Map<number, SensorEntry>();

  get size(): number {
    return this.byId.size;
  }

  put(sensor: Sensor): SensorEntry {
    const info = QUANTITIES[sensor.quantity];
    const previous = this.byId.get(sensor.id);
    const entry: SensorEntry = {
      sensor,
      min: info.min,
      max: info.max,
      conversion: unitConversion(sensor.quantity, sensor.inputUnit) ?? { factor: 1 },
      last: previous?.last,
    };
    this.byId.set(sensor.id, entry);
    this.byKey.set(sensor.key, entry);
    return entry;
  }

  get(id: string): SensorEntry | undefined {
    return this.byId.get(id);
  }

  byStoreKey(key: number): SensorEntry | undefined {
    return this.byKey.get(key);
  }

  /** Record a reading as the last one if it is newer. */
  observe(entry: SensorEntry, ts: number, value: number): void {
    if (!entry.last || ts >= entry.last.ts) entry.last = { ts, value };
  }

  entries(): IterableIterator<SensorEntry> {
    return this.byId.values();
  }
}
