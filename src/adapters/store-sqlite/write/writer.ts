import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Asset, Sensor } from '../../../domain/index.js';
import type { AppendResult, NewSensor, RetentionSettings, StoreOp } from '../../../ports/index.js';
import type { Columns } from '../columns.js';
import { StatementCache, openWriterConnection } from '../connection.js';
import type { ResolvedOptions } from '../options.js';
import { CellList } from '../rollup-cells.js';
import { migrate } from '../schema.js';
import { appendBatches } from './append.js';
import { ChunkCatalogue } from './catalogue.js';
import type { WriterContext } from './context.js';
import { DirtyMinutes } from './dirty-minutes.js';
import { EntityWriter } from './entities.js';
import { flushAll } from './flush.js';
import { LastReadings } from './last-readings.js';
import { recover } from './recovery.js';
import { retentionSteps } from './retention.js';
import { RollupTables } from './rollup-tables.js';
import { stepRunJob } from './run-job.js';
import { StagingLog } from './staging.js';
import { WorkflowWriter } from './workflow.js';

/**
 * The single writer of a database: every change goes through it, synchronously (it runs in the
 * writer worker, or on the calling thread with `worker: false`). Opening it recovers whatever the
 * previous process left behind.
 */
export class StoreWriter {
  private readonly ctx: WriterContext;
  private readonly entities: EntityWriter;
  private readonly workflow: WorkflowWriter;
  private lastFlushAt = Date.now();
  private closed = false;

  constructor(private readonly options: ResolvedOptions) {
    mkdirSync(dirname(options.path), { recursive: true });
    const db = openWriterConnection(options.path, options.durability);
    try {
      const { chunkMs } = migrate(db, options.chunkMs);
      const catalogue = new ChunkCatalogue(db, chunkMs);
      this.ctx = {
        db,
        statements: new StatementCache(db),
        catalogue,
        staging: new StagingLog(db),
        last: new LastReadings(db),
        dirty: new DirtyMinutes(db),
        rollups: new RollupTables(db),
        pending: new CellList(),
        recomputeHorizon: -Infinity,
        runJob: undefined,
      };
      this.entities = new EntityWriter(db);
      this.workflow = new WorkflowWriter(db);
      recover(this.ctx);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  append(batches: readonly Columns[]): AppendResult[] {
    this.check();
    return appendBatches(this.ctx, batches);
  }

  upsertAssets(assets: readonly Asset[]): void {
    this.check();
    this.entities.upsertAssets(assets);
  }

  upsertSensors(sensors: readonly NewSensor[]): Sensor[] {
    this.check();
    return this.entities.upsertSensors(sensors);
  }

  setSetting(key: string, json: string | undefined): void {
    this.check();
    this.entities.setSetting(key, json);
  }

  /** The workflow's changes (cases, audit, users …), all in one transaction. */
  commit(ops: readonly StoreOp[]): void {
    this.check();
    this.workflow.commit(ops);
  }

  /** Every key's newest reading, from memory (always current: it is updated as appends commit). */
  lastReadings(): Columns {
    const key: number[] = [];
    const ts: number[] = [];
    const value: number[] = [];
    this.ctx.last.forEach((k, t, v) => {
      key.push(k);
      ts.push(t);
      value.push(v);
    });
    return { length: key.length, key: Int32Array.from(key), ts: Float64Array.from(ts), value: Float64Array.from(value) };
  }

  flush(): void {
    this.check();
    flushAll(this.ctx);
    this.lastFlushAt = Date.now();
  }

  /**
   * Housekeeping between requests: sort a full staging log into a run, a slice per call; flush when
   * due. Returns true while there is more to do, so the caller calls again soon (after the requests
   * that arrived meanwhile).
   */
  maintain(now = Date.now()): boolean {
    if (this.closed) return false;
    const slice = this.options.runSliceRows;
    const flushDue = this.flushDue(now);
    // Most of what is staged goes into a run a slice at a time; a flush then sorts the few rows left at once.
    if (this.ctx.runJob || this.ctx.staging.rows >= (flushDue ? slice : this.options.runRows)) {
      stepRunJob(this.ctx, slice);
      return true;
    }
    if (flushDue) this.flush();
    return false;
  }

  private flushDue(now: number): boolean {
    const { staging, pending, dirty } = this.ctx;
    return pending.length >= this.options.flushCells || (now - this.lastFlushAt >= this.options.flushIntervalMs && (staging.rows > 0 || dirty.size > 0));
  }

  retention(now: number, retention: RetentionSettings): Generator<void, { dropped: number }> {
    this.check();
    return retentionSteps(this.ctx, now, retention);
  }

  /** Flush everything and close the connection. */
  close(): void {
    if (this.closed) return;
    try {
      flushAll(this.ctx);
    } finally {
      this.closed = true;
      this.ctx.db.close();
    }
  }

  /** Close without flushing: what a crash leaves behind (recovered at the next open). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.db.close();
  }

  private check(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}
