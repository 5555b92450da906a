import type { AppendResult } from '../../../ports/index.js';
import { validationError } from '../../../domain/index.js';
import { LATE_RUN } from '../chunk-table.js';
import type { Columns } from '../columns.js';
import { concatColumns, pickRows } from '../columns.js';
import { CellList, MINUTE_MS } from '../rollup-cells.js';
import type { ChunkInfo } from './catalogue.js';
import type { WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { writeStagedRuns } from './runs.js';

/** The latest time a JavaScript Date can hold. */
const MAX_TS = 8.64e15;

/**
 * Append batches in one transaction (a group commit); returns each batch's counts.
 *
 * A reading newer than its key's newest cannot be a duplicate: it goes to the staging log (the
 * common case, costing no lookup). An older one (out of order, or a resent duplicate) is looked up
 * in the runs of its chunk whose time span covers it and, if new, goes to run 0 of its chunk, where
 * INSERT OR IGNORE keeps the first value. If it might still be in the staging log, the log is sorted
 * into a run first so that the lookup sees it.
 */
export function appendBatches(ctx: WriterContext, batches: readonly Columns[]): AppendResult[] {
  const rows = concatColumns(batches);
  validateRows(rows);
  if (mightBeStaged(ctx, rows)) writeStagedRuns(ctx);

  const n = rows.length;
  const inserted = new Uint8Array(n);
  const becameNewest = new Uint8Array(n);
  const inOrder = new Uint32Array(n);
  let inOrderCount = 0;
  const late: number[] = [];
  // What `last` held before this append, to undo if the transaction fails.
  const undoTs = new Float64Array(n);
  const undoValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = rows.key[i]!;
    const t = rows.ts[i]!;
    const lastTs = ctx.last.tsOf(k);
    if (t > lastTs) {
      undoTs[i] = lastTs;
      undoValue[i] = ctx.last.valueOf(k);
      ctx.last.set(k, t, rows.value[i]!);
      becameNewest[i] = 1;
      inserted[i] = 1;
      if (t >= ctx.recomputeHorizon) inOrder[inOrderCount++] = i;
      else late.push(i);
    } else {
      late.push(i);
    }
  }

  const staged = inOrderCount === n ? rows : pickRows(rows, inOrder, inOrderCount);
  const lateCells = new CellList(Math.max(16, late.length));
  let minutes: number[] = [];
  try {
    inTransaction(ctx, () => {
      if (staged.length > 0) ctx.staging.write(staged);
      const marked = insertOlderRows(ctx, rows, late, inOrder.subarray(0, inOrderCount), inserted, lateCells);
      minutes = ctx.dirty.mark(staged.ts, staged.length).concat(ctx.dirty.mark(rows.ts, marked.length, marked));
    });
  } catch (e) {
    for (let i = n - 1; i >= 0; i--) {
      if (becameNewest[i]) ctx.last.set(rows.key[i]!, undoTs[i]!, undoValue[i]!);
    }
    throw e;
  }
  ctx.staging.remember(staged);
  ctx.pending.append(lateCells);
  ctx.dirty.remember(minutes);
  return countPerBatch(batches, inserted);
}

/** Whether a row older than its key's newest might sit in the staging log. */
function mightBeStaged(ctx: WriterContext, rows: Columns): boolean {
  if (ctx.staging.rows === 0) return false;
  for (let i = 0; i < rows.length; i++) {
    const k = rows.key[i]!;
    const t = rows.ts[i]!;
    if ((t <= ctx.last.tsOf(k) || t < ctx.recomputeHorizon) && t >= ctx.staging.firstStagedTs(k)) return true;
  }
  return false;
}

/**
 * Insert the rows that do not go to the staging log into run 0 of their chunks, skipping
 * duplicates. Returns the indexes of inserted rows whose minutes must be marked dirty; rows before
 * the recompute horizon instead have their rollups written at once, because the raw readings (or
 * minute rollups) that a recovery would recompute them from are gone.
 */
function insertOlderRows(ctx: WriterContext, rows: Columns, late: readonly number[], inOrder: Uint32Array, inserted: Uint8Array, cells: CellList): number[] {
  if (late.length === 0) return [];
  const sameCommit = inOrderTimesOfKeys(rows, inOrder, new Set(late.map((i) => rows.key[i]!)));
  const direct = new CellList(16);
  const marked: number[] = [];
  const added = new Map<ChunkInfo, number>();
  for (const i of late) {
    const k = rows.key[i]!;
    const t = rows.ts[i]!;
    const v = rows.value[i]!;
    // A row that is already the key's newest (set above) is new by construction; only older ones are checked.
    const isNewest = inserted[i] === 1;
    if (!isNewest && sameCommit.get(k)?.has(t)) continue;
    const chunkId = ctx.catalogue.chunkIdOf(t);
    const existing = ctx.catalogue.get(chunkId);
    if (!isNewest && existing && inSortedRuns(ctx, existing, k, t)) continue;
    const chunk = existing ?? ctx.catalogue.ensure(chunkId);
    const changes = ctx.statements.get(`INSERT OR IGNORE INTO ${chunk.table} (run, sensor, ts, value) VALUES (${LATE_RUN}, ?, ?, ?)`).run(k, t, v).changes;
    if (changes === 0) {
      inserted[i] = 0;
      continue;
    }
    inserted[i] = 1;
    added.set(chunk, (added.get(chunk) ?? 0) + 1);
    const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
    if (t < ctx.recomputeHorizon) direct.add(minute, k, v, v, v, 1);
    else {
      cells.add(minute, k, v, v, v, 1);
      marked.push(i);
    }
  }
  for (const [chunk, count] of added) ctx.catalogue.countRows(chunk, count);
  ctx.rollups.write(direct);
  return marked;
}

function inSortedRuns(ctx: WriterContext, chunk: ChunkInfo, key: number, ts: number): boolean {
  for (const run of ctx.catalogue.runsCovering(chunk, ts)) {
    const found = ctx.statements.get(`SELECT 1 FROM ${chunk.table} WHERE run = ? AND sensor = ? AND ts = ?`).get(run.run, key, ts);
    if (found !== undefined) return true;
  }
  return false;
}

/** The times of this commit's in-order rows, for the keys that also have older rows in it. */
function inOrderTimesOfKeys(rows: Columns, inOrder: Uint32Array, keys: Set<number>): Map<number, Set<number>> {
  const times = new Map<number, Set<number>>();
  for (let j = 0; j < inOrder.length; j++) {
    const i = inOrder[j]!;
    const k = rows.key[i]!;
    if (!keys.has(k)) continue;
    let set = times.get(k);
    if (!set) times.set(k, (set = new Set()));
    set.add(rows.ts[i]!);
  }
  return times;
}

function validateRows(rows: Columns): void {
  for (let i = 0; i < rows.length; i++) {
    const t = rows.ts[i]!;
    if (!(t >= 0 && t <= MAX_TS)) throw validationError(`[${i}].ts`, 'is not a valid time in epoch milliseconds');
    if (!Number.isFinite(rows.value[i]!)) throw validationError(`[${i}].value`, 'is not a finite number');
    if (rows.key[i]! < 0) throw validationError(`[${i}].key`, 'is negative');
  }
}

function countPerBatch(batches: readonly Columns[], inserted: Uint8Array): AppendResult[] {
  const results: AppendResult[] = [];
  let at = 0;
  for (const b of batches) {
    let count = 0;
    for (let i = at; i < at + b.length; i++) count += inserted[i]!;
    results.push({ inserted: count, duplicates: b.length - count });
    at += b.length;
  }
  return results;
}
