import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { float32Run } from '../arena.js';
import { TAIL_NUMBERS, tailShape } from '../detectors/tail.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
import { HOUR } from '../time-constants.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

/** Shared by every sensor: returning excursions, in change scales, in 20 bins of half an octave. */
const EXCURSIONS = tailShape(20_000, 20, 2);

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
 * A quantized series (an instrument that reports in steps, e.g. 0.1 %LEL) cannot show a change
 * smaller than its step, and near zero its changes are mostly none or one step: the scale is
 * therefore at least the step (the smallest change seen, the leap itself included), so a jump of a few
 * steps is never a spike.
 * The alarm holds for `holdS` after the last spike. State: a tail calibrator (7 float64, 21 float32) +
 * 12 numbers and an object of 10 fields ≈ 0.33 KiB.
 */
export class SpikeMonitor extends BaseMonitor {
  private readonly c: SpikeConfig;
  /** The tail calibrator of returning excursions: its numbers after the numeric fields, its table in a float32 run. */
  private readonly excursionsAt: number;
  private readonly table: Float32Array;
  private readonly tableAt: number;
  private seen = 0;
  private spikes = 0;
  /** Recent scale of changes (median of three, smoothed), up to the reading before the candidate. */
  declare private localScale: number;
  /** The last three changes, and the last three readings (z, a, b: oldest first). */
  declare private d0: number;
  declare private d1: number;
  declare private d2: number;
  declare private z: number;
  declare private a: number;
  declare private b: number;
  declare private lastSpikeTs: number;
  declare private lastSpike: number;
  /** The smallest change between consecutive readings seen: the instrument's step, 0 until one. */
  declare private quantum: number;

  constructor(rule: Rule) {
    super(rule, TAIL_NUMBERS);
    this.c = config(rule);
    this.excursionsAt = this.f64At + numericCount(SpikeMonitor);
    EXCURSIONS.init(this.f64, this.excursionsAt);
    const table = float32Run(EXCURSIONS.tableLength);
    this.table = table.array;
    this.tableAt = table.at;
    this.localScale = this.d0 = this.d1 = this.d2 = Number.NaN;
    this.z = this.a = this.b = this.lastSpikeTs = this.lastSpike = Number.NaN;
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
      // (Numbers are read into locals once: each access of a run field is an inlined accessor.)
      const d2 = this.d1, d1 = this.d0, d0 = a > z ? a - z : z - a;
      this.d2 = d2;
      this.d1 = d1;
      this.d0 = d0;
      // A change (not a repeat, nor a rounding difference) smaller than any before: the step.
      const quantum = this.quantum;
      if (d0 > 1e-9 * (a > 0 ? a : -a) && (d0 < quantum || quantum === 0)) this.quantum = d0;
      const median = d1 !== d1 ? d0 : d2 !== d2 ? Math.min(d0, d1) : Math.max(Math.min(d0, d1), Math.min(Math.max(d0, d1), d2));
      const localScale = this.localScale;
      this.localScale = localScale !== localScale ? median : localScale + 0.3 * (median - localScale);
    }
    this.seen++;
    const e1 = b - a, e2 = b - c;
    if (e1 * e2 <= 0) return;
    const m = Math.min(Math.abs(e1), Math.abs(e2));
    // The neighbours agree with each other, and the one before was no excursion itself (inside a dip
    // that lasts minutes — pump switching — readings wobble, but that is not a spike).
    if (Math.abs(c - a) > 0.3 * m || (z === z && Math.abs(a - z) > 0.3 * m)) return;
    // The leap is a change too: on a series that has not changed before, it is its first step, not a spike.
    if (m > 1e-9 * (a > 0 ? a : -a) && (m < this.quantum || this.quantum === 0)) this.quantum = m;
    const local = this.localScale === this.localScale ? this.localScale : 0;
    const scale = Math.max(ctx.diffScale === ctx.diffScale ? ctx.diffScale : 0, local, this.quantum, 1e-12);
    const u = m / scale;
    const cfg = this.c;
    // Too few excursions seen to know their tail (smooth series): ask for a larger leap instead.
    const f64 = this.f64, at = this.excursionsAt;
    const rare = EXCURSIONS.samples(f64, at) >= 50 ? EXCURSIONS.evidence(f64, at, this.table, this.tableAt, u) >= cfg.evidence : u >= 1.5 * cfg.sigma;
    if (this.seen > 30 && u >= cfg.sigma && rare) {
      if (this.level === 0) this.since = ts;
      this.level = cfg.level;
      this.lastSpikeTs = ts;
      this.lastSpike = b;
      this.spikes++;
      this.score = 0.95;
      return;
    }
    EXCURSIONS.add(f64, at, this.table, this.tableAt, u);
  }

  message(): string {
    return `spikes: ${this.spikes} isolated reading(s), the last ${fmt(this.lastSpike)}`;
  }

  stateBytes(): number {
    return this.baseBytes(6) + EXCURSIONS.stateBytes;
  }
}
numericFields(SpikeMonitor, ['localScale', 'd0', 'd1', 'd2', 'z', 'a', 'b', 'lastSpikeTs', 'lastSpike', 'quantum']);
