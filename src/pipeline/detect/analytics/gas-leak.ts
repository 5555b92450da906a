import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { Smoother, DAY, HOUR } from '../time-constants.js';

/**
 * Gas leak versus sewer biogas. Methane next to a gas main that rises above its background and
 * stays up is a leak (gas keeps coming until the main is repaired); biogas from a sewer comes in
 * bumps that rise and fall within tens of minutes. So: the elevation above a slowly learned
 * background must exceed `minRise` (%LEL) continuously (dips shorter than `toleranceS` allowed) for
 * `minDurationS` — longer than biogas bumps last — and must not be decaying (the value is still at
 * least `sustainFraction` of the episode's peak). The background is learned only while nothing is
 * elevated; after `maxHoldS` of elevation it is accepted as the new background.
 * State: 10 numbers.
 */
export class GasLeakMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly minRise: number;
  private readonly minDurationMs: number;
  private readonly toleranceMs: number;
  private readonly sustainFraction: number;
  private readonly maxHoldMs: number;
  private readonly alarmLevel: Level;
  private readonly backgroundS = new Smoother(DAY);
  private background = Number.NaN;
  private elevatedSince = Number.NaN;
  private lastElevated = Number.NaN;
  private peak = 0;
  private rise = 0;
  private seen = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.minRise = num(p, 'minRise', 2);
    this.minDurationMs = num(p, 'minDurationS', 45 * 60) * 1000;
    this.toleranceMs = num(p, 'toleranceS', 5 * 60) * 1000;
    this.sustainFraction = num(p, 'sustainFraction', 0.6);
    this.maxHoldMs = num(p, 'maxHoldS', 24 * 3600) * 1000;
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 3;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    this.seen++;
    if (this.background !== this.background) { this.background = x; return; }
    const e = x - this.background;
    this.rise = e;
    if (e >= this.minRise) {
      if (this.elevatedSince !== this.elevatedSince) { this.elevatedSince = ts; this.peak = e; }
      this.lastElevated = ts;
      if (e > this.peak) this.peak = e;
    } else if (this.elevatedSince === this.elevatedSince && ts - this.lastElevated > this.toleranceMs) {
      this.elevatedSince = Number.NaN; // the episode is over
      this.level = 0;
    }
    const elevated = this.elevatedSince === this.elevatedSince;
    if (!elevated) {
      // Learn the background from quiet readings only (a warm-up hour learns fast).
      const a = this.seen < 60 ? 1 / this.seen : this.backgroundS.alpha(ctx.gapMs);
      this.background += a * (e < this.minRise / 2 ? e : this.minRise / 2);
      return;
    }
    const lasted = ts - this.elevatedSince;
    this.score = Math.min(1, (lasted / this.minDurationMs) * Math.min(1, e / (2 * this.minRise)));
    if (lasted >= this.minDurationMs && (this.level !== 0 || e >= this.sustainFraction * this.peak)) {
      if (this.level === 0) this.since = this.elevatedSince;
      this.level = this.alarmLevel;
    }
    if (lasted > this.maxHoldMs) {
      this.background = x; // a new normal
      this.elevatedSince = Number.NaN;
      this.level = 0;
    }
  }

  message(): string {
    const h = (this.lastElevated - this.elevatedSince) / HOUR;
    return `${this.rule.name ?? 'gas leak'}: methane ${fmt(this.rise)} above background for ${h >= 1 ? `${h.toFixed(1)} h` : `${Math.round(h * 60)} min`} (peak +${fmt(this.peak)}); a sewer biogas bump would have passed`;
  }

  stateBytes(): number {
    return 96 + 14 * 8;
  }
}
