import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { paramLevel } from '../rules/param-level.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { DAY as DAY_MS, HOUR as HOUR_MS, Smoother } from '../time-constants.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;
const HOUR = HOUR_MS;
/** Shared by every sensor: it only caches e^(−Δt/τ) for the last Δt seen. */
const BACKGROUND = new Smoother(DAY);

interface GasLeakConfig {
  readonly minRise: number; readonly minDurationMs: number; readonly toleranceMs: number;
  readonly sustainFraction: number; readonly maxHoldMs: number; readonly level: Level;
}

const config = configOf((rule: Rule): GasLeakConfig => ({
  minRise: num(rule.params, 'minRise', 2),
  minDurationMs: num(rule.params, 'minDurationS', 45 * 60) * 1000,
  toleranceMs: num(rule.params, 'toleranceS', 5 * 60) * 1000,
  sustainFraction: num(rule.params, 'sustainFraction', 0.6),
  maxHoldMs: num(rule.params, 'maxHoldS', 24 * 3600) * 1000,
  level: paramLevel(rule.params, 3),
}));

/**
 * Gas leak versus sewer biogas. Methane next to a gas main that rises above its background and
 * stays up is a leak (gas keeps coming until the main is repaired); biogas from a sewer comes in
 * bumps that rise and fall within tens of minutes. So: the elevation above a slowly learned
 * background must exceed `minRise` (%LEL) continuously (dips shorter than `toleranceS` allowed) for
 * `minDurationS` — longer than biogas bumps last — and must not be decaying (the value is still at
 * least `sustainFraction` of the episode's peak). The background (τ = 1 day) is learned only while
 * nothing is elevated; after `maxHoldS` of elevation it is accepted as the new background.
 * State: 6 numbers (≈ 0.1 KiB in all).
 */
export class GasLeakMonitor extends BaseMonitor {
  private readonly c: GasLeakConfig;
  private seen = 0;
  declare private background: number;
  declare private elevatedSince: number;
  declare private lastElevated: number;
  declare private peak: number;
  declare private rise: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.background = this.elevatedSince = this.lastElevated = Number.NaN;
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const c = this.c;
    this.seen++;
    if (this.background !== this.background) { this.background = x; return; }
    const e = x - this.background;
    this.rise = e;
    if (e >= c.minRise) {
      if (this.elevatedSince !== this.elevatedSince) { this.elevatedSince = ts; this.peak = e; }
      this.lastElevated = ts;
      if (e > this.peak) this.peak = e;
    } else if (this.elevatedSince === this.elevatedSince && ts - this.lastElevated > c.toleranceMs) {
      this.elevatedSince = Number.NaN; // the episode is over
      this.level = 0;
    }
    if (this.elevatedSince !== this.elevatedSince) {
      // Learn the background from quiet readings only (the first hour learns fast); rises are clipped.
      const a = this.seen < 60 ? 1 / this.seen : BACKGROUND.alpha(ctx.gapMs);
      this.background += a * (e < c.minRise / 2 ? e : c.minRise / 2);
      return;
    }
    const lasted = ts - this.elevatedSince;
    this.score = Math.min(1, (lasted / c.minDurationMs) * Math.min(1, e / (2 * c.minRise)));
    if (lasted >= c.minDurationMs && (this.level !== 0 || e >= c.sustainFraction * this.peak)) {
      if (this.level === 0) this.since = this.elevatedSince;
      this.level = c.level;
    }
    if (lasted > c.maxHoldMs) {
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
    return this.baseBytes(2);
  }
}
numericFields(GasLeakMonitor, ['background', 'elevatedSince', 'lastElevated', 'peak', 'rise']);
