import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

interface StuckConfig { readonly minReadings: number; readonly minDurationMs: number; readonly logP: number; readonly level: Level }

const config = configOf((rule: Rule): StuckConfig => ({
  minReadings: num(rule.params, 'minReadings', 6),
  minDurationMs: num(rule.params, 'minDurationS', 1800) * 1000,
  logP: Math.log(num(rule.params, 'probability', 1e-6)),
  level: paramLevel(rule.params),
}));

/**
 * Stuck (flatline): the same value repeated longer than this sensor ever repeats by chance.
 * Learned over the first 200 readings; then the run that raises it (lasting `minDurationS`) is the
 * longest of: `minReadings`; the length whose chance is below `probability` given the learned share
 * p of repeats (L = ln P / ln p, as runs of a Bernoulli process); twice the longest normal run seen.
 * Readings of a stuck run are faulty (not learned, no value alarms). Clears at the first changed
 * value. State: 5 numbers (≈ 0.1 KiB in all).
 */
export class StuckMonitor extends BaseMonitor {
  private readonly c: StuckConfig;
  private run = 1;
  private longestNormalRun = 1;
  declare private runStart: number;
  declare private repeatShare: number;
  declare private last: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.runStart = Number.NaN;
    this.repeatShare = 0.05;
    this.last = Number.NaN;
  }

  override get scored(): boolean {
    return true;
  }

  override get suppresses(): boolean {
    return true;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    this.score = 0;
    const repeat = value === this.last;
    const n = ctx.count < 2000 ? ctx.count : 2000;
    this.repeatShare += ((repeat ? 1 : 0) - this.repeatShare) / n;
    if (!repeat) {
      if (this.level === 0 && this.run > this.longestNormalRun) this.longestNormalRun = this.run;
      this.run = 1;
      this.runStart = ts;
      this.last = value;
      this.level = 0;
      return;
    }
    this.run++;
    if (ctx.count <= 200 || this.run < this.c.minReadings || ts - this.runStart < this.c.minDurationMs) return;
    const byChance = this.repeatShare > 0 && this.repeatShare < 1 ? this.c.logP / Math.log(this.repeatShare) : Infinity;
    if (this.run >= byChance && this.run >= 2 * this.longestNormalRun) {
      if (this.level === 0) { this.since = this.runStart; this.score = 0.9; }
      this.level = this.c.level;
      ctx.faulty = true;
    }
  }

  message(): string {
    return `stuck: value ${fmt(this.last)} repeated ${this.run} times`;
  }

  stateBytes(): number {
    return this.baseBytes(3);
  }
}
numericFields(StuckMonitor, ['runStart', 'repeatShare', 'last']);
