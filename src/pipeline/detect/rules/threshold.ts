import type { AlarmClass, Level } from '../../../domain/index.js';
import { LEVEL_INFO } from '../../../domain/index.js';
import { float64s } from '../arena.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import type { LevelOrNone } from '../monitor.js';
import { levelSteps } from './levels.js';
import type { Rule } from './types.js';

interface ThresholdConfig {
  readonly sign: 1 | -1;
  readonly levels: readonly Level[];
  readonly values: readonly number[];
  readonly minDurationMs: number;
  readonly hysteresis: number;
}

const config = configOf((rule: Rule): ThresholdConfig => {
  const p = rule.params ?? {};
  if (p.direction !== 'above' && p.direction !== 'below') throw new Error(`rule ${rule.id}: params.direction must be 'above' or 'below'`);
  const sign = p.direction === 'below' ? -1 : 1;
  const s = levelSteps(p.levels, sign, `rule ${rule.id}`);
  return { sign, levels: s.levels, values: s.values, minDurationMs: num(p, 'minDurationS', 0) * 1000, hysteresis: Math.abs(num(p, 'hysteresis', 0)) };
});

/**
 * Multi-level threshold: the value beyond a level's threshold (above or below) for at least
 * `minDurationS` raises or escalates to that level; it clears (or stays) with `hysteresis`, so a
 * value hovering at a threshold does not flap. State: one start time per level + 1 number.
 */
export class ThresholdMonitor extends BaseMonitor {
  private readonly c: ThresholdConfig;
  /** Per level (index as in the config): since when the value has been beyond it, NaN when not. */
  private readonly beyondSince: Float64Array;
  private lastValue = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    this.c = config(rule);
    this.beyondSince = float64s(this.c.levels.length).fill(Number.NaN);
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (ctx.faulty) return;
    this.lastValue = value;
    const { sign, levels, values, minDurationMs, hysteresis } = this.c;
    const current = this.level;
    let next: LevelOrNone = 0;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      // Holding a level already reached needs only the relaxed threshold (hysteresis).
      const held = current !== 0 && level >= current;
      const beyond = sign * (value - values[i]!) >= (held ? -hysteresis : 0);
      if (!beyond) { this.beyondSince[i] = Number.NaN; continue; }
      if (this.beyondSince[i] !== this.beyondSince[i]) this.beyondSince[i] = ts;
      if (next === 0 && (held || ts - this.beyondSince[i]! >= minDurationMs)) next = level;
    }
    if (next !== 0 && current === 0) this.since = this.beyondSince[levels.indexOf(next)]!;
    this.level = next;
  }

  message(ctx: SensorContext): string {
    const { sign, levels, values } = this.c;
    const i = this.level === 0 ? -1 : levels.indexOf(this.level);
    const threshold = i >= 0 ? values[i] : undefined;
    return `${this.rule.name ?? 'threshold'}: ${fmt(this.lastValue)} ${sign > 0 ? '≥' : '≤'} ${threshold === undefined ? '?' : fmt(threshold)} ${ctx.meta.quantity} (level ${this.level ? LEVEL_INFO[this.level].en : 'none'})`;
  }

  stateBytes(): number {
    return 64 + 72 + this.c.levels.length * 8 + 16;
  }
}

export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : String(x);
}
