import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/**
 * Stuck (flatline): the same value repeated longer than this sensor ever repeats by chance.
 * Learned over the first 200 readings, then the run that raises it (lasting `minDurationS`) is the longest of: `minReadings`; the length whose chance is below
 * `probability` given the learned share p of repeats (L = ln P / ln p, as runs of a Bernoulli
 * process); twice the longest normal run seen. Readings of a stuck run are faulty (not learned,
 * no value alarms). Clears at the first changed value. State: 6 numbers.
 */
export class StuckMonitor extends BaseMonitor {
  override readonly suppresses = true;
  private readonly minReadings: number;
  private readonly minDurationMs: number;
  private readonly logP: number;
  private readonly alarmLevel: Level;
  private run = 1;
  private runStart = Number.NaN;
  private repeatShare = 0.05;
  private longestNormalRun = 1;
  private last = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.minReadings = num(p, 'minReadings', 6);
    this.minDurationMs = num(p, 'minDurationS', 1800) * 1000;
    this.logP = Math.log(num(p, 'probability', 1e-6));
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    const repeat = value === this.last;
    const n = Math.min(ctx.count, 2000);
    this.repeatShare += ((repeat ? 1 : 0) - this.repeatShare) / n;
    if (repeat) {
      this.run++;
    } else {
      if (this.level === 0 && this.run > this.longestNormalRun) this.longestNormalRun = this.run;
      this.run = 1;
      this.runStart = ts;
      this.last = value;
      this.level = 0;
      return;
    }
    const byChance = this.repeatShare > 0 && this.repeatShare < 1 ? this.logP / Math.log(this.repeatShare) : Infinity;
    const needed = Math.max(this.minReadings, byChance, 2 * this.longestNormalRun);
    if (ctx.count > 200 && this.run >= needed && ts - this.runStart >= this.minDurationMs) {
      if (this.level === 0) this.since = this.runStart;
      this.level = this.alarmLevel;
      ctx.faulty = true;
    }
  }

  message(): string {
    return `stuck: value ${fmt(this.last)} repeated ${this.run} times`;
  }

  stateBytes(): number {
    return 96 + 10 * 8;
  }
}
