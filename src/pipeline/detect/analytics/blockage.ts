import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { HOUR as HOUR_MS, MINUTE as MINUTE_MS, Smoother } from '../time-constants.js';
import { paramLevel } from '../rules/param-level.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const HOUR = HOUR_MS;
const MINUTE = MINUTE_MS;

interface BlockageConfig {
  readonly minRise: number; readonly sigma: number; readonly wetRisePerHour: number; readonly dryAfterMs: number;
  readonly minDurationMs: number; readonly level: Level;
}

const config = configOf((rule: Rule): BlockageConfig => ({
  minRise: num(rule.params, 'minRise', 0.04),
  sigma: num(rule.params, 'sigma', 4),
  wetRisePerHour: num(rule.params, 'wetRisePerHour', 0.15),
  dryAfterMs: num(rule.params, 'dryAfterS', 12 * 3600) * 1000,
  minDurationMs: num(rule.params, 'minDurationS', 3600) * 1000,
  level: paramLevel(rule.params, 3),
}));

const FAST_TAU = 10 * MINUTE, SLOW_TAU = 40 * MINUTE, EXCESS_TAU = 30 * MINUTE;
/** Shared by every sensor: each only caches e^(−Δt/τ) for the last Δt seen. */
const FAST = new Smoother(FAST_TAU), SLOW = new Smoother(SLOW_TAU), EXCESS = new Smoother(EXCESS_TAU);

/**
 * Sewer blockage: in dry weather the level follows the dry-weather flow pattern of each day; a
 * blockage downstream makes it rise above that pattern and keep rising for hours, with no rain.
 * Rain is recognised by its fast rise (over `wetRisePerHour`), and for `dryAfterS` after one the
 * monitor does not alarm. The dry-weather pattern is a learned daily profile; the excess
 * over it, averaged over 30 min, must exceed `minRise` and `sigma` × the profile's day-to-day spread
 * for `minDurationS`, and still be rising at its end. Until the profile has seen a full week (weekends look different) `minRise`
 * counts double. Working days and weekends have profiles of their own. Clears when the excess falls back under half the threshold (the pipe was cleared).
 * The profile is the sensor's shared one (SensorContext.seasonal), which does not learn while an
 * alarm is active. State: 6 numbers (≈ 0.1 KiB in all).
 */
export class BlockageMonitor extends BaseMonitor {
  private readonly c: BlockageConfig;
  declare private fast: number;
  declare private slow: number;
  declare private excess: number;
  declare private lastWet: number;
  declare private aboveSince: number;
  declare private excessAtStart: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.fast = this.slow = this.aboveSince = Number.NaN;
    this.lastWet = Number.NEGATIVE_INFINITY;
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const c = this.c, dt = ctx.gapMs;
    // Rate of rise from two averages (slope = (fast − slow) / (τ_slow − τ_fast)).
    if (this.fast !== this.fast) this.fast = this.slow = x;
    this.fast += FAST.alpha(dt) * (x - this.fast);
    this.slow += SLOW.alpha(dt) * (x - this.slow);
    const risePerHour = ((this.fast - this.slow) / (SLOW_TAU - FAST_TAU)) * HOUR;
    if (risePerHour > c.wetRisePerHour) this.lastWet = ts;
    const dry = ts - this.lastWet > c.dryAfterMs;
    const profile = ctx.seasonal();
    if (!dry) ctx.suspect = true; // rain must not teach the dry-weather profile
    if (!profile.ready(2)) return;
    const r = x - profile.expected();
    this.excess += EXCESS.alpha(dt) * (r - this.excess);
    const threshold = Math.max(c.minRise * (profile.weekSeen ? 1 : 2), c.sigma * profile.spreadAt());
    // Nor must a slow rise: it would learn that it is normal.
    if (this.excess >= 0.5 * threshold) ctx.suspect = true;
    if (!dry) { this.aboveSince = Number.NaN; return; }
    this.score = Math.min(1, Math.max(0, this.excess / (2 * threshold)));
    if (this.excess >= threshold) {
      if (this.aboveSince !== this.aboveSince) { this.aboveSince = ts; this.excessAtStart = this.excess; }
      // Still rising after the minimum duration: a blockage backs water up; a level that merely sits high does not.
      if (ts - this.aboveSince >= c.minDurationMs && this.level === 0 && this.excess >= 1.05 * this.excessAtStart) {
        this.since = this.aboveSince;
        this.level = c.level;
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
    return this.baseBytes(1);
  }
}
numericFields(BlockageMonitor, ['fast', 'slow', 'excess', 'lastWet', 'aboveSince', 'excessAtStart']);
