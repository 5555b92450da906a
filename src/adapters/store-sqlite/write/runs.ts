import type { Columns } from '../columns.js';
import { identityOrder, radixSortIndexes } from '../radix-sort.js';
import { CellList, MINUTE_MS } from '../rollup-cells.js';
import type { ChunkInfo } from './catalogue.js';
import type { WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { MultiRowInsert } from './multi-row-insert.js';

/**
 * Sort the staged rows into runs: per chunk window, by (sensor, ts), appended to the chunk table as
 * run n+1, and the staging log emptied, in one transaction. Appending in primary-key order only
 * touches the last pages of the index, so the cost per row stays flat however large the chunk grows
 * and however the sensors were interleaved on arrival. Each key's staged rows are already in time
 * order (they are the in-order ones), so a stable sort by key is enough.
 *
 * The run's rollup cells fall out of the sorted order in one pass; they join the pending cells.
 */
export function writeStagedRuns(ctx: WriterContext): void {
  // A run being written a slice at a time is finished first, so runs keep their order.
  ctx.runJob?.finish();
  if (ctx.staging.rows === 0) return;
  const rows = ctx.staging.all();
  const cells = new CellList(Math.max(1024, rows.length >> 2));
  inTransaction(ctx, () => {
    for (const [chunkId, indexes] of splitByChunk(ctx, rows)) {
      const chunk = ctx.catalogue.ensure(chunkId);
      writeRun(ctx, chunk, rows, radixSortIndexes(indexes, rows.key), cells);
    }
    ctx.staging.clear();
  });
  ctx.staging.forget();
  ctx.pending.append(cells);
}

export function splitByChunk(ctx: WriterContext, rows: Columns): Map<number, Uint32Array> {
  const n = rows.length;
  const first = ctx.catalogue.chunkIdOf(rows.ts[0]!);
  let single = true;
  for (let i = 1; i < n && single; i++) single = ctx.catalogue.chunkIdOf(rows.ts[i]!) === first;
  if (single) return new Map([[first, identityOrder(n)]]);
  const lists = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const id = ctx.catalogue.chunkIdOf(rows.ts[i]!);
    let list = lists.get(id);
    if (!list) lists.set(id, (list = []));
    list.push(i);
  }
  return new Map([...lists].sort((a, b) => a[0] - b[0]).map(([id, list]) => [id, Uint32Array.from(list)]));
}

function writeRun(ctx: WriterContext, chunk: ChunkInfo, rows: Columns, order: Uint32Array, cells: CellList): void {
  const { minTs, maxTs } = timeSpan(rows, order);
  const run = ctx.catalogue.addRun(chunk, minTs, maxTs, order.length);
  insertRunRows(ctx, chunk, run, rows, order);
  addRunCells(rows, order, cells);
}

/** The earliest and latest time among the ordered rows. */
export function timeSpan(rows: Columns, order: Uint32Array): { minTs: number; maxTs: number } {
  let minTs = Infinity;
  let maxTs = -Infinity;
  for (let j = 0; j < order.length; j++) {
    const t = rows.ts[order[j]!]!;
    if (t < minTs) minTs = t;
    if (t > maxTs) maxTs = t;
  }
  return { minTs, maxTs };
}

/** Insert the rows `order` names, in that order, as run `run` of the chunk (inside the caller's transaction). */
export function insertRunRows(ctx: WriterContext, chunk: ChunkInfo, run: number, rows: Columns, order: Uint32Array): void {
  const { key, ts, value } = rows;
  const insert = new MultiRowInsert(ctx.db, `INSERT INTO ${chunk.table} (run, sensor, ts, value) VALUES`, `(${run}, ?, ?, ?)`);
  insert.run(order.length, (j, p, at) => {
    const i = order[j]!;
    p[at] = key[i];
    p[at + 1] = ts[i];
    p[at + 2] = value[i];
  });
}

/** One cell per (key, minute) of rows in (key, ts) order. */
export function addRunCells(rows: Columns, order: Uint32Array, cells: CellList): void {
  const { key, ts, value } = rows;
  let k = -1;
  let minute = NaN;
  let min = 0, max = 0, sum = 0, count = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const m = Math.floor(ts[i]! / MINUTE_MS) * MINUTE_MS;
    const v = value[i]!;
    if (key[i] !== k || m !== minute) {
      if (count > 0) cells.add(minute, k, min, max, sum, count);
      k = key[i]!;
      minute = m;
      min = max = sum = v;
      count = 1;
    } else {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      count++;
    }
  }
  if (count > 0) cells.add(minute, k, min, max, sum, count);
}
