import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { float32Run } from '../arena.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
import { paramLevel } from '../rules/param-level.js';
import type { Rule } from '../rules/types.js';
import { Smoother, HOUR } from '../time-constants.js';
import { HOLT_DEFAULT, HOLT_SIZE, holtInit, holtRebase as rebase, holtSigma as sigmaOf, holtUpdate as update } from './robust-holt.js';
import { TAIL_NUMBERS, tailShape } from './tail.js';
import type { TailShape } from './tail.js';

/** Shared by every sensor (it only caches e^(−Δt/τ) for the last Δt seen). */
const OFFSET = new Smoother(2 * HOUR);
// Read once: an imported binding is a property read on every use when run from source (tsx).
const holtSigma = sigmaOf, holtUpdate = update, holtRebase = rebase, HOLT = HOLT_DEFAULT;
/** Readings whose scores a new score must beat to count in full (each event reported once). */
const RECENT = 6;

interface DetectorConfig {
  readonly warmup: number; readonly evidenceForOne: number; readonly k: number; readonly weight: number;
  readonly memory: number; readonly context: boolean; readonly alarmEvidence: number; readonly alarmReadings: number;
  readonly alarmEvidenceOnce: number; readonly clearReadings: number; readonly level: Level;
}

const config = configOf((rule: Rule): DetectorConfig => {
  const p = rule.params;
  return {
    warmup: num(p, 'warmupReadings', 150), evidenceForOne: num(p, 'evidenceForOne', 8), k: num(p, 'k', 0.5),
    weight: num(p, 'scoreWeight', 1), memory: num(p, 'memoryReadings', 5000),
    // Context needs the sensor's daily/weekly profile; `context: false` leaves it out (less state).
    context: p?.context !== false,
    alarmEvidence: num(p, 'alarmEvidence', Infinity), alarmReadings: num(p, 'alarmReadings', 3),
    alarmEvidenceOnce: num(p, 'alarmEvidenceOnce', Infinity),
    clearReadings: num(p, 'clearReadings', 10), level: paramLevel(p),
  };
});

/**
 * The general streaming detector: learns each sensor's normal behaviour online and scores every
 * reading 0..1 by how rare it is on this sensor. Three views of the same reading:
 *  1. point surprise — the innovation z of a robust damped Holt forecast (spikes, sudden jumps);
 *  2. sustained shift — a two-sided CUSUM (Page 1954) of the clipped innovations, k = 0.5σ;
 *  3. context — the deviation from the learned daily/weekly profile (working days and weekends),
 *     after a level offset that follows the series within hours (a pattern that breaks, a peak that
 *     does not come).
 * Each statistic becomes evidence e = −log10 P(statistic ≥ value) through a tail calibrator learned
 * on the sensor itself (adaptive thresholds: a noisy, heavy-tailed series needs more to score; the
 * calibrators do not learn from the rare values they flag, unless these keep coming — tail.ts), and
 * score = min(1, max e / `evidenceForOne`), halved when it does not beat the last RECENT readings'
 * scores (an event is reported once, at its onset). A reading that lands where the daily profile says
 * the value belongs (the end of an anomaly, a return to normal) is not news: every view is then capped.
 * Once a shift is beyond doubt (or three readings in a row sit beyond 4σ on one side) the forecast
 * restarts from the new level, so the score marks the onset of a change rather than staying high. No score before `warmupReadings`.
 * Alarm: evidence ≥ `alarmEvidence` on `alarmReadings` consecutive readings, or ≥ `alarmEvidenceOnce`
 * on a single one, raises `level` (blue by default); it clears once the evidence has stayed under half
 * of `alarmEvidence` for `clearReadings`.
 * The profile is the sensor's shared one (SensorContext.seasonal).
 * State: 2 or 3 tail calibrators (≈ 0.19 KiB each) + 10 float64 (Holt's 4 among them), 6 float32 (the
 * recent scores) and an object of 16 fields ≈ 0.65 KiB without context, ≈ 0.85 KiB with it (then the
 * profile is the sensor's, ≈ 0.7 KiB).
 */
export class DetectorMonitor extends BaseMonitor {
  override get scored(): boolean {
    return true;
  }
  private readonly c: DetectorConfig;
  /** The robust Holt forecast's numbers, in the run after the numeric fields. */
  private readonly holtAt: number;
  /**
   * Three tail calibrators (point, shift, context — the last only with context), their numbers in
   * the run after Holt's, their tables in a float32 run (then the recent scores).
   */
  private readonly tails: TailShape;
  private readonly tailsAt: number;
  private readonly tables: Float32Array;
  private readonly tablesAt: number;
  /** The last RECENT scores (as computed, before halving), a ring indexed by `seen`, after the tables. */
  private readonly recentAt: number;
  /** Consecutive readings beyond 4σ on the same side (+ above, − below). */
  private outside = 0;
  private seen = 0;
  private strong = 0;
  private calm = 0;
  private what = '';
  /** The CUSUM's two sides. */
  declare private up: number;
  declare private down: number;
  declare private offset: number;
  declare private lastEvidence: number;

