import type { RetentionSettings } from '../../../ports/index.js';
import { HOUR_MS, MINUTE_MS, bucketOf } from '../rollup-cells.js';
import { writeMeta } from '../schema.js';
import type { WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { flushAll } from './flush.js';

const DAY_MS = 86_400_000;

/**
 * Retention as a sequence of short transactions (the generator yields between them, so appends
 * interleave instead of waiting for one long delete): flush, drop whole raw chunks that ended before
 * the raw cut-off, then delete the oldest rollup buckets a slice at a time. Returns rows dropped.
 */
export function* retentionSteps(ctx: WriterContext, now: number, retention: RetentionSettings): Generator<void, { dropped: number }> {
  flushAll(ctx);
  yield;
  let dropped = 0;
  const rawCutoff = now - retention.rawDays * DAY_MS;
  for (const chunk of ctx.catalogue.endingBy(rawCutoff)) {
    inTransaction(ctx, () => {
      ctx.catalogue.drop(chunk);
      raiseRecomputeHorizon(ctx, chunk.end);
    });
    ctx.statements.forgetTable(chunk.table);
    dropped += chunk.rows;
    yield;
  }
  const minuteCutoff = bucketOf(now - retention.minuteDays * DAY_MS, MINUTE_MS);
  // An hour is rebuilt from its minutes, so an hour that lost some minutes cannot be recomputed either.
  inTransaction(ctx, () => raiseRecomputeHorizon(ctx, Math.ceil(minuteCutoff / HOUR_MS) * HOUR_MS));
  dropped += yield* deleteBucketsBefore(ctx, 'rollup_minute', MINUTE_MS, minuteCutoff);
  dropped += yield* deleteBucketsBefore(ctx, 'rollup_hour', HOUR_MS, bucketOf(now - retention.hourDays * DAY_MS, HOUR_MS));
  return { dropped };
}

function raiseRecomputeHorizon(ctx: WriterContext, ts: number): void {
  if (!(ts > ctx.recomputeHorizon)) return;
  writeMeta(ctx.db, 'recompute_horizon', ts);
  ctx.recomputeHorizon = ts;
}

/** Delete buckets starting before `cutoff`, oldest first, sized to ~50k rows per transaction. */
function* deleteBucketsBefore(ctx: WriterContext, table: string, bucketMs: number, cutoff: number): Generator<void, number> {
  const oldest = ctx.db.prepare(`SELECT min(bucket) AS b FROM ${table}`);
  const remove = ctx.db.prepare(`DELETE FROM ${table} WHERE bucket >= ? AND bucket < ?`);
  let span = 1;
  let dropped = 0;
  for (;;) {
    const b = (oldest.get() as { b: number | null }).b;
    if (b === null || b >= cutoff) return dropped;
    const end = Math.min(cutoff, b + span * bucketMs);
    const changes = inTransaction(ctx, () => remove.run(b, end).changes);
    dropped += changes;
    if (changes < 25_000) span *= 2;
    else if (changes > 100_000 && span > 1) span = Math.ceil(span / 2);
    yield;
  }
}
