import type { Level } from '../../../domain/index.js';
import { OFFLINE_AFTER_INTERVALS } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { paramLevel } from './param-level.js';
import type { Rule } from './types.js';

interface OfflineConfig { readonly intervals: number; readonly minGapMs: number; readonly recoverReadings: number; readonly level: Level }

const config = configOf((rule: Rule): OfflineConfig => ({
  intervals: num(rule.params, 'intervals', OFFLINE_AFTER_INTERVALS),
  minGapMs: num(rule.params, 'minGapS', 0) * 1000,
  recoverReadings: num(rule.params, 'recoverReadings', 3),
  level: paramLevel(rule.params),
}));

/**
 * Offline: no reading for `intervals` × the expected interval (and at least `minGapS`). Raised by
 * `tick` while the sensor is silent, or by the first reading after a gap (a replay has no ticks).
 * It clears once the sensor has reported on time `recoverReadings` times, so the data right after
 * a gap carry the alarm. State: 2 numbers (≈ 0.1 KiB in all).
 */
export class OfflineMonitor extends BaseMonitor {
  private readonly c: OfflineConfig;
  private recovered = 0;
  declare private gapMs: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
  }

  override get scored(): boolean {
    return true;
  }

  private limit(ctx: SensorContext): number {
    return Math.max(this.c.intervals * ctx.intervalMs, this.c.minGapMs);
  }

  step(_ts: number, _value: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.count < 2 || !ctx.intervalKnown) return;
    const limit = this.limit(ctx);
    if (ctx.gapMs > limit) {
      if (this.level === 0) this.since = ctx.prevTs + limit;
      this.level = this.c.level;
      this.gapMs = ctx.gapMs;
      this.recovered = 0;
      this.score = 0.95; // the first reading after a gap marks it
    } else if (this.level !== 0 && ++this.recovered >= this.c.recoverReadings) {
      this.level = 0;
    }
  }

  tick(now: number, ctx: SensorContext): void {
    if (ctx.count < 1 || !ctx.intervalKnown || this.level !== 0) return;
    const limit = this.limit(ctx);
    if (now - ctx.ts > limit) {
      this.level = this.c.level;
      this.since = ctx.ts + limit;
      this.gapMs = now - ctx.ts;
      this.recovered = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `offline: no reading for ${Math.round(this.gapMs / 60_000)} min (expected every ${Math.round(ctx.intervalMs / 1000)} s)`;
  }

  stateBytes(): number {
    return this.baseBytes(2);
  }
}
numericFields(OfflineMonitor, ['gapMs']);
