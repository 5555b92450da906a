import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
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
 * a marker held for `holdS`. State: 11 numbers (≈ 0.2 KiB in all).
 */
export class OffsetMonitor extends BaseMonitor {
  private readonly c: OffsetConfig;
  private candidate = false;
  private seen = 0;
  declare private prev: number;
  /** Local levels (τ ≈ 3 and ≈ 20 readings) and slope, not moved by a candidate jump. */
  declare private base: number;
  declare private slowBase: number;
  declare private slope: number;
  declare private t0: number;
  declare private ref0: number;
  declare private slope0: number;
  declare private step0: number;
  declare private raisedAt: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.prev = this.base = this.slowBase = this.raisedAt = Number.NaN;
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
    // (Numbers are read into locals once: each access of a run field is an inlined accessor.)
    const base = this.base, slowBase = this.slowBase;
    let slope = this.slope;
    const scale = ctx.diffScale;
    const threshold = Math.max(c.minStep, c.sigma * scale);
    const fromBase = x - (base + slope * steps);
    const fromSlow = x - (slowBase + slope * steps);
    // A jump while another alarm is active belongs to that event (a burst main coming back on).
    const othersAlarmed = ctx.activeAlarms > (this.level !== 0 ? 1 : 0);
    if (this.seen > 60 && scale === scale && steps <= 1.5 && !othersAlarmed && Math.abs(d) >= threshold
      && Math.abs(fromBase) >= threshold && Math.abs(fromSlow) >= threshold && d * fromBase > 0 && d * fromSlow > 0) {
      this.candidate = true;
      this.t0 = ts;
      this.ref0 = base;
      this.slope0 = slope;
      this.step0 = fromBase;
      return;
    }
    slope += 0.1 * (d / (steps > 1 ? steps : 1) - slope);
    this.slope = slope;
    this.base = base !== base ? x : base + slope * steps + 0.3 * (x - base - slope * steps);
    this.slowBase = slowBase !== slowBase ? x : slowBase + slope * steps + 0.05 * (x - slowBase - slope * steps);
    this.seen++;
  }

  message(ctx: SensorContext): string {
    return `${this.rule.name ?? 'sudden offset'}: the reading jumped by ${fmt(this.step0)} ${ctx.meta.quantity} at ${new Date(this.t0).toISOString()} and stayed (recalibration, replaced sensor, or a valve setting?)`;
  }

  stateBytes(): number {
    return this.baseBytes(3);
  }
}
numericFields(OffsetMonitor, ['prev', 'base', 'slowBase', 'slope', 't0', 'ref0', 'slope0', 'step0', 'raisedAt']);
