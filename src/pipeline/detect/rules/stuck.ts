import type { Level, Quantity } from '../../../domain/index.js';
import { QUANTITIES } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configByQuantityOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { DAY as DAY_MS } from '../time-constants.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;

interface StuckConfig {
  readonly minReadings: number; readonly minDurationMs: number; readonly logP: number; readonly level: Level;
  /** The instrument's span: a value pinned at either end is clamped, not frozen. */
  readonly floor: number; readonly ceiling: number;
}

const config = configByQuantityOf((rule: Rule, quantity: Quantity): StuckConfig => {
  const info = QUANTITIES[quantity];
  return {
    minReadings: num(rule.params, 'minReadings', 6),
    minDurationMs: num(rule.params, 'minDurationS', 1800) * 1000,
    logP: Math.log(num(rule.params, 'probability', 1e-6)),
    level: paramLevel(rule.params),
    floor: num(rule.params, 'min', info.min),
    ceiling: num(rule.params, 'max', info.max),
  };
});

/** Visits to the lowest (highest) value after which it counts as the sensor's floor (ceiling). */
const FLOOR_VISITS = 3;
/** A series that repeats its last value more often than not is at its resolution: repeats are its normal. */
const COMMON_REPEATS = 0.5;

/**
 * Stuck (flatline): the same value repeated longer than this sensor ever repeats by chance.
 * The run that raises it (lasting `minDurationS`, after 200 readings) is the longest of: `minReadings`;
 * the length whose chance is below `probability` given the learned share p of repeats (L = ln P / ln p,
 * as runs of a Bernoulli process); twice the longest normal run seen.
 *
 * Not stuck, because a constant value is what a working sensor reports there:
 * - a value pinned at the end of the instrument's span (`min`/`max`, by default the quantity's physical
 *   range: methane 0 %LEL in a clean vault, no rain) or at the sensor's own floor or ceiling (its lowest
 *   or highest value, which it has come back to before: a zero offset, a clamp, a saturated reading).
 *   Such runs are not learned either, so hours at the floor do not make a later freeze look normal;
 * - a series whose quantization step makes repeats common (p ≥ 0.5: the noise is below one step):
 *   its runs are as long as the signal stays within one step, which depends on the time of day, so it
 *   is judged only after two days of history and against three times its longest normal run.
 * p and the longest run are learned from completed runs, so a run in progress does not teach itself
 * that it is normal. Readings of a stuck run are faulty (not learned, no value alarms). Clears at the
 * first changed value. State: 9 numbers (≈ 0.15 KiB in all).
 */
export class StuckMonitor extends BaseMonitor {
  private readonly c: StuckConfig;
  private run = 1;
  private longestNormalRun = 1;
  private loVisits = 0;
  private hiVisits = 0;
  declare private runStart: number;
  declare private repeatShare: number;
  declare private last: number;
  declare private lo: number;
  declare private hi: number;

  constructor(rule: Rule, quantity: Quantity) {
    super(rule);
    this.c = config(rule, quantity);
    this.runStart = Number.NaN;
    this.repeatShare = 0.05;
    this.last = Number.NaN;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }

  override get scored(): boolean {
    return true;
  }

  override get suppresses(): boolean {
    return true;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    this.score = 0;
    if (value === this.last) {
      const run = ++this.run;
      if (ctx.count <= 200 || run < this.c.minReadings || ts - this.runStart < this.c.minDurationMs) return;
      if (this.level !== 0) { ctx.faulty = true; return; }
      this.judge(value, run, ctx);
      return;
    }
    if (this.level === 0 && this.last === this.last) this.learn(ctx);
    this.run = 1;
    this.runStart = ts;
    this.last = value;
    this.level = 0;
    if (ctx.faulty) return;
    if (value < this.lo) { this.lo = value; this.loVisits = 1; } else if (value === this.lo) this.loVisits++;
    if (value > this.hi) { this.hi = value; this.hiVisits = 1; } else if (value === this.hi) this.hiVisits++;
  }

  /** A normal run (of `last`) ended: learn the share of repeats and the longest run, unless it sat at the span's ends. */
  private learn(ctx: SensorContext): void {
    const run = this.run, last = this.last;
    if (last <= this.c.floor || last >= this.c.ceiling) return;
    if (run > this.longestNormalRun) this.longestNormalRun = run;
    // The run is `run` transitions: run − 1 repeats, then a change.
    const n = ctx.count < 2000 ? ctx.count : 2000;
    const w = run < n ? run / n : 1;
    this.repeatShare += ((run - 1) / run - this.repeatShare) * w;
  }

  private judge(value: number, run: number, ctx: SensorContext): void {
    const c = this.c;
    if (value <= c.floor || value >= c.ceiling) return;
    if ((value === this.lo && this.loVisits >= FLOOR_VISITS) || (value === this.hi && this.hiVisits >= FLOOR_VISITS)) return;
    const p = this.repeatShare;
    const common = p >= COMMON_REPEATS;
    if (common && !(ctx.count * ctx.intervalMs >= 2 * DAY)) return;
    const byChance = p > 0 && p < 1 ? c.logP / Math.log(p) : Infinity;
    if (run >= byChance && run >= (common ? 3 : 2) * this.longestNormalRun) {
      this.since = this.runStart;
      this.score = 0.9;
      this.level = c.level;
      ctx.faulty = true;
    }
  }

  message(): string {
    return `stuck: value ${fmt(this.last)} repeated ${this.run} times`;
  }

  stateBytes(): number {
    return this.baseBytes(5);
  }
}
numericFields(StuckMonitor, ['runStart', 'repeatShare', 'last', 'lo', 'hi']);