  constructor(rule: Rule) {
    const c = config(rule);
    const tails = c.context ? 3 : 2;
    super(rule, HOLT_SIZE + tails * TAIL_NUMBERS);
    this.c = c;
    this.holtAt = this.f64At + numericCount(DetectorMonitor);
    holtInit(this.f64, this.holtAt);
    this.tails = tailShape(c.memory);
    this.tailsAt = this.holtAt + HOLT_SIZE;
    for (let k = 0; k < tails; k++) this.tails.init(this.f64, this.tailsAt + k * TAIL_NUMBERS);
    const tables = float32Run(tails * this.tails.tableLength + RECENT);
    this.tables = tables.array;
    this.tablesAt = tables.at;
    this.recentAt = tables.at + tails * this.tails.tableLength;
  }

  /** Evidence of x against tail calibrator k (0 point, 1 shift, 2 context), which then learns it. */
  private observe(k: number, x: number): number {
    return this.tails.observe(this.f64, this.tailsAt + k * TAIL_NUMBERS, this.tables, this.tablesAt + k * this.tails.tableLength, x);
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    if (ctx.faulty) { this.score = 0; return; }
    const sigma = holtSigma(this.f64, this.holtAt);
    const z = holtUpdate(this.f64, this.holtAt, HOLT, x);
    this.seen++;
    // 1–2: innovations and their CUSUM.
    // (Numbers are read into locals once: each access of a run field is an inlined accessor.)
    const zc = z > 5 ? 5 : z < -5 ? -5 : z;
    const k = this.c.k;
    let up = this.up + zc - k;
    let down = this.down - zc - k;
    up = up > 0 ? up : 0;
    down = down > 0 ? down : 0;
    const g = up > down ? up : down;
    const az = z < 0 ? -z : z;
    let ePoint = this.observe(0, az);
    let eShift = this.observe(1, g);
    // 3: context from the daily/weekly profile.
    let eContext = 0;
    const profile = this.c.context ? ctx.seasonal() : undefined;
    const floor = sigma === sigma && sigma > 0 ? sigma : Math.abs(x) * 1e-3 + 1e-9;
    if (profile !== undefined && profile.ready(1)) {
      const expected = profile.expected();
      const spread = Math.max(profile.spreadAt(), floor);
      const raw = (x - expected) / spread;
      const offset = this.offset;
      const deviation = raw - offset;
      const ad = deviation < 0 ? -deviation : deviation;
      eContext = this.observe(2, ad);
      this.offset = offset + OFFSET.alpha(ctx.gapMs) * (Math.max(-50, Math.min(50, raw)) - offset);
      // Back where the profile says it belongs: a jump there is a return, not news — nor is the
      // distance from a level offset that has not yet caught up with the return.
      const fits = profile.within(x, 2);
      if (fits) { if (ePoint > 2) ePoint = 2; if (eShift > 2) eShift = 2; if (eContext > 2) eContext = 2; }
    }
    let e = ePoint, what = 'a sudden jump';
    if (eShift > e) { e = eShift; what = 'a sustained shift'; }
    if (eContext > e) { e = eContext; what = 'an unusual value for the time of day and week'; }
    this.lastEvidence = e;
    const warm = this.seen > this.c.warmup;
    // (Rounded to float32 as kept, so a repeated score does not beat its own stored copy.)
    const score = warm ? Math.fround(this.c.weight * Math.min(1, e / this.c.evidenceForOne)) : 0;
    // Each event reported once: a score that does not beat the last few readings' scores is the same
    // event going on (its onset already told), so it counts half. (The alarm works on the evidence.)
    const scores = this.tables, recentAt = this.recentAt;
    let recent = 0;
    for (let i = 0; i < RECENT; i++) { const r = scores[recentAt + i]!; if (r > recent) recent = r; }
    scores[recentAt + (this.seen % RECENT)] = score;
    this.score = score > recent ? score : score / 2;
    // Three readings in a row beyond 4σ on one side, or a shift beyond doubt: a new level, not outliers.
    this.outside = z > 4 ? (this.outside > 0 ? this.outside + 1 : 1) : z < -4 ? (this.outside < 0 ? this.outside - 1 : -1) : 0;
    if ((warm && eShift >= this.c.evidenceForOne) || this.outside >= 3 || this.outside <= -3) {
      holtRebase(this.f64, this.holtAt, x);
      up = 0;
      down = 0;
      this.outside = 0;
    }
    this.up = up;
    this.down = down;
    this.alarm(ts, warm ? e : 0, what);
  }

  private alarm(ts: number, e: number, what: string): void {
    const c = this.c;
    if (e >= c.alarmEvidence) { this.calm = 0; this.strong++; } else this.strong = 0;
    // A run of strong readings, or one decisive reading: a single reading can be rare enough on its
    // own (a breakdown, a burst) that waiting for more only delays the alarm.
    if (this.level === 0 && (this.strong >= c.alarmReadings || e >= c.alarmEvidenceOnce)) {
      this.level = c.level;
      this.since = ts;
      this.what = what;
      this.calm = 0;
    } else if (this.level !== 0 && e < c.alarmEvidence / 2 && ++this.calm >= c.clearReadings) this.level = 0;
  }

  message(): string {
    return `${this.rule.name ?? 'unusual behaviour'}: ${this.what || 'rare readings'} (evidence ${this.lastEvidence.toFixed(1)}, i.e. p ≈ 1e-${Math.round(this.lastEvidence)})`;
  }

  stateBytes(): number {
    const tails = this.c.context ? 3 : 2;
    return this.baseBytes(12, HOLT_SIZE) + tails * this.tails.stateBytes + RECENT * 4;
  }
}
numericFields(DetectorMonitor, ['up', 'down', 'offset', 'lastEvidence']);
