import type { AlarmClass, Level } from '../../../domain/index.js';
import { OFFLINE_AFTER_INTERVALS, isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import type { Rule } from './types.js';

/**
 * Offline: no reading for `intervals` × the expected interval (and at least `minGapS`). Raised by
 * `tick` while the sensor is silent, or by the first reading after a gap (a replay has no ticks).
 * It clears once the sensor has reported on time `recoverReadings` times, so the data right after
 * a gap carry the alarm. State: 3 numbers.
 */
export class OfflineMonitor extends BaseMonitor {
  private readonly intervals: number;
  private readonly minGapMs: number;
  private readonly recoverReadings: number;
  private readonly alarmLevel: Level;
  private recovered = 0;
  private gapMs = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.intervals = num(p, 'intervals', OFFLINE_AFTER_INTERVALS);
    this.minGapMs = num(p, 'minGapS', 0) * 1000;
    this.recoverReadings = num(p, 'recoverReadings', 3);
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  private limit(ctx: SensorContext): number {
    return Math.max(this.intervals * ctx.intervalMs, this.minGapMs);
  }

  step(_ts: number, _value: number, ctx: SensorContext): void {
    if (ctx.count < 2 || !ctx.intervalKnown) return;
    const limit = this.limit(ctx);
    if (ctx.gapMs > limit) {
      if (this.level === 0) this.since = ctx.prevTs + limit;
      this.level = this.alarmLevel;
      this.gapMs = ctx.gapMs;
      this.recovered = 0;
    } else if (this.level !== 0 && ++this.recovered >= this.recoverReadings) {
      this.level = 0;
    }
  }

  tick(now: number, ctx: SensorContext): void {
    if (ctx.count < 1 || !ctx.intervalKnown || this.level !== 0) return;
    const limit = this.limit(ctx);
    if (now - ctx.ts > limit) {
      this.level = this.alarmLevel;
      this.since = ctx.ts + limit;
      this.gapMs = now - ctx.ts;
      this.recovered = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `offline: no reading for ${Math.round(this.gapMs / 60_000)} min (expected every ${Math.round(ctx.intervalMs / 1000)} s)`;
  }

  stateBytes(): number {
    return 96 + 7 * 8;
  }
}
