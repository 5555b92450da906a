import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { TailCalibrator } from '../detectors/tail.js';
import { BaseMonitor, num } from '../monitor.js';
import { Smoother, DAY, HOUR } from '../time-constants.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/**
 * Spikes: a single reading far from both neighbours, which agree with each other (x[t−1] leaps and
 * x[t] comes back), confirmed one reading later. The excursion m = min(|x[t−1] − x[t−2]|, |x[t−1] − x[t]|),
 * in units of the robust scale of reading-to-reading changes, must be at least `sigma` and rarer
 * than 1 in 10^`evidence` among this sensor's returning excursions on that side, learned online —
 * so a bridge gauge's passing trucks (frequent, positive) are normal and a 10× leap is not.
 * The alarm holds for `holdS` after the last spike. State: 2 tail calibrators + 12 numbers ≈ 1.1 KiB.
 */
export class SpikeMonitor extends BaseMonitor {
  private readonly sigma: number;
  private readonly minEvidence: number;
  private readonly holdMs: number;
  private readonly alarmLevel: Level;
  private readonly scale = new Smoother(DAY);
  private readonly ups = new TailCalibrator(20_000);
  private readonly downs = new TailCalibrator(20_000);
  private diffScale = Number.NaN;
  /** Recent scale of changes (τ ≈ 5 readings), up to the reading before the candidate: noise grows with the level on some sensors. */
  private localScale = Number.NaN;
  private z = Number.NaN;
  private a = Number.NaN;
  private b = Number.NaN;
  private lastSpikeTs = Number.NaN;
  private lastSpike = Number.NaN;
  private seen = 0;
  private spikes = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.sigma = num(p, 'sigma', 10);
    this.minEvidence = num(p, 'evidence', 3.5);
    this.holdMs = num(p, 'holdS', HOUR / 1000) * 1000;
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, c: number, ctx: SensorContext): void {
    this.score = 0;
    if (this.level !== 0 && ts - this.lastSpikeTs > this.holdMs) { this.level = 0; this.spikes = 0; }
    if (ctx.faulty) return;
    const z = this.z, a = this.a, b = this.b;
    this.z = a;
    this.a = b;
    this.b = c;
    if (a !== a) return;
    if (z === z) {
      const dz = Math.abs(a - z);
      this.localScale = this.localScale !== this.localScale ? dz : this.localScale + 0.2 * (dz - this.localScale);
    }
    const d = Math.abs(c - b);
    // Robust scale of changes: mean absolute change, each change clipped at 4 scales.
    if (this.diffScale !== this.diffScale) this.diffScale = d;
    else this.diffScale += (this.seen < 100 ? 1 / (this.seen + 1) : this.scale.alpha(ctx.gapMs)) * (Math.min(d, 4 * this.diffScale + 1e-12) - this.diffScale);
    this.seen++;
    const e1 = b - a, e2 = b - c;
    if (e1 * e2 <= 0) return;
    const m = Math.min(Math.abs(e1), Math.abs(e2));
    if (Math.abs(c - a) > 0.3 * m) return;
    const tail = e1 > 0 ? this.ups : this.downs;
    const local = this.localScale === this.localScale ? this.localScale : 0;
    const scale = Math.max(this.diffScale, local, 1e-12);
    const u = m / scale;
    // Too few excursions seen to know their tail (smooth series): ask for a larger leap instead.
    const rare = tail.samples >= 50 ? tail.evidence(u) >= this.minEvidence : u >= 1.5 * this.sigma;
    if (this.seen > 30 && u >= this.sigma && rare) {
      if (this.level === 0) this.since = ts;
      this.level = this.alarmLevel;
      this.lastSpikeTs = ts;
      this.lastSpike = b;
      this.spikes++;
      this.score = 1;
      return;
    }
    tail.add(u);
  }

  message(): string {
    return `spikes: ${this.spikes} isolated reading(s), the last ${fmt(this.lastSpike)}`;
  }

  stateBytes(): number {
    return 96 + 14 * 8 + this.ups.stateBytes() + this.downs.stateBytes();
  }
}
