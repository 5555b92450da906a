import type { Connection } from '../connection.js';
import { PagedFloat64Array } from '../paged-array.js';
import { MultiRowInsert } from './multi-row-insert.js';

/**
 * Each key's newest reading, in memory. It makes duplicate detection nearly free: a reading newer
 * than its key's newest cannot be a duplicate, so only older ones are looked up. Keys changed since
 * the last flush are written to the `latest` table by `flush` (recovery recomputes the rest).
 */
export class LastReadings {
  private readonly ts = new PagedFloat64Array(-Infinity);
  private readonly value = new PagedFloat64Array(0);
  private readonly stamp = new PagedFloat64Array(0);
  private generation = 1;
  private changed: number[] = [];
  private readonly upsert: MultiRowInsert;

  constructor(private readonly db: Connection) {
    this.upsert = new MultiRowInsert(db, 'INSERT INTO latest (sensor, ts, value) VALUES', '(?, ?, ?)',
      'ON CONFLICT (sensor) DO UPDATE SET ts = excluded.ts, value = excluded.value WHERE excluded.ts > latest.ts');
  }

  load(): void {
    for (const row of this.db.prepare('SELECT sensor, ts, value FROM latest').raw().iterate() as IterableIterator<[number, number, number]>) {
      this.ts.set(row[0], row[1]);
      this.value.set(row[0], row[2]);
    }
  }

  tsOf(key: number): number {
    return this.ts.get(key);
  }

  valueOf(key: number): number {
    return this.value.get(key);
  }

  set(key: number, ts: number, value: number): void {
    this.ts.set(key, ts);
    this.value.set(key, value);
    if (this.stamp.get(key) !== this.generation) {
      this.stamp.set(key, this.generation);
      this.changed.push(key);
    }
  }

  /** Write the changed keys inside the caller's transaction; call `written` once it commits. */
  write(): void {
    // A key whose only change was undone by a rolled-back append has nothing to write.
    const keys = this.changed.filter((key) => this.ts.get(key) !== -Infinity).sort((a, b) => a - b);
    this.upsert.run(keys.length, (i, p, at) => {
      const key = keys[i]!;
      p[at] = key;
      p[at + 1] = this.ts.get(key);
      p[at + 2] = this.value.get(key);
    });
  }

  /** Every key with a reading, with its newest one. */
  forEach(fn: (key: number, ts: number, value: number) => void): void {
    this.ts.forEach((key, ts) => {
      if (ts !== -Infinity) fn(key, ts, this.value.get(key));
    });
  }

  written(): void {
    this.changed = [];
    this.generation++;
  }
}
