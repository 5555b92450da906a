import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { DayTypeProfile } from '../detectors/day-type-profile.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { Smoother, HOUR, MINUTE } from '../time-constants.js';

/**
 * Sewer blockage: in dry weather the level follows the dry-weather flow pattern of each day; a
 * blockage downstream makes it rise above that pattern and keep rising for hours, with no rain.
 * Rain is recognised by its fast rise (over `wetRisePerHour`), and for `dryAfterS` after one the
 * monitor neither alarms nor learns. The dry-weather pattern is a learned daily profile; the excess
 * over it, averaged over 30 min, must exceed `minRise` and `sigma` × the profile's day-to-day spread
 * for `minDurationS`. Until the profile has seen a full week (weekends look different) `minRise`
 * counts double. Working days and weekends have profiles of their own (`utcOffsetH` sets the local day). Clears when the excess falls back under half the threshold (the pipe was cleared).
 * State: daily profile + 14 numbers ≈ 0.8 KiB.
 */
export class BlockageMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly profile: DayTypeProfile;
  private readonly minRise: number;
  private readonly sigma: number;
  private readonly wetRisePerHour: number;
  private readonly dryAfterMs: number;
  private readonly minDurationMs: number;
  private readonly alarmLevel: Level;
  private readonly fastS = new Smoother(10 * MINUTE);
  private readonly slowS = new Smoother(40 * MINUTE);
  private readonly excessS = new Smoother(30 * MINUTE);
  private fast = Number.NaN;
  private slow = Number.NaN;
  private excess = 0;
  private lastWet = Number.NEGATIVE_INFINITY;
  private aboveSince = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.minRise = num(p, 'minRise', 0.04);
    this.sigma = num(p, 'sigma', 4);
    this.wetRisePerHour = num(p, 'wetRisePerHour', 0.15);
    this.dryAfterMs = num(p, 'dryAfterS', 12 * 3600) * 1000;
    this.minDurationMs = num(p, 'minDurationS', 3600) * 1000;
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 3;
    this.profile = new DayTypeProfile(7, num(p, 'utcOffsetH', 0));
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    // Rate of rise from two averages (slope = (fast − slow) / (τ_slow − τ_fast)).
    if (this.fast !== this.fast) this.fast = this.slow = x;
    this.fast += this.fastS.alpha(ctx.gapMs) * (x - this.fast);
    this.slow += this.slowS.alpha(ctx.gapMs) * (x - this.slow);
    const risePerHour = ((this.fast - this.slow) / (30 * MINUTE)) * HOUR;
    if (risePerHour > this.wetRisePerHour) this.lastWet = ts;
    const dry = ts - this.lastWet > this.dryAfterMs;
    this.profile.at(ts);
    const floor = 1e-3;
    if (!this.profile.ready(2)) {
      this.profile.observe(x, ctx.gapMs, floor, dry);
      return;
    }
    const r = x - this.profile.expected();
    this.excess += this.excessS.alpha(ctx.gapMs) * (r - this.excess);
    const threshold = Math.max(this.minRise * (this.profile.weekSeen ? 1 : 2), this.sigma * this.profile.spreadAt());
    this.profile.observe(x, ctx.gapMs, floor, this.level === 0 && dry && this.excess < 0.5 * threshold);
    if (!dry) { this.aboveSince = Number.NaN; return; }
    this.score = Math.min(1, Math.max(0, this.excess / (2 * threshold)));
    if (this.excess >= threshold) {
      if (this.aboveSince !== this.aboveSince) this.aboveSince = ts;
      if (ts - this.aboveSince >= this.minDurationMs && this.level === 0) {
        this.since = this.aboveSince;
        this.level = this.alarmLevel;
      }
    } else {
      this.aboveSince = Number.NaN;
      if (this.excess < 0.5 * threshold) this.level = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `${this.rule.name ?? 'blockage'}: ${fmt(this.excess)} ${ctx.meta.quantity} above the dry-weather pattern and rising, no rain`;
  }

  stateBytes(): number {
    return 96 + 18 * 8 + this.profile.stateBytes();
  }
}
