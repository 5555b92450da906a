import type { Connection, StatementCache } from '../connection.js';
import type { CellList } from '../rollup-cells.js';
import type { ChunkCatalogue } from './catalogue.js';
import type { DirtyMinutes } from './dirty-minutes.js';
import type { LastReadings } from './last-readings.js';
import type { RollupTables } from './rollup-tables.js';
import type { StagingLog } from './staging.js';

/** The writer's parts, shared by the steps (append, run, flush, recovery, retention). */
export interface WriterContext {
  readonly db: Connection;
  readonly statements: StatementCache;
  readonly catalogue: ChunkCatalogue;
  readonly staging: StagingLog;
  readonly last: LastReadings;
  readonly dirty: DirtyMinutes;
  readonly rollups: RollupTables;
  /** Rollup cells of rows already in runs or run 0, not yet written to the rollup tables. */
  readonly pending: CellList;
  /**
   * Retention removed raw readings or minute rollups before this time, so rollups there cannot be
   * recomputed: readings older than it have their rollups written at once instead (see append.ts).
   */
  recomputeHorizon: number;
  /** A run being written a slice at a time between requests (see run-job.ts), if any. */
  runJob: RunJob | undefined;
}

/** What the writer's other steps need of a run in progress: to finish it before they touch runs. */
export interface RunJob {
  finish(): void;
}

/**
 * Run `fn` in one write transaction. If it fails, the catalogue's in-memory side is reloaded so it
 * matches the database again; other in-memory state is only changed by callers after commit.
 */
export function inTransaction<T>(ctx: WriterContext, fn: () => T): T {
  ctx.db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    ctx.db.exec('COMMIT');
    return result;
  } catch (e) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    ctx.catalogue.reload();
    throw e;
  }
}
