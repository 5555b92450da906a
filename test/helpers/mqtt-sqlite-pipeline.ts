import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/adapters/store-sqlite/index.js';
import { GatedReadings } from './memory-readings.js';
import { buildMqttPipeline, pressureSensor, type MqttPipeline } from './mqtt-pipeline.js';

/** The MQTT pipeline on a real SQLite store, with gates on its readings. */
export interface SqliteMqttPipeline extends MqttPipeline {
  readonly readings: GatedReadings;
  /** What the store holds for these sensors, oldest first. */
  stored(...ids: string[]): Promise<{ sensor: string; ts: number; value: number }[]>;
}

/**
 * A SQLite store in a temporary directory, opened once per test file (opening takes a while), and a
 * fresh pipeline over it for each test (its own sensors, counters and gates).
 */
export class SqliteTestStore {
  private constructor(readonly store: SqliteStore, private readonly dir: string) {}

  static async open(): Promise<SqliteTestStore> {
    const dir = mkdtempSync(join(tmpdir(), 'lifeline-mqtt-test-'));
    return new SqliteTestStore(await openSqliteStore({ path: join(dir, 'lifeline.db') }), dir);
  }

  async pipeline(sensorIds: readonly string[]): Promise<SqliteMqttPipeline> {
    const store = this.store;
    const sensors = await store.sensors.upsert(sensorIds.map((id) => pressureSensor(id)));
    const keys = new Map(sensors.map((s) => [s.id, s.key]));
    const readings = new GatedReadings(store.readings);
    const pipeline = buildMqttPipeline(readings, sensors);
    return {
      ...pipeline, readings,
      async stored(...ids) {
        const out = [];
        for (const sensor of ids) for (const r of await store.readings.range(keys.get(sensor)!, 0, Number.MAX_SAFE_INTEGER)) out.push({ sensor, ...r });
        return out.sort((a, b) => a.ts - b.ts);
      },
    };
  }

  async close(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
