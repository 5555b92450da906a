import { radixSortIndexes } from '../radix-sort.js';
import { CellList } from '../rollup-cells.js';
import type { Columns } from '../columns.js';
import type { RunJob, WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { addRunCells, insertRunRows, splitByChunk, timeSpan } from './runs.js';

interface Part {
  /** By id: a failed transaction elsewhere reloads the catalogue, so its objects are looked up again. */
  readonly chunkId: number;
  readonly run: number;
  readonly order: Uint32Array;
  written: number;
}

/**
 * Sorting the staged rows into runs without pausing requests: the rows staged when the job starts
 * are sorted at once, then inserted a slice per transaction, and appends are committed between the
 * slices. A run's rows stay invisible until the last transaction registers the run in `runs` and
 * deletes its segments from the staging log: until then readers find the rows in the staging log,
 * and after a crash recovery deletes the rows of runs never registered (see recovery.ts). Rows
 * staged while the job runs stay staged for the next run.
 */
export class StagedRunJob implements RunJob {
  private readonly rows: Columns;
  private readonly lastId: number;
  private readonly segments: number;
  private readonly parts: Part[] = [];
  private next = 0;
  private done = false;

  constructor(private readonly ctx: WriterContext, private readonly sliceRows: number) {
    this.segments = ctx.staging.segmentCount;
    const { rows, lastId } = ctx.staging.oldest(this.segments);
    this.rows = rows;
    this.lastId = lastId;
    inTransaction(ctx, () => {
      for (const [chunkId, indexes] of splitByChunk(ctx, rows)) {
        const chunk = ctx.catalogue.ensure(chunkId);
        const run = ctx.catalogue.nextRun(chunk);
        // Rows of a run an earlier attempt left half written (it failed) are replaced, not duplicated.
        ctx.db.prepare(`DELETE FROM ${chunk.table} WHERE run = ?`).run(run);
        this.parts.push({ chunkId, run, order: radixSortIndexes(indexes, rows.key), written: 0 });
      }
    });
  }

  /** Write the next slice, or register the runs once every slice is written; true when finished. */
  step(): boolean {
    if (this.done) return true;
    const part = this.parts[this.next];
    if (part) {
      const end = Math.min(part.order.length, part.written + this.sliceRows);
      withoutFsync(this.ctx, () => inTransaction(this.ctx, () => insertRunRows(this.ctx, this.ctx.catalogue.ensure(part.chunkId), part.run, this.rows, part.order.subarray(part.written, end))));
      part.written = end;
      if (end === part.order.length) this.next++;
      return false;
    }
    this.register();
    return true;
  }

  finish(): void {
    try {
      while (!this.step());
    } catch (e) {
      this.drop();
      throw e;
    }
  }

  private drop(): void {
    if (this.ctx.runJob === this) this.ctx.runJob = undefined;
  }

  private register(): void {
    const { ctx } = this;
    const cells = new CellList(Math.max(1024, this.rows.length >> 2));
    inTransaction(ctx, () => {
      for (const part of this.parts) {
        const { minTs, maxTs } = timeSpan(this.rows, part.order);
        const run = ctx.catalogue.addRun(ctx.catalogue.ensure(part.chunkId), minTs, maxTs, part.order.length);
        if (run !== part.run) throw new Error(`run ${part.run} of chunk ${part.chunkId} was taken meanwhile`);
      }
      ctx.staging.clearThrough(this.lastId);
    });
    for (const part of this.parts) addRunCells(this.rows, part.order, cells);
    ctx.staging.forgetOldest(this.segments);
    ctx.pending.append(cells);
    this.done = true;
    this.drop();
  }
}

/**
 * A slice's commit needs no fsync of its own: its rows count only once the run is registered, and
 * that commit's fsync (or any later one's: the WAL is one file) makes every frame before it durable.
 */
function withoutFsync<T>(ctx: WriterContext, fn: () => T): T {
  const level = ctx.db.pragma('synchronous', { simple: true }) as number;
  if (level <= 1) return fn();
  ctx.db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    ctx.db.pragma(`synchronous = ${level}`);
  }
}

/**
 * One step of housekeeping's run writing: start a job for what is staged if none runs, then write a
 * slice. A failed step drops the job (the rows stay staged; the next attempt starts over).
 */
export function stepRunJob(ctx: WriterContext, sliceRows: number): boolean {
  const job = ctx.runJob instanceof StagedRunJob ? ctx.runJob : new StagedRunJob(ctx, sliceRows);
  ctx.runJob = job;
  try {
    return job.step();
  } catch (e) {
    ctx.runJob = undefined;
    throw e;
  }
}
