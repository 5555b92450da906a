import type { Level, Quantity } from '../../../domain/index.js';
import { QUANTITIES } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configByQuantityOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

interface RangeConfig { readonly min: number; readonly max: number; readonly recoverReadings: number; readonly level: Level }

const config = configByQuantityOf((rule: Rule, quantity: Quantity): RangeConfig => {
  const info = QUANTITIES[quantity];
  return { min: num(rule.params, 'min', info.min), max: num(rule.params, 'max', info.max), recoverReadings: num(rule.params, 'recoverReadings', 3), level: paramLevel(rule.params) };
});

/**
 * Physically impossible value: outside the quantity's physical range (or the rule's own min/max,
 * e.g. the instrument's span). The reading is marked faulty so nothing learns from it or alarms on
 * it; the alarm clears after `recoverReadings` good readings. State: 2 numbers (≈ 0.1 KiB in all).
 */
export class RangeMonitor extends BaseMonitor {
  private readonly c: RangeConfig;
  private good = 0;
  declare private bad: number;

  constructor(rule: Rule, quantity: Quantity) {
    super(rule);
    this.c = config(rule, quantity);
    this.bad = Number.NaN;
  }

  override get scored(): boolean {
    return true;
  }

  override get suppresses(): boolean {
    return true;
  }

  step(_ts: number, value: number, ctx: SensorContext): void {
    this.score = 0;
    if (value < this.c.min || value > this.c.max) {
      ctx.faulty = true;
      this.score = 0.95;
      this.bad = value;
      this.good = 0;
      this.level = this.c.level;
    } else if (this.level !== 0 && ++this.good >= this.c.recoverReadings) {
      this.level = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `impossible value ${fmt(this.bad)} outside [${fmt(this.c.min)}, ${fmt(this.c.max)}] ${ctx.meta.quantity}`;
  }

  stateBytes(): number {
    return this.baseBytes(2);
  }
}
numericFields(RangeMonitor, ['bad']);
