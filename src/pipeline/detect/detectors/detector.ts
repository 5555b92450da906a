import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import type { Rule } from '../rules/types.js';
import { Smoother, HOUR } from '../time-constants.js';

/** Shared by every sensor (it only caches e^(−Δt/τ) for the last Δt seen). */
const OFFSET = new Smoother(2 * HOUR);
import { RobustHolt } from './robust-holt.js';
import { TailCalibrator } from './tail.js';

/**
 * The general streaming detector: learns each sensor's normal behaviour online and scores every
 * reading 0..1 by how rare it is on this sensor. Three views of the same reading:
 *  1. point surprise — the innovation z of a robust damped Holt forecast (spikes, sudden jumps);
 *  2. sustained shift — a two-sided CUSUM (Page 1954) of the clipped innovations, k = 0.5σ;
 *  3. context — the deviation from the learned daily/weekly profile (working days and weekends),
 *     after a level offset that follows the series within hours (a pattern that breaks, a peak that
 *     does not come).
 * Each statistic becomes evidence e = −log10 P(statistic ≥ value) through a tail calibrator learned
 * on the sensor itself (adaptive thresholds: a noisy, heavy-tailed series needs more to score), and
 * score = min(1, max e / `evidenceForOne`). A jump that lands where the daily profile says the value
 * belongs (the end of an anomaly, a return to normal) is not news: views 1–2 are then capped.
 * Once a shift is beyond doubt (or three readings in a row sit beyond 4σ on one side) the forecast
 * restarts from the new level, so the score marks the onset of a change rather than staying high. No score before `warmupReadings`.
 * Alarm: evidence ≥ `alarmEvidence` on `alarmReadings` consecutive readings raises `level` (blue by
 * default); it clears once the evidence has stayed under half of that for `clearReadings`.
 * The profile is the sensor's shared one (SensorContext.seasonal).
 * State: 3 calibrators + Holt + ~20 numbers ≈ 1.6 KiB.
 */
export class DetectorMonitor extends BaseMonitor {
  override get scored(): boolean {
    return true;
  }
  private readonly holt = new RobustHolt();
  private readonly pointTail: TailCalibrator;
  private readonly shiftTail: TailCalibrator;
  private readonly contextTail: TailCalibrator | undefined;
  private readonly warmup: number;
  private readonly evidenceForOne: number;
  private readonly k: number;
  private readonly weight: number;
  private readonly alarmEvidence: number;
  private readonly alarmReadings: number;
  private readonly clearReadings: number;
  private readonly alarmLevel: Level;
  private up = 0;
  private down = 0;
  /** Consecutive readings beyond 4σ on the same side (+ above, − below). */
  private outside = 0;
  private offset = 0;
  private seen = 0;
  private strong = 0;
  private calm = 0;
  private lastEvidence = 0;
  private what = '';

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.warmup = num(p, 'warmupReadings', 150);
    this.evidenceForOne = num(p, 'evidenceForOne', 8);
    this.k = num(p, 'k', 0.5);
    this.weight = num(p, 'scoreWeight', 1);
    const memory = num(p, 'memoryReadings', 5000);
    this.pointTail = new TailCalibrator(memory);
    this.shiftTail = new TailCalibrator(memory);
    // Context needs the sensor's daily/weekly profile; `context: false` leaves it out (less state).
    this.contextTail = p?.context === false ? undefined : new TailCalibrator(memory);
    this.alarmEvidence = num(p, 'alarmEvidence', Infinity);
    this.alarmReadings = num(p, 'alarmReadings', 3);
    this.clearReadings = num(p, 'clearReadings', 10);
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    if (ctx.faulty) { this.score = 0; return; }
    const holtSigma = this.holt.sigma;
    const z = this.holt.update(x);
    this.seen++;
    // 1–2: innovations and their CUSUM.
    const zc = z > 5 ? 5 : z < -5 ? -5 : z;
    const up = this.up + zc - this.k;
    const down = this.down - zc - this.k;
    this.up = up > 0 ? up : 0;
    this.down = down > 0 ? down : 0;
    const g = this.up > this.down ? this.up : this.down;
    const az = z < 0 ? -z : z;
    let ePoint = this.pointTail.observe(az);
    let eShift = this.shiftTail.observe(g);
    // 3: context from the daily/weekly profile.
    let eContext = 0;
    const profile = this.contextTail !== undefined ? ctx.seasonal() : undefined;
    const floor = holtSigma === holtSigma && holtSigma > 0 ? holtSigma : Math.abs(x) * 1e-3 + 1e-9;
    if (profile !== undefined && this.contextTail !== undefined && profile.ready(1)) {
      const expected = profile.expected();
      const spread = Math.max(profile.spreadAt(), floor);
      const raw = (x - expected) / spread;
      const deviation = raw - this.offset;
      const ad = deviation < 0 ? -deviation : deviation;
      eContext = this.contextTail.observe(ad);
      this.offset += OFFSET.alpha(ctx.gapMs) * (Math.max(-50, Math.min(50, raw)) - this.offset);
      // Back where the profile says it belongs: a jump there is a return, not news.
      const fits = profile.within(x, 2);
      if (fits) { if (ePoint > 2) ePoint = 2; if (eShift > 2) eShift = 2; }
    }
    let e = ePoint, what = 'a sudden jump';
    if (eShift > e) { e = eShift; what = 'a sustained shift'; }
    if (eContext > e) { e = eContext; what = 'an unusual value for the time of day and week'; }
    this.lastEvidence = e;
    const warm = this.seen > this.warmup;
    this.score = warm ? this.weight * Math.min(1, e / this.evidenceForOne) : 0;
    // Three readings in a row beyond 4σ on one side, or a shift beyond doubt: a new level, not outliers.
    this.outside = z > 4 ? (this.outside > 0 ? this.outside + 1 : 1) : z < -4 ? (this.outside < 0 ? this.outside - 1 : -1) : 0;
    if ((warm && eShift >= this.evidenceForOne) || this.outside >= 3 || this.outside <= -3) {
      this.holt.rebase(x);
      this.up = 0;
      this.down = 0;
      this.outside = 0;
    }
    this.alarm(ts, warm ? e : 0, what);
  }

  private alarm(ts: number, e: number, what: string): void {
    if (e >= this.alarmEvidence) {
      this.calm = 0;
      if (++this.strong >= this.alarmReadings && this.level === 0) {
        this.level = this.alarmLevel;
        this.since = ts;
        this.what = what;
      }
    } else {
      this.strong = 0;
      if (this.level !== 0 && e < this.alarmEvidence / 2 && ++this.calm >= this.clearReadings) this.level = 0;
    }
  }

  message(): string {
    return `${this.rule.name ?? 'unusual behaviour'}: ${this.what || 'rare readings'} (evidence ${this.lastEvidence.toFixed(1)}, i.e. p ≈ 1e-${Math.round(this.lastEvidence)})`;
  }

  stateBytes(): number {
    return 96 + 24 * 16 + 6 * 16 + this.pointTail.stateBytes() + this.shiftTail.stateBytes() + (this.contextTail?.stateBytes() ?? 0);
  }
}
