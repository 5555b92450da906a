import type { Connection } from '../connection.js';
import type { CellList } from '../rollup-cells.js';
import { HOUR_MS, MINUTE_MS, mergeCells } from '../rollup-cells.js';
import { MultiRowInsert } from './multi-row-insert.js';

const mergeOnConflict = (table: string): string => `ON CONFLICT (bucket, sensor) DO UPDATE SET
  min = min(${table}.min, excluded.min), max = max(${table}.max, excluded.max),
  sum = ${table}.sum + excluded.sum, count = ${table}.count + excluded.count`;

/** Writes rollup cells by merging them into the per-minute and per-hour tables. */
export class RollupTables {
  private readonly minute: MultiRowInsert;
  private readonly hour: MultiRowInsert;

  constructor(db: Connection) {
    const insert = (table: string): MultiRowInsert =>
      new MultiRowInsert(db, `INSERT INTO ${table} (bucket, sensor, min, max, sum, count) VALUES`, '(?, ?, ?, ?, ?, ?)', mergeOnConflict(table));
    this.minute = insert('rollup_minute');
    this.hour = insert('rollup_hour');
  }

  /** Merge cells (of minute buckets or finer) into both tables, inside the caller's transaction. */
  write(cells: CellList): void {
    if (cells.length === 0) return;
    const minutes = mergeCells(cells, MINUTE_MS);
    upsert(this.minute, minutes);
    upsert(this.hour, mergeCells(minutes, HOUR_MS));
  }

  /** Merge minute cells into the minute table only (recovery rebuilds hours from minutes itself). */
  writeMinutes(cells: CellList): void {
    upsert(this.minute, mergeCells(cells, MINUTE_MS));
  }
}

function upsert(insert: MultiRowInsert, cells: CellList): void {
  insert.run(cells.length, (i, p, at) => {
    p[at] = cells.bucket[i];
    p[at + 1] = cells.key[i];
    p[at + 2] = cells.min[i];
    p[at + 3] = cells.max[i];
    p[at + 4] = cells.sum[i];
    p[at + 5] = cells.count[i];
  });
}
