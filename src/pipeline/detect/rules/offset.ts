import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { HOUR } from '../time-constants.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

interface OffsetConfig { readonly minStep: number; readonly sigma: number; readonly confirmMs: number; readonly holdMs: number; readonly level: Level }

const config = configOf((rule: Rule): OffsetConfig => ({
  minStep: num(rule.params, 'minStep', 0),
  sigma: num(rule.params, 'sigma', 15),
  confirmMs: num(rule.params, 'confirmS', 600) * 1000,
  holdMs: num(rule.params, 'holdS', HOUR / 1000) * 1000,
  level: paramLevel(rule.params),
}));

/**
 * Sudden offset: the reading jumps within one interval (by `minStep` and `sigma` × the robust scale
 * of reading-to-reading changes) away from both a fast and a slow local level, and stays — every
 * reading for `confirmS` keeps at least half the jump, measured from the level before it moved on
 * along the slope it had. Recalibrations, replaced sensors and valve or pressure-reducing-valve
 * settings do this; a pump switching on and off (a dip that comes back within minutes — and its way
 * back lands on the slow level, so it is no jump) and the daily cycle (gradual) do not, nor does a
 * jump while another alarm of the sensor is active (a main coming back after a burst). The alarm is
 * a marker held for `holdS`. State: 11 numbers.
 */
export class OffsetMonitor extends BaseMonitor {
  private readonly c: OffsetConfig;
  private prev = Number.NaN;
  /** Local levels (τ ≈ 3 and ≈ 20 readings) and slope, not moved by a candidate jump. */
  private base = Number.NaN;
  private slowBase = Number.NaN;
  private slope = 0;
  private candidate = false;
  private t0 = 0;
  private ref0 = 0;
  private slope0 = 0;
  private step0 = 0;
  private raisedAt = Number.NaN;
  private seen = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    this.c = config(rule);
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    const c = this.c;
    if (this.level !== 0 && ts - this.raisedAt > c.holdMs) this.level = 0;
    if (ctx.faulty) { this.prev = Number.NaN; return; }
    const prev = this.prev;
    this.prev = x;
    if (prev !== prev || (ctx.intervalKnown && ctx.gapMs > 3 * ctx.intervalMs)) { this.candidate = false; this.base = this.slowBase = x; return; }
    const d = x - prev;
    const interval = ctx.intervalKnown ? ctx.intervalMs : ctx.gapMs || 1;
    const steps = ctx.gapMs / interval;
    if (this.candidate) {
      const expected = this.ref0 + this.slope0 * ((ts - this.t0) / interval + 1);
      const dev = (this.step0 > 0 ? 1 : -1) * (x - expected);
      if (dev < 0.5 * Math.abs(this.step0)) this.candidate = false;
      else if (ts - this.t0 >= c.confirmMs) {
        this.candidate = false;
        this.level = c.level;
        this.since = this.t0;
        this.raisedAt = ts;
        this.score = 0.9;
      }
      return;
    }
    const scale = ctx.diffScale;
    const threshold = Math.max(c.minStep, c.sigma * scale);
    const fromBase = x - (this.base + this.slope * steps);
    const fromSlow = x - (this.slowBase + this.slope * steps);
    // A jump while another alarm is active belongs to that event (a burst main coming back on).
    const othersAlarmed = ctx.activeAlarms > (this.level !== 0 ? 1 : 0);
    if (this.seen > 60 && scale === scale && steps <= 1.5 && !othersAlarmed && Math.abs(d) >= threshold
      && Math.abs(fromBase) >= threshold && Math.abs(fromSlow) >= threshold && d * fromBase > 0 && d * fromSlow > 0) {
      this.candidate = true;
      this.t0 = ts;
      this.ref0 = this.base;
      this.slope0 = this.slope;
      this.step0 = fromBase;
      return;
    }
    this.slope += 0.1 * (d / (steps > 1 ? steps : 1) - this.slope);
    this.base = this.base !== this.base ? x : this.base + this.slope * steps + 0.3 * (x - this.base - this.slope * steps);
    this.slowBase = this.slowBase !== this.slowBase ? x : this.slowBase + this.slope * steps + 0.05 * (x - this.slowBase - this.slope * steps);
    this.seen++;
  }

  message(ctx: SensorContext): string {
    return `${this.rule.name ?? 'sudden offset'}: the reading jumped by ${fmt(this.step0)} ${ctx.meta.quantity} at ${new Date(this.t0).toISOString()} and stayed (recalibration, replaced sensor, or a valve setting?)`;
  }

  stateBytes(): number {
    return 64 + 11 * 16;
  }
}
