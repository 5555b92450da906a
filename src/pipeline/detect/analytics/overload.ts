import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { EnvelopeFilter } from './envelope-filter.js';

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
 * State: envelope window + 11 numbers ≈ 0.3 KiB.
 */
export class OverloadMonitor extends BaseMonitor {
  private readonly c: OverloadConfig;
  private readonly design: number;
  private readonly envelope: EnvelopeFilter;
  /** The 99.5th percentile of normal truck peaks, tracked by stochastic approximation (one number). */
  private peakQuantile = Number.NaN;
  private peaksSeen = 0;
  /** Median of reading-to-reading changes (robust to the trucks, unlike a mean), by stochastic approximation. */
  private noise = Number.NaN;
  private last = Number.NaN;
  private baseline = Number.NaN;
  private prevLive = 0;
  private prevPrevLive = 0;
  private lastOver = Number.NaN;
  private live = 0;
  private limit = Number.NaN;
  private seen = 0;

  constructor(rule: Rule, cls: AlarmClass, properties: Readonly<Record<string, unknown>> | undefined) {
    super(rule, cls);
    this.c = config(rule);
    const fromSensor = properties?.designLiveLoadUe;
    this.design = this.c.design === this.c.design ? this.c.design : typeof fromSensor === 'number' && fromSensor > 0 ? fromSensor : Number.NaN;
    this.envelope = new EnvelopeFilter('lower', this.c.envelopeReadings);
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (this.level !== 0 && ts - this.lastOver > this.c.holdMs) this.level = 0;
    if (ctx.faulty) return;
    const d = x - this.last;
    this.last = x;
    if (d === d) {
      const ad = d < 0 ? -d : d;
      const m = this.noise;
      this.noise = m !== m ? ad : ad > m ? m * 1.02 : m / 1.02;
    }
    const base = this.envelope.push(x);
    if (base !== base) return;
    // A slowly moving baseline, robust to the live load (which the envelope already removes).
    this.baseline = this.baseline !== this.baseline ? base : this.baseline + 0.2 * (base - this.baseline);
    const live = x - this.baseline;
    this.live = live;
    this.seen++;
    const designed = this.design === this.design;
    this.limit = designed ? this.design : this.c.learnedFactor * this.peakQuantile;
    if ((designed || (this.peaksSeen >= 200 && this.seen > 500)) && live >= this.limit) {
      const ratio = live / this.limit;
      const level: Level = ratio >= 2 ? 1 : ratio >= 1.5 ? 2 : 3;
      if (this.level === 0) this.since = ts;
      if (this.level === 0 || level < this.level) this.level = level;
      this.lastOver = ts;
      this.score = Math.min(1, 0.5 + 0.5 * (ratio - 1));
    } else if (this.prevLive > this.prevPrevLive && this.prevLive > live && this.prevLive > 8 * (this.noise || 0)) {
      this.learnPeak(this.prevLive); // a local maximum well above the noise: one truck's peak
    }
    this.prevPrevLive = this.prevLive;
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
    return 64 + 12 * 16 + this.envelope.stateBytes();
  }
}
