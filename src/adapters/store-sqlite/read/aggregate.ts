import type { AggregatePoint, Step } from '../../../domain/index.js';
import { STEPS } from '../../../domain/index.js';
import { HOUR_MS, MINUTE_MS, bucketOf } from '../rollup-cells.js';
import { minuteSpans, rawRowsOfKey } from './raw-rows.js';
import type { StoreReader } from './reader.js';

interface Cell {
  bucket: number;
  min: number;
  max: number;
  sum: number;
  count: number;
}

/**
 * Aggregates of one key in buckets of `step` aligned to UTC: every bucket that starts before `to` and
 * ends after `from`, each over all of its readings (rollups cannot split a minute). Minute rollups
 * answer 1m and 5m, hour rollups 1h and 1d. A minute still marked dirty (its contributions not yet
 * flushed) is computed from the raw readings instead, so answers are exact at any moment.
 */
export function aggregate(reader: StoreReader, key: number, from: number, to: number, step: Step): AggregatePoint[] {
  const stepMs = STEPS[step];
  const start = bucketOf(from, stepMs);
  const end = Math.ceil(to / stepMs) * stepMs;
  if (!(end > start)) return [];
  return reader.snapshot(() => {
    const cells = stepMs < HOUR_MS ? minuteCells(reader, key, start, end) : hourCells(reader, key, start, end);
    return toPoints(cells, stepMs);
  });
}

function toPoints(cells: Cell[], stepMs: number): AggregatePoint[] {
  const points: Cell[] = [];
  for (const c of cells) {
    const bucket = bucketOf(c.bucket, stepMs);
    const last = points.at(-1);
    if (last && last.bucket === bucket) merge(last, c);
    else points.push({ ...c, bucket });
  }
  return points.map((p) => ({ ts: p.bucket, min: p.min, max: p.max, avg: p.sum / p.count, count: p.count }));
}

function merge(into: Cell, c: Cell): void {
  into.min = Math.min(into.min, c.min);
  into.max = Math.max(into.max, c.max);
  into.sum += c.sum;
  into.count += c.count;
}

/** Minute cells of [from, to) (minute-aligned), oldest first. */
function minuteCells(reader: StoreReader, key: number, from: number, to: number): Cell[] {
  const dirty = dirtyMinutes(reader, from, to);
  const dirtySet = new Set(dirty);
  const cells = rollupRows(reader, 'rollup_minute', MINUTE_MS, key, from, to, dirty).filter((c) => !dirtySet.has(c.bucket));
  for (const [a, b] of minuteSpans(dirty)) {
    let cell: Cell | undefined;
    for (const r of rawRowsOfKey(reader.db, reader.statements, reader.chunkMs, key, a, b)) {
      const minute = bucketOf(r.ts, MINUTE_MS);
      if (cell && cell.bucket === minute) merge(cell, { bucket: minute, min: r.value, max: r.value, sum: r.value, count: 1 });
      else cells.push((cell = { bucket: minute, min: r.value, max: r.value, sum: r.value, count: 1 }));
    }
  }
  return cells.sort((a, b) => a.bucket - b.bucket);
}

/** Hour cells of [from, to) (hour-aligned), oldest first; an hour with a dirty minute is rebuilt from its minutes. */
function hourCells(reader: StoreReader, key: number, from: number, to: number): Cell[] {
  const dirty = dirtyMinutes(reader, from, to);
  const dirtyHours = new Set(dirty.map((m) => bucketOf(m, HOUR_MS)));
  const cells = rollupRows(reader, 'rollup_hour', HOUR_MS, key, from, to, dirty).filter((c) => !dirtyHours.has(c.bucket));
  for (const hour of dirtyHours) {
    const minutes = minuteCells(reader, key, hour, hour + HOUR_MS);
    if (minutes.length === 0) continue;
    const cell = { ...minutes[0]!, bucket: hour };
    for (const m of minutes.slice(1)) merge(cell, m);
    cells.push(cell);
  }
  return cells.sort((a, b) => a.bucket - b.bucket);
}

function dirtyMinutes(reader: StoreReader, from: number, to: number): number[] {
  return reader.statements.get('SELECT minute FROM rollup_dirty WHERE minute >= ? AND minute < ? ORDER BY minute').pluck().all(from, to) as number[];
}

/**
 * The key's rows of a rollup table for buckets in [from, to). The table leads with the bucket (so
 * that writes append), so one key's rows are found by seeking each bucket in turn: a recursive CTE
 * walks the buckets inside SQLite, bounded to where the table (or a dirty minute) has data.
 */
function rollupRows(reader: StoreReader, table: string, bucketMs: number, key: number, from: number, to: number, dirty: readonly number[]): Cell[] {
  // Two subqueries: SQLite answers a lone min() or max() from the index, but not both in one query.
  const extent = reader.statements.get(`SELECT (SELECT min(bucket) FROM ${table}) AS lo, (SELECT max(bucket) FROM ${table}) AS hi`).get() as { lo: number | null; hi: number | null };
  let lo = extent.lo ?? Infinity;
  let hi = extent.hi ?? -Infinity;
  if (dirty.length) {
    lo = Math.min(lo, bucketOf(dirty[0]!, bucketMs));
    hi = Math.max(hi, bucketOf(dirty.at(-1)!, bucketMs));
  }
  const a = Math.max(from, lo);
  const b = Math.min(to, hi + bucketMs);
  if (!(b > a)) return [];
  const sql = `WITH RECURSIVE b(t) AS (SELECT :from UNION ALL SELECT t + ${bucketMs} FROM b WHERE t + ${bucketMs} < :to)
    SELECT r.bucket AS bucket, r.min AS min, r.max AS max, r.sum AS sum, r.count AS count
    FROM b JOIN ${table} r ON r.bucket = b.t AND r.sensor = :key ORDER BY r.bucket`;
  return reader.statements.get(sql).all({ from: a, to: b, key }) as Cell[];
}
