import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import * as holt from '../detectors/robust-holt.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
import type { LevelOrNone } from '../monitor.js';
import { levelSteps } from '../rules/levels.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { HOUR } from '../time-constants.js';
import { envelopePush as push, envelopeSize } from './envelope-filter.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const { HOLT_SIZE, HOLT_STEADY, holtInit, holtPredict, holtRebase, holtSigma, holtTrend, holtUpdate } = holt;
const envelopePush = push;

interface StepConfig {
  readonly sign: -1 | 0 | 1; readonly minStep: number; readonly minSigma: number; readonly confirmMs: number;
  readonly clearFraction: number; readonly maxHoldMs: number; readonly levels: readonly Level[]; readonly values: readonly number[];
  readonly envelope: 'lower' | 'upper' | 'none'; readonly envelopeReadings: number;
}

const config = configOf((rule: Rule): StepConfig => {
  const p = rule.params ?? {};
  // A burst is a drop: `pressure-drop` watches falls unless told otherwise.
  const direction = p.direction ?? (rule.kind === 'pressure-drop' ? 'fall' : undefined);
  const minStep = num(p, 'minStep', 0);
  const s = levelSteps(p.levels ?? [{ level: 3, value: minStep }], 1, `rule ${rule.id}`);
  return {
    sign: direction === 'fall' ? -1 : direction === 'rise' ? 1 : 0, minStep, minSigma: num(p, 'minSigma', 10),
    confirmMs: num(p, 'confirmS', 480) * 1000, clearFraction: num(p, 'clearFraction', 0.3),
    maxHoldMs: num(p, 'maxHoldS', 7 * 24 * 3600) * 1000, levels: s.levels, values: s.values,
    envelope: p.envelope === 'lower' ? 'lower' : p.envelope === 'upper' ? 'upper' : 'none', envelopeReadings: num(p, 'envelopeReadings', 5),
  };
});

/**
 * A sudden, sustained change of level: a water main burst (pressure drops at once and stays down
 * until the main is isolated) or a bridge's permanent baseline offset after damage. Transients that
 * come back within `confirmS` (pump switching: dips of 2–5 min) are not alarms.
 *  - the reference is a robust Holt forecast of the (optionally envelope-filtered) series, frozen
 *    from the moment the value leaves it;
 *  - a candidate starts when the value is beyond the reference by `minStep` and by `minSigma` × the
 *    forecast's σ; it is dropped if the value comes back halfway within `confirmS`, else it alarms
 *    at the level of its size (`levels`: step sizes);
 *  - while alarmed, the expected value is the frozen reference moved along the sensor's daily
 *    profile; the alarm clears when the deviation is back under `clearFraction` of the step (the
 *    main was isolated and repaired), or after `maxHoldS`, when the new level is accepted as normal.
 * After a gap in the data (dropout, stuck or impossible readings) the reference restarts from the
 * first good reading: a level that moved while the sensor was silent is not a sudden change.
 * State: Holt (4 float64) + envelope window (7, strain) + 9 numbers ≈ 0.25 KiB (the profile is the
 * sensor's shared one).
 */
export class StepChangeMonitor extends BaseMonitor {
  private readonly c: StepConfig;
  /** The robust Holt forecast's numbers, then the envelope window (when filtered), after the numeric fields. */
  private readonly holtAt: number;
  private readonly envelopeAt: number;
  /** 0 watching, 1 candidate, 2 alarm. */
  private phase = 0;
  private stepSign = 1;
  private backCount = 0;
  private seen = 0;
  declare private t0: number;
  declare private ref0: number;
  declare private trend0: number;
  declare private profile0: number;
  declare private step0: number;
  declare private deviation: number;
  declare private lastTs: number;

