import type { WriterContext } from './context.js';
import { inTransaction } from './context.js';
import { writeStagedRuns } from './runs.js';

/**
 * Write everything pending: staged rows into runs, then the pending rollup cells and the changed
 * last readings, clearing the dirty minutes in the same transaction. Rollup rows are thus written
 * once per flush rather than once per append, which keeps their cost a small fraction of the raw
 * rows' (a sensor reporting every 10 s costs one minute cell per 6 readings, plus one hour cell
 * per flush).
 */
export function flushAll(ctx: WriterContext): void {
  writeStagedRuns(ctx);
  if (ctx.pending.length === 0 && ctx.dirty.size === 0) {
    inTransaction(ctx, () => ctx.last.write());
    ctx.last.written();
    return;
  }
  inTransaction(ctx, () => {
    ctx.rollups.write(ctx.pending);
    ctx.last.write();
    ctx.dirty.clear();
  });
  ctx.pending.clear();
  ctx.last.written();
  ctx.dirty.forget();
}
