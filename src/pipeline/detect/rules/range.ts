import type { AlarmClass, Level } from '../../../domain/index.js';
import { QUANTITIES, isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/**
 * Physically impossible value: outside the quantity's physical range (or the rule's own min/max,
 * e.g. the instrument's span). The reading is marked faulty so nothing learns from it or alarms on
 * it; the alarm clears after `recoverReadings` good readings. State: 3 numbers.
 */
export class RangeMonitor extends BaseMonitor {
  override readonly suppresses = true;
  private readonly min: number;
  private readonly max: number;
  private readonly recoverReadings: number;
  private readonly alarmLevel: Level;
  private good = 0;
  private bad = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass, quantity: keyof typeof QUANTITIES) {
    super(rule, cls);
    const info = QUANTITIES[quantity];
    this.min = num(rule.params, 'min', info.min);
    this.max = num(rule.params, 'max', info.max);
    this.recoverReadings = num(rule.params, 'recoverReadings', 3);
    const level = rule.params?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(_ts: number, value: number, ctx: SensorContext): void {
    if (value < this.min || value > this.max) {
      ctx.faulty = true;
      this.bad = value;
      this.good = 0;
      this.level = this.alarmLevel;
    } else if (this.level !== 0 && ++this.good >= this.recoverReadings) {
      this.level = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `impossible value ${fmt(this.bad)} outside [${fmt(this.min)}, ${fmt(this.max)}] ${ctx.meta.quantity}`;
  }

  stateBytes(): number {
    return 96 + 7 * 8;
  }
}
