import type { AlarmClass } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import type { LevelOrNone } from '../monitor.js';
import { Smoother, DAY, HOUR, MINUTE } from '../time-constants.js';
import { levelSteps } from './levels.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

const PER_MS = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/**
 * Rate of change (per minute, hour or day) over a window W, from two exponential averages:
 * for a ramp x = s·t an average with time constant τ lags by s·τ, so
 * slope = (fast − slow) / (τ_slow − τ_fast) with τ_fast = W/8 and τ_slow = W/2 — O(1), noise-averaged
 * over the window, no buffer. Levels as for thresholds, with a minimum duration and a 20 % hysteresis.
 * State: 2 averages + 4 level start times.
 */
export class RateMonitor extends BaseMonitor {
  private readonly sign: 1 | -1;
  private readonly levels: number[];
  private readonly values: number[];
  private readonly perMs: number;
  private readonly minDurationMs: number;
  private readonly fastS: Smoother;
  private readonly slowS: Smoother;
  private readonly lagMs: number;
  private readonly windowMs: number;
  private fast = Number.NaN;
  private slow = Number.NaN;
  private startTs = Number.NaN;
  private rate = 0;
  private readonly beyondSince: Float64Array;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params ?? {};
    if (p.direction !== 'rise' && p.direction !== 'fall') throw new Error(`rule ${rule.id}: params.direction must be 'rise' or 'fall'`);
    if (p.per !== 'minute' && p.per !== 'hour' && p.per !== 'day') throw new Error(`rule ${rule.id}: params.per must be minute, hour or day`);
    this.sign = p.direction === 'fall' ? -1 : 1;
    this.perMs = PER_MS[p.per];
    const s = levelSteps(p.levels, 1, `rule ${rule.id}`);
    this.levels = s.levels;
    this.values = s.values.map(Math.abs);
    this.windowMs = num(p, 'windowS', this.perMs / 1000) * 1000;
    this.minDurationMs = num(p, 'minDurationS', 0) * 1000;
    this.fastS = new Smoother(this.windowMs / 8);
    this.slowS = new Smoother(this.windowMs / 2);
    this.lagMs = this.windowMs / 2 - this.windowMs / 8;
    this.beyondSince = new Float64Array(this.levels.length).fill(Number.NaN);
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (ctx.faulty) return;
    if (this.fast !== this.fast) { this.fast = this.slow = value; this.startTs = ts; return; }
    const dt = ctx.gapMs;
    this.fast += this.fastS.alpha(dt) * (value - this.fast);
    this.slow += this.slowS.alpha(dt) * (value - this.slow);
    // The estimate is biased low until the slow average has seen about one window.
    if (ts - this.startTs < this.windowMs) return;
    this.rate = this.sign * ((this.fast - this.slow) / this.lagMs) * this.perMs;
    const current = this.level;
    let next: LevelOrNone = 0;
    for (let i = 0; i < this.levels.length; i++) {
      const level = this.levels[i]!;
      const held = current !== 0 && level >= current;
      const beyond = this.rate >= (held ? 0.8 : 1) * this.values[i]!;
      if (!beyond) { this.beyondSince[i] = Number.NaN; continue; }
      if (this.beyondSince[i] !== this.beyondSince[i]) this.beyondSince[i] = ts;
      if (next === 0 && (held || ts - this.beyondSince[i]! >= this.minDurationMs)) next = level as LevelOrNone;
    }
    this.level = next;
  }

  message(ctx: SensorContext): string {
    const per = this.perMs === MINUTE ? 'min' : this.perMs === HOUR ? 'h' : 'd';
    return `${this.rule.name ?? 'rate of change'}: ${this.sign > 0 ? 'rising' : 'falling'} ${fmt(this.rate)} ${ctx.meta.quantity}/${per}`;
  }

  stateBytes(): number {
    return 96 + 12 * 8 + this.levels.length * 24;
  }
}
