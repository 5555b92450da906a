import type { Columns } from '../columns.js';
import { columnBlob, columnsFromBlobs, concatColumns } from '../columns.js';
import type { Connection, Statement } from '../connection.js';
import { PagedFloat64Array } from '../paged-array.js';

/**
 * Readings that arrived in order and wait to be sorted into a run. They are durable the moment they
 * are committed: each commit writes its rows as one `staging_log` row of three blobs, which costs a
 * few sequential pages however the sensors are interleaved. The rows are also kept here in memory,
 * so the run is sorted without reading them back.
 */
export class StagingLog {
  private segments: Columns[] = [];
  /** Each segment's `staging_log` row id, so a run can take the oldest segments and leave newer ones. */
  private ids: number[] = [];
  private lastWrittenId = 0;
  private count = 0;
  /** Per key, the time of its first staged row in the current generation (the staging since the last run). */
  private readonly firstTs = new PagedFloat64Array(0);
  private readonly generationOf = new PagedFloat64Array(0);
  private generation = 1;
  private readonly insert: Statement;

  constructor(private readonly db: Connection) {
    this.insert = db.prepare('INSERT INTO staging_log (rows, min_ts, max_ts, keys, ts, vals) VALUES (?, ?, ?, ?, ?, ?)');
  }

  get rows(): number {
    return this.count;
  }

  /** Load what a previous process staged and did not sort into a run. */
  load(): void {
    const rows = this.db.prepare('SELECT id, rows, keys, ts, vals FROM staging_log ORDER BY id').all() as { id: number; rows: number; keys: Buffer; ts: Buffer; vals: Buffer }[];
    for (const r of rows) {
      this.lastWrittenId = r.id;
      this.remember(columnsFromBlobs(r.rows, r.keys, r.ts, r.vals));
    }
  }

  /** Write a segment inside the caller's transaction; call `remember` once it commits. */
  write(segment: Columns): void {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < segment.length; i++) {
      const t = segment.ts[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const info = this.insert.run(segment.length, min, max, columnBlob(segment.key, segment.length), columnBlob(segment.ts, segment.length), columnBlob(segment.value, segment.length));
    this.lastWrittenId = Number(info.lastInsertRowid);
  }

  /** Keep the segment last written (now committed) in memory. */
  remember(segment: Columns): void {
    if (segment.length === 0) return;
    this.segments.push(segment);
    this.ids.push(this.lastWrittenId);
    this.count += segment.length;
    for (let i = 0; i < segment.length; i++) {
      const k = segment.key[i]!;
      if (this.generationOf.get(k) !== this.generation) {
        this.generationOf.set(k, this.generation);
        this.firstTs.set(k, segment.ts[i]!);
      }
    }
  }

  /**
   * The time of the key's oldest staged row (Infinity when it has none). A reading of that key at or
   * after it might be staged; an older one cannot be (a key's staged rows are in time order).
   */
  firstStagedTs(key: number): number {
    return this.generationOf.get(key) === this.generation ? this.firstTs.get(key) : Infinity;
  }

  /** Every staged row, in arrival order. */
  all(): Columns {
    return this.oldest(this.segments.length).rows;
  }

  /** The oldest `segments` segments' rows, in arrival order, and the log id of the last of them. */
  oldest(segments: number): { rows: Columns; lastId: number } {
    const taken = this.segments.slice(0, segments);
    const rows = concatColumns(taken.length ? taken : [{ length: 0, key: new Int32Array(0), ts: new Float64Array(0), value: new Float64Array(0) }]);
    return { rows, lastId: this.ids[taken.length - 1] ?? 0 };
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Delete the segments up to log id `lastId` inside the caller's transaction; call `forgetOldest` once it commits. */
  clearThrough(lastId: number): void {
    this.db.prepare('DELETE FROM staging_log WHERE id <= ?').run(lastId);
  }

  /** Drop the oldest `segments` segments from memory; the newer ones stay staged. */
  forgetOldest(segments: number): void {
    const rest = this.segments.slice(segments);
    const restIds = this.ids.slice(segments);
    this.forget();
    for (let i = 0; i < rest.length; i++) {
      this.lastWrittenId = restIds[i]!;
      this.remember(rest[i]!);
    }
  }

  /** Empty the log inside the caller's transaction; call `forget` once it commits. */
  clear(): void {
    this.db.exec('DELETE FROM staging_log');
  }

  forget(): void {
    this.segments = [];
    this.ids = [];
    this.count = 0;
    this.generation++;
  }
}
