import { LATE_RUN, chunkIdOf, chunkTableName, createChunkTableSql } from '../chunk-table.js';
import type { Connection, Statement } from '../connection.js';

export interface RunInfo {
  readonly run: number;
  readonly minTs: number;
  readonly maxTs: number;
  readonly rows: number;
}

export interface ChunkInfo {
  readonly id: number;
  readonly start: number;
  readonly end: number;
  readonly table: string;
  rows: number;
  /** Sorted runs (run ≥ 1), oldest first. */
  readonly runs: RunInfo[];
}

/**
 * The writer's copy of the chunk catalogue (tables `chunks` and `runs`). Changes are made inside the
 * caller's transaction; if it rolls back, the caller calls `reload()` to drop the in-memory side.
 */
export class ChunkCatalogue {
  private chunks = new Map<number, ChunkInfo>();
  private readonly insertChunk: Statement;
  private readonly insertRun: Statement;
  private readonly addChunkRows: Statement;

  constructor(private readonly db: Connection, readonly chunkMs: number) {
    this.insertChunk = db.prepare('INSERT INTO chunks (id, start_ts, end_ts, rows) VALUES (?, ?, ?, 0)');
    this.insertRun = db.prepare('INSERT INTO runs (chunk, run, min_ts, max_ts, rows) VALUES (?, ?, ?, ?, ?)');
    this.addChunkRows = db.prepare('UPDATE chunks SET rows = rows + ? WHERE id = ?');
    this.reload();
  }

  reload(): void {
    this.chunks = new Map();
    const chunks = this.db.prepare('SELECT id, start_ts, end_ts, rows FROM chunks ORDER BY id').all() as { id: number; start_ts: number; end_ts: number; rows: number }[];
    for (const c of chunks) this.chunks.set(c.id, { id: c.id, start: c.start_ts, end: c.end_ts, table: chunkTableName(c.id), rows: c.rows, runs: [] });
    const runs = this.db.prepare('SELECT chunk, run, min_ts, max_ts, rows FROM runs ORDER BY chunk, run').all() as { chunk: number; run: number; min_ts: number; max_ts: number; rows: number }[];
    for (const r of runs) this.chunks.get(r.chunk)?.runs.push({ run: r.run, minTs: r.min_ts, maxTs: r.max_ts, rows: r.rows });
  }

  chunkIdOf(ts: number): number {
    return chunkIdOf(ts, this.chunkMs);
  }

  get(id: number): ChunkInfo | undefined {
    return this.chunks.get(id);
  }

  /** The chunk for a window, creating its table if it has none yet. */
  ensure(id: number): ChunkInfo {
    let chunk = this.chunks.get(id);
    if (!chunk) {
      this.db.exec(createChunkTableSql(id));
      const start = id * this.chunkMs;
      this.insertChunk.run(id, start, start + this.chunkMs);
      chunk = { id, start, end: start + this.chunkMs, table: chunkTableName(id), rows: 0, runs: [] };
      this.chunks.set(id, chunk);
    }
    return chunk;
  }

  /** The number the chunk's next sorted run will get. */
  nextRun(chunk: ChunkInfo): number {
    return (chunk.runs.at(-1)?.run ?? LATE_RUN) + 1;
  }

  /** Register a new sorted run of `rows` rows with times in [minTs, maxTs]; returns its number. */
  addRun(chunk: ChunkInfo, minTs: number, maxTs: number, rows: number): number {
    const run = this.nextRun(chunk);
    this.insertRun.run(chunk.id, run, minTs, maxTs, rows);
    chunk.runs.push({ run, minTs, maxTs, rows });
    this.countRows(chunk, rows);
    return run;
  }

  countRows(chunk: ChunkInfo, rows: number): void {
    if (rows === 0) return;
    this.addChunkRows.run(rows, chunk.id);
    chunk.rows += rows;
  }

  /** The sorted runs of a chunk whose time span contains ts: the only ones that can hold (key, ts). */
  runsCovering(chunk: ChunkInfo, ts: number): RunInfo[] {
    return chunk.runs.filter((r) => r.minTs <= ts && ts <= r.maxTs);
  }

  /**
   * Delete rows of runs never registered: a run written a slice at a time whose process stopped
   * before the last slice (its rows are still in the staging log, and are sorted again).
   */
  deleteUnregisteredRuns(): void {
    for (const chunk of this.chunks.values()) this.db.prepare(`DELETE FROM ${chunk.table} WHERE run >= ?`).run(this.nextRun(chunk));
  }

  /** Chunks whose whole window ends at or before `cutoff`, oldest first. */
  endingBy(cutoff: number): ChunkInfo[] {
    return [...this.chunks.values()].filter((c) => c.end <= cutoff).sort((a, b) => a.id - b.id);
  }

  drop(chunk: ChunkInfo): void {
    this.db.exec(`DROP TABLE IF EXISTS ${chunk.table}`);
    this.db.prepare('DELETE FROM runs WHERE chunk = ?').run(chunk.id);
    this.db.prepare('DELETE FROM chunks WHERE id = ?').run(chunk.id);
    this.chunks.delete(chunk.id);
  }
}