  constructor(rule: Rule) {
    const c = config(rule);
    super(rule, HOLT_SIZE + (c.envelope === 'none' ? 0 : envelopeSize(c.envelopeReadings)));
    this.c = c;
    this.holtAt = this.f64At + numericCount(StepChangeMonitor);
    this.envelopeAt = this.holtAt + HOLT_SIZE;
    holtInit(this.f64, this.holtAt);
    this.profile0 = this.lastTs = Number.NaN;
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const c = this.c;
    const profile = ctx.seasonal(); // created at the first reading, so it has learned by the time it is needed
    const y = c.envelope === 'none' ? x : envelopePush(this.f64, this.envelopeAt, c.envelopeReadings, c.envelope === 'lower', x);
    if (y !== y) return;
    this.seen++;
    // After a gap or a stretch of faulty data the reference is stale: start again from here.
    const stale = ts - this.lastTs > Math.max(30 * 60_000, 10 * (ctx.intervalMs || 0));
    this.lastTs = ts;
    if (stale) { this.rebase(y); return; }
    if (this.phase === 0) {
      const pred = holtPredict(this.f64, this.holtAt, HOLT_STEADY);
      const sigma = holtSigma(this.f64, this.holtAt);
      const d = y - pred;
      const dir = d > 0 ? 1 : -1;
      const size = d > 0 ? d : -d;
      if (!(this.seen > 60 && (c.sign === 0 || c.sign === dir) && size >= c.minStep && size >= c.minSigma * sigma)) {
        holtUpdate(this.f64, this.holtAt, HOLT_STEADY, y);
        return;
      }
      this.phase = 1;
      this.t0 = ts;
      this.ref0 = pred;
      this.trend0 = holtTrend(this.f64, this.holtAt);
      this.profile0 = profile.ready() ? profile.expected() : Number.NaN;
      this.stepSign = dir;
      this.step0 = size;
      this.backCount = 0;
    }
    const expected = this.expectedAt(ts, ctx);
    this.deviation = this.stepSign * (y - expected);
    ctx.suspect = true;
    if (this.phase === 1) {
      this.score = Math.min(1, this.deviation / (2 * Math.max(c.minStep, 1e-12)));
      if (this.deviation < 0.5 * this.step0) { this.rebase(y); return; } // a transient: it came back
      if (ts - this.t0 < c.confirmMs) return;
      this.phase = 2;
      this.since = this.t0;
      this.step0 = Math.max(this.step0, this.deviation);
    }
    this.level = this.levelFor(this.deviation);
    if (this.deviation < c.clearFraction * this.step0) {
      if (++this.backCount >= 3) this.rebase(y);
    } else this.backCount = 0;
    if (ts - this.t0 > c.maxHoldMs) this.rebase(y);
  }

  private expectedAt(ts: number, ctx: SensorContext): number {
    const profile = ctx.seasonal();
    if (this.profile0 === this.profile0 && profile.ready()) return this.ref0 + profile.expected() - this.profile0;
    // No profile yet: follow the trend of the moment for at most an hour.
    const steps = Math.min(ts - this.t0, HOUR) / (ctx.intervalMs || 60_000);
    return this.ref0 + this.trend0 * steps;
  }

  private levelFor(size: number): LevelOrNone {
    const { levels, values } = this.c;
    for (let i = 0; i < levels.length; i++) if (size >= values[i]!) return levels[i]!;
    return this.level === 0 ? levels[levels.length - 1]! : this.level;
  }

  private rebase(y: number): void {
    this.phase = 0;
    this.level = 0;
    holtRebase(this.f64, this.holtAt, y);
  }

  message(ctx: SensorContext): string {
    const what = this.stepSign < 0 ? 'drop' : 'rise';
    return `${this.rule.name ?? 'sudden change'}: sustained ${what} of ${fmt(this.deviation)} ${ctx.meta.quantity} since ${new Date(this.t0).toISOString()}`;
  }

  stateBytes(): number {
    return this.baseBytes(7, HOLT_SIZE + (this.c.envelope === 'none' ? 0 : envelopeSize(this.c.envelopeReadings)));
  }
}
numericFields(StepChangeMonitor, ['t0', 'ref0', 'trend0', 'profile0', 'step0', 'deviation', 'lastTs']);
