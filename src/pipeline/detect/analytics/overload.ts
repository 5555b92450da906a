import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { TailCalibrator } from '../detectors/tail.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';
import { HOUR } from '../time-constants.js';
import { EnvelopeFilter } from './envelope-filter.js';

/**
 * Bridge overload: the live-load response (reading − quasi-static baseline, the lower envelope of
 * the last few readings) against the design live-load value (JTG/T H21-2011 and CJJ 99-2017 judge
 * measured response against design values). The design value comes from the rule
 * (`designLiveLoad`) or the sensor (`properties.designLiveLoadUe`); without one, the limit is
 * `learnedFactor` × the 99.5th percentile of this gauge's normal truck peaks, learned online — a
 * legal convoy is normal traffic, a response well beyond any legal truck is not. Levels: 3 at the
 * limit, 2 at 1.5×, 1 at 2×. The alarm holds `holdS` after the last exceedance.
 * State: peak calibrator + envelope window + 8 numbers ≈ 0.6 KiB.
 */
export class OverloadMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly design: number;
  private readonly learnedFactor: number;
  private readonly holdMs: number;
  private readonly envelope: EnvelopeFilter;
  private readonly peaks = new TailCalibrator(5000);
  private baseline = Number.NaN;
  private prevLive = 0;
  private prevPrevLive = 0;
  private lastOver = Number.NaN;
  private live = 0;
  private limit = Number.NaN;
  private seen = 0;

  constructor(rule: Rule, cls: AlarmClass, properties: Readonly<Record<string, unknown>> | undefined) {
    super(rule, cls);
    const p = rule.params;
    const fromSensor = properties?.designLiveLoadUe;
    this.design = num(p, 'designLiveLoad', typeof fromSensor === 'number' && fromSensor > 0 ? fromSensor : Number.NaN);
    this.learnedFactor = num(p, 'learnedFactor', 1.6);
    this.holdMs = num(p, 'holdS', 1800) * 1000;
    this.envelope = new EnvelopeFilter('lower', num(p, 'envelopeReadings', 5));
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (this.level !== 0 && ts - this.lastOver > this.holdMs) this.level = 0;
    if (ctx.faulty) return;
    const base = this.envelope.push(x);
    if (base !== base) return;
    // A slowly moving baseline, robust to the live load (which the envelope already removes).
    this.baseline = this.baseline !== this.baseline ? base : this.baseline + 0.2 * (base - this.baseline);
    const live = x - this.baseline;
    this.live = live;
    this.seen++;
    const scale = this.peaks.quantile(0.995);
    this.limit = this.design === this.design ? this.design : this.learnedFactor * scale;
    const known = this.design === this.design || (this.peaks.samples >= 200 && this.seen > 500);
    if (known && live >= this.limit) {
      const ratio = live / this.limit;
      const level: Level = ratio >= 2 ? 1 : ratio >= 1.5 ? 2 : 3;
      if (this.level === 0) this.since = ts;
      if (this.level === 0 || level < this.level) this.level = level;
      this.lastOver = ts;
      this.score = Math.min(1, 0.5 + 0.5 * (ratio - 1));
    } else if (this.prevLive > this.prevPrevLive && this.prevLive > live && this.prevLive > 0) {
      this.peaks.add(this.prevLive); // a local maximum: one truck's peak
    }
    this.prevPrevLive = this.prevLive;
    this.prevLive = live;
  }

  message(ctx: SensorContext): string {
    const source = this.design === this.design ? 'design live-load value' : 'learned limit of normal traffic';
    return `${this.rule.name ?? 'overload'}: live-load response ${fmt(this.live)} ${ctx.meta.quantity} over the ${source} ${fmt(this.limit)}`;
  }

  stateBytes(): number {
    return 96 + 14 * 8 + this.peaks.stateBytes() + this.envelope.stateBytes();
  }
}
