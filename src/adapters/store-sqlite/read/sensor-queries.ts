import type { Sensor } from '../../../domain/index.js';
import type { Page, SensorQuery } from '../../../ports/index.js';
import { checkLimit, decodeCursor, encodeCursor } from '../cursor.js';
import type { SensorRow } from '../sensor-rows.js';
import { rowToSensor } from '../sensor-rows.js';
import type { StoreReader } from './reader.js';

export class SensorQueries {
  constructor(private readonly reader: StoreReader) {}

  get(id: string): Sensor | undefined {
    const row = this.reader.statements.get('SELECT * FROM sensors WHERE id = ?').get(id) as SensorRow | undefined;
    return row && rowToSensor(row);
  }

  count(): number {
    return this.reader.statements.get('SELECT count(*) FROM sensors').pluck().get() as number;
  }

  list(query: SensorQuery): Page<Sensor> {
    const limit = checkLimit(query.limit);
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: limit + 1 };
    const after = decodeCursor(query.cursor);
    if (after !== undefined) {
      where.push('id > @after');
      params.after = after;
    }
    for (const field of ['domain', 'quantity', 'asset', 'state'] as const) {
      if (query[field] === undefined) continue;
      where.push(`${field} = @${field}`);
      params[field] = query[field];
    }
    const sql = `SELECT * FROM sensors ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT @limit`;
    const rows = this.reader.statements.get(sql).all(params) as SensorRow[];
    const more = rows.length > limit;
    if (more) rows.pop();
    return { items: rows.map(rowToSensor), next: more ? encodeCursor(rows.at(-1)!.id) : null };
  }

  /** A page of sensors with key > after, in key order. */
  pageByKey(after: number, size: number): Sensor[] {
    const rows = this.reader.statements.get('SELECT * FROM sensors WHERE key > ? ORDER BY key LIMIT ?').all(after, size) as SensorRow[];
    return rows.map(rowToSensor);
  }
}
