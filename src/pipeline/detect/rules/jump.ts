import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import { HOUR, MINUTE } from '../time-constants.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/**
 * Physically impossible jump: the value changed faster than the quantity can change in the world
 * (`maxPerMinute`, in the quantity's unit per minute; e.g. a bridge's strain cannot move 1,000 με
 * in a minute in service). The reading is faulty; the alarm holds for `holdS`. State: 4 numbers.
 */
export class JumpMonitor extends BaseMonitor {
  override readonly suppresses = true;
  private readonly maxPerMinute: number;
  private readonly holdMs: number;
  private readonly alarmLevel: Level;
  private last = Number.NaN;
  private lastJumpTs = Number.NaN;
  private rate = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.maxPerMinute = num(p, 'maxPerMinute', Infinity);
    this.holdMs = num(p, 'holdS', HOUR / 1000) * 1000;
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (this.level !== 0 && ts - this.lastJumpTs > this.holdMs) this.level = 0;
    if (ctx.faulty) return;
    const last = this.last;
    this.last = value;
    if (last !== last || ctx.gapMs <= 0) return;
    // A gap longer than a minute is judged at the rate over one minute: the change may have taken the whole gap.
    const rate = Math.abs(value - last) / Math.max(ctx.gapMs, MINUTE) * MINUTE;
    if (rate > this.maxPerMinute) {
      if (this.level === 0) this.since = ts;
      this.level = this.alarmLevel;
      this.lastJumpTs = ts;
      this.rate = rate;
      ctx.faulty = true;
      this.last = last; // keep the last believable value as the reference
    }
  }

  message(ctx: SensorContext): string {
    return `impossible jump: ${fmt(this.rate)} ${ctx.meta.quantity}/min (at most ${fmt(this.maxPerMinute)})`;
  }

  stateBytes(): number {
    return 96 + 7 * 8;
  }
}
