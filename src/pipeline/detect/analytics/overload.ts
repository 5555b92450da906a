import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { envelopePush as push, envelopeSize } from './envelope-filter.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const envelopePush = push;

interface OverloadConfig { readonly design: number; readonly learnedFactor: number; readonly holdMs: number; readonly envelopeReadings: number }

const config = configOf((rule: Rule): OverloadConfig => ({
  design: num(rule.params, 'designLiveLoad', Number.NaN),
  learnedFactor: num(rule.params, 'learnedFactor', 1.6),
  holdMs: num(rule.params, 'holdS', 1800) * 1000,
  envelopeReadings: num(rule.params, 'envelopeReadings', 5),
}));

/**
 * Bridge overload: the live-load response (reading − quasi-static baseline, the lower envelope of
 * the last few readings) against the design live-load value (JTG/T H21-2011 and CJJ 99-2017 judge
 * measured response against design values). The design value comes from the rule
 * (`designLiveLoad`) or the sensor (`properties.designLiveLoadUe`); without one, the limit is
 * `learnedFactor` × the 99.5th percentile of this gauge's normal truck peaks (local maxima over 8 ×
 * the median reading-to-reading change), learned online — a
 * legal convoy is normal traffic, a response well beyond any legal truck is not. Levels: 3 at the
 * limit, 2 at 1.5×, 1 at 2×. The alarm holds `holdS` after the last exceedance.
 * State: envelope window (7 float64) + 12 numbers and an object of 9 fields ≈ 0.25 KiB.
 */
export class OverloadMonitor extends BaseMonitor {
  private readonly c: OverloadConfig;
  /** The envelope window, in the run after the numeric fields. */
  private readonly envelopeAt: number;
  private peaksSeen = 0;
  private seen = 0;
  declare private design: number;
  /** The 99.5th percentile of normal truck peaks, tracked by stochastic approximation (one number). */
  declare private peakQuantile: number;
  /** Median of reading-to-reading changes (robust to the trucks, unlike a mean), by stochastic approximation. */
  declare private noise: number;
  declare private last: number;
  declare private baseline: number;
  declare private prevLive: number;
  declare private prevPrevLive: number;
  declare private lastOver: number;
  declare private live: number;
  declare private limit: number;

  constructor(rule: Rule, properties: Readonly<Record<string, unknown>> | undefined) {
    const c = config(rule);
    super(rule, envelopeSize(c.envelopeReadings));
    this.c = c;
    this.envelopeAt = this.f64At + numericCount(OverloadMonitor);
    const fromSensor = properties?.designLiveLoadUe;
    this.design = this.c.design === this.c.design ? this.c.design : typeof fromSensor === 'number' && fromSensor > 0 ? fromSensor : Number.NaN;
    this.peakQuantile = this.noise = this.last = this.baseline = this.lastOver = this.limit = Number.NaN;
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (this.level !== 0 && ts - this.lastOver > this.c.holdMs) this.level = 0;
    if (ctx.faulty) return;
    // (Numbers are read into locals once: each access of a run field is an inlined accessor.)
    const d = x - this.last;
    this.last = x;
    let noise = this.noise;
    if (d === d) {
      const ad = d < 0 ? -d : d;
      noise = noise !== noise ? ad : ad > noise ? noise * 1.02 : noise / 1.02;
      this.noise = noise;
    }
    const base = envelopePush(this.f64, this.envelopeAt, this.c.envelopeReadings, true, x);
    if (base !== base) return;
    // A slowly moving baseline, robust to the live load (which the envelope already removes).
    let baseline = this.baseline;
    baseline = baseline !== baseline ? base : baseline + 0.2 * (base - baseline);
    this.baseline = baseline;
    const live = x - baseline;
    this.live = live;
    this.seen++;
    const design = this.design;
    const designed = design === design;
    const limit = designed ? design : this.c.learnedFactor * this.peakQuantile;
    this.limit = limit;
    const prevLive = this.prevLive;
    if ((designed || (this.peaksSeen >= 200 && this.seen > 500)) && live >= limit) {
      const ratio = live / limit;
      const level: Level = ratio >= 2 ? 1 : ratio >= 1.5 ? 2 : 3;
      if (this.level === 0) this.since = ts;
      if (this.level === 0 || level < this.level) this.level = level;
      this.lastOver = ts;
      this.score = Math.min(1, 0.5 + 0.5 * (ratio - 1));
    } else if (prevLive > this.prevPrevLive && prevLive > live && prevLive > 8 * (noise || 0)) {
      this.learnPeak(prevLive); // a local maximum well above the noise: one truck's peak
    }
    this.prevPrevLive = prevLive;
    this.prevLive = live;
  }

  /**
   * Quantile by stochastic approximation (Robbins–Monro): step up by (1 − p)·η when a peak is above,
   * down by p·η when below (η = 1 % of the estimate), so it settles where a share p = 0.995 of peaks
   * lie below. The first 50 peaks seed it with their maximum.
   */
  private learnPeak(peak: number): void {
    this.peaksSeen++;
    const q = this.peakQuantile;
    if (q !== q || this.peaksSeen <= 50) { this.peakQuantile = q !== q ? peak : Math.max(q, peak); return; }
    this.peakQuantile = peak > q ? q + 0.995 * 0.01 * q : q - 0.005 * 0.01 * q;
  }

  message(ctx: SensorContext): string {
    const source = this.design === this.design ? 'design live-load value' : 'learned limit of normal traffic';
    return `${this.rule.name ?? 'overload'}: live-load response ${fmt(this.live)} ${ctx.meta.quantity} over the ${source} ${fmt(this.limit)}`;
  }

  stateBytes(): number {
    return this.baseBytes(4, envelopeSize(this.c.envelopeReadings));
  }
}
numericFields(OverloadMonitor, ['design', 'peakQuantile', 'noise', 'last', 'baseline', 'prevLive', 'prevPrevLive', 'lastOver', 'live', 'limit']);
