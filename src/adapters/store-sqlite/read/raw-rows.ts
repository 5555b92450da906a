import { LATE_RUN, chunkIdOf, chunkTableName } from '../chunk-table.js';
import type { Columns } from '../columns.js';
import { columnsFromBlobs } from '../columns.js';
import type { Connection, StatementCache } from '../connection.js';
import type { CellList } from '../rollup-cells.js';
import { MINUTE_MS } from '../rollup-cells.js';

/**
 * Raw readings as the database holds them at one moment: chunk tables (sorted runs and run 0) plus
 * the staging log. Callers run these inside one read transaction so that they see one snapshot.
 * Used by the reader (range, aggregates of unflushed minutes, last readings) and by the writer's
 * crash recovery.
 */
export interface RawRow {
  readonly ts: number;
  readonly value: number;
}

interface ChunkRow {
  id: number;
  start_ts: number;
  end_ts: number;
}

function chunksOverlapping(db: Connection, from: number, to: number): ChunkRow[] {
  return db.prepare('SELECT id, start_ts, end_ts FROM chunks WHERE end_ts > ? AND start_ts < ? ORDER BY id').all(from, to) as ChunkRow[];
}

/** Staging log segments holding rows in [from, to). */
export function stagedSegments(db: Connection, from: number, to: number): Columns[] {
  const rows = db.prepare('SELECT rows, keys, ts, vals FROM staging_log WHERE max_ts >= ? AND min_ts < ? ORDER BY id').all(from, to) as { rows: number; keys: Buffer; ts: Buffer; vals: Buffer }[];
  return rows.map((r) => columnsFromBlobs(r.rows, r.keys, r.ts, r.vals));
}

/** The runs of a chunk that may hold rows in [from, to), as an IN list: run 0 and the sorted runs overlapping. */
const RUNS_OVERLAPPING = `SELECT run FROM runs WHERE chunk = :chunk AND max_ts >= :from AND min_ts < :to UNION ALL SELECT ${LATE_RUN}`;

/** One key's readings with from <= ts < to, oldest first, at most `limit`. */
export function rawRowsOfKey(db: Connection, statements: StatementCache, chunkMs: number, key: number, from: number, to: number, limit = Infinity): RawRow[] {
  const out: RawRow[] = [];
  if (!(to > from) || limit <= 0) return out;
  // Staged rows of this key, by chunk window.
  const staged = new Map<number, RawRow[]>();
  for (const seg of stagedSegments(db, from, to)) {
    for (let i = 0; i < seg.length; i++) {
      const t = seg.ts[i]!;
      if (seg.key[i] !== key || t < from || t >= to) continue;
      const w = chunkIdOf(t, chunkMs);
      let list = staged.get(w);
      if (!list) staged.set(w, (list = []));
      list.push({ ts: t, value: seg.value[i]! });
    }
  }
  const chunks = new Set(chunksOverlapping(db, from, to).map((c) => c.id));
  const windows = [...new Set([...chunks, ...staged.keys()])].sort((a, b) => a - b);
  for (const w of windows) {
    let rows: RawRow[] = [];
    if (chunks.has(w)) {
      const sql = `SELECT ts, value FROM ${chunkTableName(w)} WHERE run IN (${RUNS_OVERLAPPING}) AND sensor = :key AND ts >= :from AND ts < :to`;
      rows = statements.get(sql).all({ chunk: w, key, from, to }) as RawRow[];
    }
    const extra = staged.get(w);
    if (extra) rows = rows.concat(extra);
    // Runs are each sorted, but run 0 and staged rows interleave with them.
    rows.sort((a, b) => a.ts - b.ts);
    for (const r of rows) {
      if (out.length >= limit) return out;
      out.push(r);
    }
  }
  return out;
}

/** Add one rollup cell per (minute, key) for every reading with from <= ts < to (all keys). */
export function addRawCells(db: Connection, statements: StatementCache, from: number, to: number, cells: CellList): void {
  for (const c of chunksOverlapping(db, from, to)) {
    const sql = `SELECT sensor, CAST(ts / ${MINUTE_MS} AS INTEGER) * ${MINUTE_MS} AS minute, min(value), max(value), sum(value), count(*)
      FROM ${chunkTableName(c.id)} WHERE run IN (${RUNS_OVERLAPPING}) AND ts >= :from AND ts < :to GROUP BY sensor, minute`;
    const rows = statements.get(sql).raw().iterate({ chunk: c.id, from, to }) as IterableIterator<[number, number, number, number, number, number]>;
    for (const r of rows) cells.add(r[1], r[0], r[2], r[3], r[4], r[5]);
  }
  for (const seg of stagedSegments(db, from, to)) {
    for (let i = 0; i < seg.length; i++) {
      const t = seg.ts[i]!;
      if (t < from || t >= to) continue;
      const v = seg.value[i]!;
      cells.add(Math.floor(t / MINUTE_MS) * MINUTE_MS, seg.key[i]!, v, v, v, 1);
    }
  }
}

/** Each key's newest reading with from <= ts < to, merged into `newest` where newer. */
export function addRawNewest(db: Connection, statements: StatementCache, from: number, to: number, newest: Map<number, RawRow>): void {
  const offer = (key: number, ts: number, value: number): void => {
    const known = newest.get(key);
    if (!known || ts > known.ts) newest.set(key, { ts, value });
  };
  for (const c of chunksOverlapping(db, from, to)) {
    // SQLite takes the bare `value` from the row holding max(ts).
    const sql = `SELECT sensor, max(ts), value FROM ${chunkTableName(c.id)} WHERE run IN (${RUNS_OVERLAPPING}) AND ts >= :from AND ts < :to GROUP BY sensor`;
    const rows = statements.get(sql).raw().iterate({ chunk: c.id, from, to }) as IterableIterator<[number, number, number]>;
    for (const r of rows) offer(r[0], r[1], r[2]);
  }
  for (const seg of stagedSegments(db, from, to)) {
    for (let i = 0; i < seg.length; i++) {
      const t = seg.ts[i]!;
      if (t >= from && t < to) offer(seg.key[i]!, t, seg.value[i]!);
    }
  }
}

/** Contiguous spans [start, end) covering a sorted list of minute starts. */
export function minuteSpans(minutes: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of minutes) {
    const last = spans.at(-1);
    if (last && last[1] === m) last[1] = m + MINUTE_MS;
    else spans.push([m, m + MINUTE_MS]);
  }
  return spans;
}
