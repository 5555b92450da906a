import type { AlarmClass } from '../../../domain/index.js';
import { LEVEL_INFO } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import type { LevelOrNone } from '../monitor.js';
import { levelSteps } from './levels.js';
import type { Rule } from './types.js';

/**
 * Multi-level threshold: the value beyond a level's threshold (above or below) for at least
 * `minDurationS` raises or escalates to that level; it clears (or stays) with `hysteresis`, so a
 * value hovering at a threshold does not flap. State: 4 start times + 4 numbers.
 */
export class ThresholdMonitor extends BaseMonitor {
  private readonly sign: 1 | -1;
  private readonly levels: number[];
  private readonly values: number[];
  private readonly minDurationMs: number;
  private readonly hysteresis: number;
  /** Per level (index as in `levels`): since when the value has been beyond it, NaN when not. */
  private readonly beyondSince: Float64Array;
  private lastValue = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params ?? {};
    this.sign = p.direction === 'below' ? -1 : 1;
    if (p.direction !== 'above' && p.direction !== 'below') throw new Error(`rule ${rule.id}: params.direction must be 'above' or 'below'`);
    const s = levelSteps(p.levels, this.sign, `rule ${rule.id}`);
    this.levels = s.levels;
    this.values = s.values;
    this.minDurationMs = num(p, 'minDurationS', 0) * 1000;
    this.hysteresis = Math.abs(num(p, 'hysteresis', 0));
    this.beyondSince = new Float64Array(this.levels.length).fill(Number.NaN);
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (ctx.faulty) return;
    this.lastValue = value;
    const current = this.level;
    let next: LevelOrNone = 0;
    for (let i = 0; i < this.levels.length; i++) {
      const level = this.levels[i]!;
      // Holding a level already reached needs only the relaxed threshold (hysteresis).
      const held = current !== 0 && level >= current;
      const margin = held ? this.hysteresis : 0;
      const beyond = this.sign * (value - this.values[i]!) >= -margin;
      if (!beyond) { this.beyondSince[i] = Number.NaN; continue; }
      if (this.beyondSince[i] !== this.beyondSince[i]) this.beyondSince[i] = ts;
      if (next === 0 && (held || ts - this.beyondSince[i]! >= this.minDurationMs)) next = level as LevelOrNone;
    }
    if (next !== 0 && current === 0) this.since = this.beyondSince[this.levels.indexOf(next)]!;
    this.level = next;
  }

  message(ctx: SensorContext): string {
    const i = this.levels.indexOf(this.level);
    const threshold = i >= 0 ? this.values[i] : undefined;
    const unit = ctx.meta.quantity;
    return `${this.rule.name ?? 'threshold'}: ${fmt(this.lastValue)} ${this.sign > 0 ? '≥' : '≤'} ${threshold === undefined ? '?' : fmt(threshold)} (${unit}, level ${this.level ? LEVEL_INFO[this.level].en : 'none'})`;
  }

  stateBytes(): number {
    return 96 + this.levels.length * 24 + 4 * 8;
  }
}

export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : String(x);
}
