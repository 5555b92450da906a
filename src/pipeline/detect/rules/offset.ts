import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import { Smoother, DAY, HOUR } from '../time-constants.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/**
 * Sudden offset: the reading jumps within one interval (by `minStep` and `sigma` × the robust scale
 * of reading-to-reading changes) and stays there — every reading for `confirmS` keeps at least half
 * the jump, measured from the value before it moved on along the slope it had. Recalibrations,
 * replaced sensors and valve or pressure-reducing-valve settings do this; a pump switching on and
 * off (a dip that comes back within minutes) and the daily cycle (gradual) do not. The alarm is a
 * marker held for `holdS`. State: 10 numbers.
 */
export class OffsetMonitor extends BaseMonitor {
  private readonly minStep: number;
  private readonly sigma: number;
  private readonly confirmMs: number;
  private readonly holdMs: number;
  private readonly alarmLevel: Level;
  private readonly scaleS = new Smoother(DAY);
  private diffScale = Number.NaN;
  private prev = Number.NaN;
  /**
   * Local levels (τ ≈ 3 and ≈ 20 readings) and slope, not moved by a candidate jump. A jump must
   * leave both: the way back from a dip of a few readings lands on the slow level, so it is no jump.
   */
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
    const p = rule.params;
    this.minStep = num(p, 'minStep', 0);
    this.sigma = num(p, 'sigma', 15);
    this.confirmMs = num(p, 'confirmS', 600) * 1000;
    this.holdMs = num(p, 'holdS', HOUR / 1000) * 1000;
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    if (this.level !== 0 && ts - this.raisedAt > this.holdMs) this.level = 0;
    if (ctx.faulty) { this.prev = Number.NaN; return; }
    const prev = this.prev;
    this.prev = x;
    if (prev !== prev || (ctx.intervalKnown && ctx.gapMs > 3 * ctx.intervalMs)) { this.candidate = false; this.base = this.slowBase = x; return; }
    const d = x - prev;
    const steps = ctx.intervalKnown ? ctx.gapMs / Math.max(ctx.intervalMs, 1) : 1;
    if (this.candidate) {
      const expected = this.ref0 + this.slope0 * ((ts - this.t0) / Math.max(ctx.intervalMs || 1, 1) + 1);
      const dev = Math.sign(this.step0) * (x - expected);
      if (dev < 0.5 * Math.abs(this.step0)) { this.candidate = false; }
      else if (ts - this.t0 >= this.confirmMs) {
        this.candidate = false;
        this.level = this.alarmLevel;
        this.since = this.t0;
        this.raisedAt = ts;
      }
      return;
    }
    const scale = this.diffScale;
    const threshold = Math.max(this.minStep, this.sigma * scale);
    const fromBase = x - (this.base + this.slope * steps);
    const fromSlow = x - (this.slowBase + this.slope * steps);
    if (this.seen > 60 && scale === scale && Math.abs(d) >= threshold && Math.abs(fromBase) >= threshold
      && Math.abs(fromSlow) >= threshold && d * fromBase > 0 && d * fromSlow > 0 && steps <= 1.5) {
      this.candidate = true;
      this.t0 = ts;
      this.ref0 = this.base;
      this.slope0 = this.slope;
      this.step0 = fromBase;
      return;
    }
    this.base = this.base !== this.base ? x : this.base + this.slope * steps + 0.3 * (x - this.base - this.slope * steps);
    this.slowBase = this.slowBase !== this.slowBase ? x : this.slowBase + this.slope * steps + 0.05 * (x - this.slowBase - this.slope * steps);
    // Learn the normal change per reading (clipped at 4 scales) and the local slope.
    const ad = Math.abs(d);
    this.diffScale = scale !== scale ? ad : scale + (this.seen < 100 ? 1 / (this.seen + 1) : this.scaleS.alpha(ctx.gapMs)) * (Math.min(ad, 4 * scale + 1e-12) - scale);
    this.slope += 0.1 * (d / Math.max(steps, 1) - this.slope);
    this.seen++;
  }

  message(ctx: SensorContext): string {
    return `${this.rule.name ?? 'sudden offset'}: the reading jumped by ${fmt(this.step0)} ${ctx.meta.quantity} at ${new Date(this.t0).toISOString()} and stayed (recalibration, replaced sensor, or a valve setting?)`;
  }

  stateBytes(): number {
    return 96 + 16 * 8;
  }
}
