import { addRawCells, addRawNewest, minuteSpans } from '../read/raw-rows.js';
import type { RawRow } from '../read/raw-rows.js';
import { CellList, HOUR_MS } from '../rollup-cells.js';
import { readMeta } from '../schema.js';
import type { WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { writeStagedRuns } from './runs.js';

/**
 * Bring the database back to a clean state after the previous process stopped (cleanly or not):
 * delete the rows of a run it did not finish writing, sort whatever it left in the staging log into runs, then recompute the rollups of every dirty
 * minute from the raw readings (the minutes whose contributions were only in that process's
 * memory), rebuild the hours around them from the minutes, and bring `latest` up to date.
 * Recomputing from raw is exact whatever part of those contributions had already been written.
 */
export function recover(ctx: WriterContext): void {
  ctx.recomputeHorizon = Number(readMeta(ctx.db, 'recompute_horizon') ?? -Infinity);
  inTransaction(ctx, () => ctx.catalogue.deleteUnregisteredRuns());
  ctx.staging.load();
  writeStagedRuns(ctx);
  // The cells of those rows are recomputed below with everything else in the dirty minutes.
  ctx.pending.clear();

  const dirty = (ctx.db.prepare('SELECT minute FROM rollup_dirty ORDER BY minute').raw().all() as [number][]).map((r) => r[0]);
  if (dirty.length > 0) {
    const cells = new CellList();
    const newest = new Map<number, RawRow>();
    for (const [from, to] of minuteSpans(dirty)) {
      addRawCells(ctx.db, ctx.statements, from, to, cells);
      addRawNewest(ctx.db, ctx.statements, from, to, newest);
    }
    const hours = [...new Set(dirty.map((m) => Math.floor(m / HOUR_MS) * HOUR_MS))];
    inTransaction(ctx, () => {
      const deleteMinute = ctx.db.prepare('DELETE FROM rollup_minute WHERE bucket = ?');
      for (const m of dirty) deleteMinute.run(m);
      ctx.rollups.writeMinutes(cells);
      const deleteHour = ctx.db.prepare('DELETE FROM rollup_hour WHERE bucket = ?');
      const rebuildHour = ctx.db.prepare(`INSERT INTO rollup_hour (bucket, sensor, min, max, sum, count)
        SELECT :from, sensor, min(min), max(max), sum(sum), sum(count) FROM rollup_minute WHERE bucket >= :from AND bucket < :to GROUP BY sensor`);
      for (const h of hours) {
        deleteHour.run(h);
        rebuildHour.run({ from: h, to: h + HOUR_MS });
      }
      const upsertLatest = ctx.db.prepare(`INSERT INTO latest (sensor, ts, value) VALUES (?, ?, ?)
        ON CONFLICT (sensor) DO UPDATE SET ts = excluded.ts, value = excluded.value WHERE excluded.ts > latest.ts`);
      for (const [key, r] of newest) upsertLatest.run(key, r.ts, r.value);
      ctx.db.exec('DELETE FROM rollup_dirty');
    });
  }
  ctx.last.load();
}
