import type { Asset, Sensor } from '../../../domain/index.js';
import { validationError } from '../../../domain/index.js';
import type { NewSensor } from '../../../ports/index.js';
import { assetToRow } from '../asset-rows.js';
import type { Connection, Statement } from '../connection.js';
import { rowToSensor, sensorToRow } from '../sensor-rows.js';
import type { SensorRow } from '../sensor-rows.js';

const MAX_KEY = 0x7fffffff;

/** Writes assets, sensors and settings (each call one transaction). */
export class EntityWriter {
  private readonly upsertAsset: Statement;
  private readonly upsertBBox: Statement;
  private readonly keyOfSensor: Statement;
  private readonly sensorWithKey: Statement;
  private readonly upsertSensor: Statement;
  private readonly getSensor: Statement;
  private readonly maxKey: Statement;
  private readonly putSetting: Statement;
  private readonly deleteSetting: Statement;

  constructor(private readonly db: Connection) {
    // ON CONFLICT DO UPDATE (not REPLACE) keeps the row's rowid, which the R-tree refers to.
    this.upsertAsset = db.prepare(`INSERT INTO assets (id, kind, domain, name, department, geometry, properties, min_lon, min_lat, max_lon, max_lat)
      VALUES (@id, @kind, @domain, @name, @department, @geometry, @properties, @min_lon, @min_lat, @max_lon, @max_lat)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, domain = excluded.domain, name = excluded.name,
        department = excluded.department, geometry = excluded.geometry, properties = excluded.properties,
        min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat
      RETURNING rowid`);
    this.upsertBBox = db.prepare('INSERT OR REPLACE INTO asset_bbox (rid, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
    this.keyOfSensor = db.prepare('SELECT key FROM sensors WHERE id = ?').pluck();
    this.sensorWithKey = db.prepare('SELECT id FROM sensors WHERE key = ?').pluck();
    this.upsertSensor = db.prepare(`INSERT INTO sensors (key, id, asset, domain, quantity, unit, input_unit, name, interval_s, state, properties)
      VALUES (@key, @id, @asset, @domain, @quantity, @unit, @input_unit, @name, @interval_s, @state, @properties)
      ON CONFLICT (id) DO UPDATE SET asset = excluded.asset, domain = excluded.domain, quantity = excluded.quantity,
        unit = excluded.unit, input_unit = excluded.input_unit, name = excluded.name, interval_s = excluded.interval_s,
        state = excluded.state, properties = excluded.properties`);
    this.getSensor = db.prepare('SELECT * FROM sensors WHERE id = ?');
    this.maxKey = db.prepare('SELECT coalesce(max(key), 0) FROM sensors').pluck();
    this.putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.deleteSetting = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  upsertAssets(assets: readonly Asset[]): void {
    const rows = assets.map((a, i) => assetToRow(a, i));
    this.db.transaction(() => {
      for (const row of rows) {
        const { rowid } = this.upsertAsset.get(row) as { rowid: number };
        this.upsertBBox.run(rowid, row.min_lon, row.max_lon, row.min_lat, row.max_lat);
      }
    }).immediate();
  }

  /**
   * An existing sensor (same id) keeps its key whatever key it is given. A new one gets the key it
   * asks for if that key is free and valid (so an export can be re-imported with its keys), else the
   * next unused key.
   */
  upsertSensors(sensors: readonly NewSensor[]): Sensor[] {
    sensors.forEach((s, i) => {
      if (typeof s.id !== 'string' || s.id === '') throw validationError(`[${i}].id`, 'is required');
    });
    return this.db.transaction(() => {
      let next = (this.maxKey.get() as number) + 1;
      for (const s of sensors) {
        let key = this.keyOfSensor.get(s.id) as number | undefined;
        if (key === undefined) {
          const asked = s.key;
          if (asked !== undefined && Number.isInteger(asked) && asked > 0 && asked <= MAX_KEY && this.sensorWithKey.get(asked) === undefined) key = asked;
          else key = next;
          if (key > MAX_KEY) throw validationError('key', 'no sensor keys are left');
          next = Math.max(next, key + 1);
        }
        this.upsertSensor.run(sensorToRow(s, key));
      }
      return sensors.map((s) => rowToSensor(this.getSensor.get(s.id) as SensorRow));
    }).immediate();
  }

  setSetting(key: string, json: string | undefined): void {
    if (json === undefined) this.deleteSetting.run(key);
    else this.putSetting.run(key, json);
  }
}
