import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { TailCalibrator } from '../detectors/tail.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { HOUR } from '../time-constants.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

interface SpikeConfig { readonly sigma: number; readonly evidence: number; readonly holdMs: number; readonly level: Level }

const config = configOf((rule: Rule): SpikeConfig => ({
  sigma: num(rule.params, 'sigma', 10),
  evidence: num(rule.params, 'evidence', 5),
  holdMs: num(rule.params, 'holdS', HOUR / 1000) * 1000,
  level: paramLevel(rule.params),
}));

/**
 * Spikes: a single reading far from both neighbours, which agree with each other (x[t−1] leaps and
 * x[t] comes back), while the reading before x[t−1] sat at the same level, confirmed one reading later. The excursion m = min(|x[t−1] − x[t−2]|, |x[t−1] − x[t]|),
 * in units of the robust scale of reading-to-reading changes (or of the last few changes, if larger:
 * some sensors' noise grows with the value), must be at least `sigma` and rarer than 1 in
 * 10^`evidence` among this sensor's returning excursions, learned online — so a bridge gauge's
 * passing trucks (frequent) are normal and a 10× leap is not. (With fewer than 50 excursions seen,
 * as on a smooth series, it must be 1.5 × `sigma` instead.)
 * The alarm holds for `holdS` after the last spike. State: a tail calibrator + 9 numbers ≈ 0.5 KiB.
 */
export class SpikeMonitor extends BaseMonitor {
  private readonly c: SpikeConfig;
  private readonly excursions = new TailCalibrator(20_000, 20, 2);
  /** Recent scale of changes (median of three, smoothed), up to the reading before the candidate. */
  private localScale = Number.NaN;
  private d0 = Number.NaN;
  private d1 = Number.NaN;
  private d2 = Number.NaN;
  private z = Number.NaN;
  private a = Number.NaN;
  private b = Number.NaN;
  private lastSpikeTs = Number.NaN;
  private lastSpike = Number.NaN;
  private seen = 0;
  private spikes = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    this.c = config(rule);
  }

  override get scored(): boolean {
    return true;
  }

  step(ts: number, c: number, ctx: SensorContext): void {
    this.score = 0;
    if (this.level !== 0 && ts - this.lastSpikeTs > this.c.holdMs) { this.level = 0; this.spikes = 0; }
    if (ctx.faulty) return;
    const z = this.z, a = this.a, b = this.b;
    this.z = a;
    this.a = b;
    this.b = c;
    if (a !== a) return;
    if (z === z) {
      // The median of the last three changes: a noisy stretch raises it, one truck just before a spike does not.
      this.d2 = this.d1;
      this.d1 = this.d0;
      this.d0 = a > z ? a - z : z - a;
      const d0 = this.d0, d1 = this.d1, d2 = this.d2;
      const median = d1 !== d1 ? d0 : d2 !== d2 ? Math.min(d0, d1) : Math.max(Math.min(d0, d1), Math.min(Math.max(d0, d1), d2));
      this.localScale = this.localScale !== this.localScale ? median : this.localScale + 0.3 * (median - this.localScale);
    }
    this.seen++;
    const e1 = b - a, e2 = b - c;
    if (e1 * e2 <= 0) return;
    const m = Math.min(Math.abs(e1), Math.abs(e2));
    // The neighbours agree with each other, and the one before was no excursion itself (inside a dip
    // that lasts minutes — pump switching — readings wobble, but that is not a spike).
    if (Math.abs(c - a) > 0.3 * m || (z === z && Math.abs(a - z) > 0.3 * m)) return;
    const tail = this.excursions;
    const local = this.localScale === this.localScale ? this.localScale : 0;
    const scale = Math.max(ctx.diffScale === ctx.diffScale ? ctx.diffScale : 0, local, 1e-12);
    const u = m / scale;
    const cfg = this.c;
    // Too few excursions seen to know their tail (smooth series): ask for a larger leap instead.
    const rare = tail.samples >= 50 ? tail.evidence(u) >= cfg.evidence : u >= 1.5 * cfg.sigma;
    if (this.seen > 30 && u >= cfg.sigma && rare) {
      if (this.level === 0) this.since = ts;
      this.level = cfg.level;
      this.lastSpikeTs = ts;
      this.lastSpike = b;
      this.spikes++;
      this.score = 0.95;
      return;
    }
    tail.add(u);
  }

  message(): string {
    return `spikes: ${this.spikes} isolated reading(s), the last ${fmt(this.lastSpike)}`;
  }

  stateBytes(): number {
    return 64 + 12 * 16 + this.excursions.stateBytes();
  }
}
