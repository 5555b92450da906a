import type { Level } from '../../../domain/index.js';
import { LEVEL_INFO } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
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
 * value hovering at a threshold does not flap. State: one start time per level + 1 number
 * (≈ 0.1 KiB in all).
 */
export class ThresholdMonitor extends BaseMonitor {
  private readonly c: ThresholdConfig;
  /**
   * Per level (index as in the config): since when the value has been beyond it, NaN when not —
   * `f64[beyondAt + i]`, after the numeric fields.
   */
  private readonly beyondAt: number;
  declare private lastValue: number;

  constructor(rule: Rule) {
    const c = config(rule);
    super(rule, c.levels.length);
    this.c = c;
    this.beyondAt = this.f64At + numericCount(ThresholdMonitor);
    this.f64.fill(Number.NaN, this.beyondAt, this.beyondAt + c.levels.length);
    this.lastValue = Number.NaN;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (ctx.faulty) return;
    this.lastValue = value;
    const { sign, levels, values, minDurationMs, hysteresis } = this.c;
    const beyondSince = this.f64, at = this.beyondAt;
    const current = this.level;
    let next: LevelOrNone = 0;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      // Holding a level already reached needs only the relaxed threshold (hysteresis).
      const held = current !== 0 && level >= current;
      const beyond = sign * (value - values[i]!) >= (held ? -hysteresis : 0);
      if (!beyond) { beyondSince[at + i] = Number.NaN; continue; }
      if (beyondSince[at + i] !== beyondSince[at + i]) beyondSince[at + i] = ts;
      if (next === 0 && (held || ts - beyondSince[at + i]! >= minDurationMs)) next = level;
    }
    if (next !== 0 && current === 0) this.since = beyondSince[at + levels.indexOf(next)]!;
    this.level = next;
  }

  message(ctx: SensorContext): string {
    const { sign, levels, values } = this.c;
    const i = this.level === 0 ? -1 : levels.indexOf(this.level);
    const threshold = i >= 0 ? values[i] : undefined;
    return `${this.rule.name ?? 'threshold'}: ${fmt(this.lastValue)} ${sign > 0 ? '≥' : '≤'} ${threshold === undefined ? '?' : fmt(threshold)} ${ctx.meta.quantity} (level ${this.level ? LEVEL_INFO[this.level].en : 'none'})`;
  }

  stateBytes(): number {
    return this.baseBytes(2, this.c.levels.length);
  }
}
numericFields(ThresholdMonitor, ['lastValue']);

export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : String(x);
}
