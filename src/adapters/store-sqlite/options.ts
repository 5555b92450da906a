/** How a SQLite store is opened. Only `path` is required. */
export interface SqliteStoreOptions {
  /** The database file; its directory is created if missing. */
  readonly path: string;
  /**
   * 'full' (default): the WAL is fsynced at every commit, so an acknowledged reading survives a power
   * cut. 'normal': fsync only at checkpoints; survives a process crash, not a power cut.
   */
  readonly durability?: 'full' | 'normal';
  /**
   * The time span of one raw chunk table (ms, default 1 h). Fixed when the database is created;
   * later opens use the stored value. Ingest speed does not depend on it (rows are appended to
   * sorted runs at a chunk's end), so it only sets the retention grain and the number of tables:
   * 1 h drops raw data within an hour of the setting and keeps 90 days in ~2,200 tables, whose
   * schema SQLite parses in ~10 ms.
   */
  readonly chunkMs?: number;
  /**
   * Rows gathered in the staging log before they are sorted by (sensor, ts) and written as one run
   * (default 250,000). Larger runs mean fewer index seeks per range query; smaller ones mean less sorting
   * at once. Writing a run pauses no request: see `runSliceRows`.
   */
  readonly runRows?: number;
  /**
   * Between requests, a run is written this many rows per transaction (default 8,192: a few ms), so
   * appends that arrive meanwhile are committed between slices instead of waiting for the whole run.
   */
  readonly runSliceRows?: number;
  /** Rollup cells and last readings are written at least this often (ms, default 10 s). */
  readonly flushIntervalMs?: number;
  /** ...and as soon as this many rollup cells are pending (default 500,000). */
  readonly flushCells?: number;
  /** At most this many rows are committed in one group commit (default 100,000). */
  readonly maxGroupRows?: number;
  /**
   * Run the writer in a worker thread (default true), so the main thread parses requests while the
   * worker writes. `false` writes on the calling thread (simpler to debug; ingest then competes
   * with everything else on the main thread).
   */
  readonly worker?: boolean;
}

export type ResolvedOptions = Required<SqliteStoreOptions>;

export const DEFAULT_CHUNK_MS = 3_600_000;

export function resolveOptions(options: SqliteStoreOptions): ResolvedOptions {
  if (typeof options.path !== 'string' || options.path === '' || options.path === ':memory:' || options.path.startsWith('file::memory:')) {
    throw new Error('a SQLite store needs a file path (a reader and a writer share it, so :memory: cannot be used)');
  }
  const resolved: ResolvedOptions = {
    path: options.path,
    durability: options.durability ?? 'full',
    chunkMs: options.chunkMs ?? DEFAULT_CHUNK_MS,
    runRows: options.runRows ?? 250_000,
    runSliceRows: options.runSliceRows ?? 8192,
    flushIntervalMs: options.flushIntervalMs ?? 10_000,
    flushCells: options.flushCells ?? 500_000,
    maxGroupRows: options.maxGroupRows ?? 100_000,
    worker: options.worker ?? true,
  };
  if (resolved.durability !== 'full' && resolved.durability !== 'normal') throw new Error(`durability must be 'full' or 'normal', not '${String(resolved.durability)}'`);
  // Chunks are aligned to whole minutes so that a minute of readings never spans two chunks.
  positiveInteger('chunkMs', resolved.chunkMs);
  if (resolved.chunkMs % 60_000 !== 0) throw new Error('chunkMs must be a whole number of minutes');
  positiveInteger('runRows', resolved.runRows);
  positiveInteger('runSliceRows', resolved.runSliceRows);
  positiveInteger('flushIntervalMs', resolved.flushIntervalMs);
  positiveInteger('flushCells', resolved.flushCells);
  positiveInteger('maxGroupRows', resolved.maxGroupRows);
  return resolved;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${String(value)}`);
}
