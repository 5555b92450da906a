import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { DailyProfile } from '../detectors/daily-profile.js';
import { RobustHolt } from '../detectors/robust-holt.js';
import { BaseMonitor, num } from '../monitor.js';
import type { LevelOrNone } from '../monitor.js';
import { levelSteps } from '../rules/levels.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { HOUR } from '../time-constants.js';
import { EnvelopeFilter } from './envelope-filter.js';

type Phase = 'watching' | 'candidate' | 'alarm';

/**
 * A sudden, sustained change of level: a water main burst (pressure drops at once and stays down
 * until the main is isolated) or a bridge's permanent baseline offset after damage. Transients that
 * come back within `confirmS` (pump switching: dips of 2–5 min) are not alarms.
 *  - the reference is a robust Holt forecast of the (optionally envelope-filtered) series, frozen
 *    from the moment the value leaves it;
 *  - a candidate starts when the value is beyond the reference by `minStep` and by `minSigma` × the
 *    forecast's σ; it is dropped if the value comes back halfway within `confirmS`, else it alarms
 *    at the level of its size (`levels`: step sizes);
 *  - while alarmed, the expected value is the frozen reference moved along the learned daily profile;
 *    the alarm clears when the deviation is back under `clearFraction` of the step (the main was
 *    isolated and repaired), or after `maxHoldS`, when the new level is accepted as normal.
 * After a gap in the data (dropout, stuck or impossible readings) the reference restarts from the
 * first good reading: a level that moved while the sensor was silent is not a sudden change.
 * State: Holt + daily profile + envelope window + 10 numbers ≈ 0.9 KiB.
 */
export class StepChangeMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly sign: -1 | 0 | 1;
  private readonly minStep: number;
  private readonly minSigma: number;
  private readonly confirmMs: number;
  private readonly clearFraction: number;
  private readonly maxHoldMs: number;
  private readonly levels: number[];
  private readonly values: number[];
  private readonly holt = new RobustHolt(0.2, 0.02, 0.9, 3);
  private readonly profile = new DailyProfile(7);
  private readonly filter: EnvelopeFilter;
  private phase: Phase = 'watching';
  private t0 = 0;
  private ref0 = 0;
  private trend0 = 0;
  private profile0 = Number.NaN;
  private step0 = 0;
  private deviation = 0;
  private stepSign = 1;
  private backCount = 0;
  private seen = 0;
  private lastTs = Number.NaN;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params ?? {};
    this.sign = p.direction === 'fall' ? -1 : p.direction === 'rise' ? 1 : 0;
    this.minStep = num(p, 'minStep', 0);
    this.minSigma = num(p, 'minSigma', 10);
    this.confirmMs = num(p, 'confirmS', 480) * 1000;
    this.clearFraction = num(p, 'clearFraction', 0.3);
    this.maxHoldMs = num(p, 'maxHoldS', 7 * 24 * 3600) * 1000;
    const s = levelSteps(p.levels ?? [{ level: 3, value: this.minStep }], 1, `rule ${rule.id}`);
    this.levels = s.levels;
    this.values = s.values;
    this.filter = new EnvelopeFilter(p.envelope === 'lower' ? 'lower' : p.envelope === 'upper' ? 'upper' : 'none', num(p, 'envelopeReadings', 5));
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const y = this.filter.push(x);
    if (y !== y) return;
    this.seen++;
    this.profile.at(ts);
    // After a gap or a stretch of faulty data the reference is stale: start again from here.
    const stale = ts - this.lastTs > Math.max(30 * 60_000, 10 * ctx.intervalMs);
    this.lastTs = ts;
    if (stale) { this.rebase(y); return; }
    if (this.phase === 'watching') {
      const pred = this.holt.predict();
      const sigma = this.holt.sigma;
      const d = y - pred;
      const dir = d > 0 ? 1 : -1;
      const big = this.seen > 60 && (this.sign === 0 || this.sign === dir)
        && Math.abs(d) >= this.minStep && Math.abs(d) >= this.minSigma * sigma;
      if (!big) {
        this.holt.update(y);
        this.profile.learn(y, ctx.gapMs, sigma === sigma ? sigma : 0);
        return;
      }
      this.phase = 'candidate';
      this.t0 = ts;
      this.ref0 = pred;
      this.trend0 = this.holt.trend;
      this.profile0 = this.profile.ready() ? this.profile.expected() : Number.NaN;
      this.stepSign = dir;
      this.step0 = Math.abs(d);
      this.backCount = 0;
    }
    const expected = this.expectedAt(ts);
    this.deviation = this.stepSign * (y - expected);
    if (this.phase === 'candidate') {
      this.score = Math.min(1, this.deviation / (2 * Math.max(this.minStep, 1e-12)));
      if (this.deviation < 0.5 * this.step0) { this.rebase(y); return; } // a transient: it came back
      if (ts - this.t0 < this.confirmMs) return;
      this.phase = 'alarm';
      this.since = this.t0;
      this.step0 = Math.max(this.step0, this.deviation);
    }
    // alarm
    this.level = this.levelFor(this.deviation);
    if (this.deviation < this.clearFraction * this.step0) {
      if (++this.backCount >= 3) this.rebase(y);
    } else this.backCount = 0;
    if (ts - this.t0 > this.maxHoldMs) this.rebase(y);
  }

  private expectedAt(ts: number): number {
    if (this.profile0 === this.profile0 && this.profile.ready()) return this.ref0 + this.profile.expected() - this.profile0;
    // No profile yet: follow the trend of the moment for at most an hour.
    const steps = Math.min(ts - this.t0, HOUR) / 60_000;
    return this.ref0 + this.trend0 * Math.min(steps, 60);
  }

  private levelFor(size: number): LevelOrNone {
    for (let i = 0; i < this.levels.length; i++) if (size >= this.values[i]!) return this.levels[i] as Level;
    return this.level === 0 ? (this.levels[this.levels.length - 1] as Level) : this.level;
  }

  private rebase(y: number): void {
    this.phase = 'watching';
    this.level = 0;
    this.holt.rebase(y);
  }

  message(ctx: SensorContext): string {
    const what = this.stepSign < 0 ? 'drop' : 'rise';
    return `${this.rule.name ?? 'sudden change'}: sustained ${what} of ${fmt(this.deviation)} ${ctx.meta.quantity} since ${new Date(this.t0).toISOString()}`;
  }

  stateBytes(): number {
    return 96 + 16 * 8 + 6 * 8 + this.profile.stateBytes() + this.filter.stateBytes();
  }
}
