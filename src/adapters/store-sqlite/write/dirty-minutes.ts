import type { Connection, Statement } from '../connection.js';
import { MINUTE_MS } from '../rollup-cells.js';

/**
 * The minutes that hold readings whose rollup contributions are still only in memory. Each append
 * records its minutes in `rollup_dirty` in the same transaction as the readings, and a flush clears
 * them in the same transaction as it writes the rollups. So after a crash the table names exactly the
 * minutes to recompute from raw readings, and readers know which rollup rows are not yet complete.
 */
export class DirtyMinutes {
  private readonly marked = new Set<number>();
  private readonly insert: Statement;

  constructor(private readonly db: Connection) {
    this.insert = db.prepare('INSERT OR IGNORE INTO rollup_dirty (minute) VALUES (?)');
  }

  /** Mark the minutes of rows `indexes` (or all rows) inside the caller's transaction; returns the new ones. */
  mark(ts: Float64Array, count: number, indexes?: ArrayLike<number>): number[] {
    const added = new Set<number>();
    let last = NaN;
    for (let j = 0; j < count; j++) {
      const t = ts[indexes ? indexes[j]! : j]!;
      const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      if (minute === last) continue;
      last = minute;
      if (this.marked.has(minute) || added.has(minute)) continue;
      this.insert.run(minute);
      added.add(minute);
    }
    return [...added];
  }

  /** Remember minutes once the transaction that marked them commits. */
  remember(minutes: readonly number[]): void {
    for (const m of minutes) this.marked.add(m);
  }

  /** Clear the table inside the caller's (flush) transaction; call `forget` once it commits. */
  clear(): void {
    this.db.exec('DELETE FROM rollup_dirty');
  }

  forget(): void {
    this.marked.clear();
  }

  get size(): number {
    return this.marked.size;
  }
}
