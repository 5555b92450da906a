import type { AlarmClass } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, num } from '../monitor.js';
import type { Rule } from '../rules/types.js';
import { RobustHolt } from './robust-holt.js';
import { TailCalibrator } from './tail.js';

/**
 * The general streaming detector: learns each sensor's normal behaviour online and scores every
 * reading 0..1 by how rare it is on this sensor.
 *  - point surprise: the innovation |z| of a robust damped Holt forecast;
 *  - sustained shift: a two-sided CUSUM (Page 1954) of the clipped innovations, k = 0.5σ;
 * each turned into evidence e = −log10 P(statistic ≥ value) by a tail calibrator learned on the
 * sensor itself (adaptive thresholds: a noisy, heavy-tailed series needs more to score high).
 * score = min(1, e / `evidenceForOne`). Once a shift is beyond doubt the forecast restarts from
 * the new level, so the score marks the onset of a change rather than staying high.
 * Warm-up: no score before `warmupReadings`. State ≈ 1.4 KiB (two calibrators, Holt, CUSUM).
 */
export class DetectorMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly holt = new RobustHolt();
  private readonly pointTail: TailCalibrator;
  private readonly shiftTail: TailCalibrator;
  private readonly warmup: number;
  private readonly evidenceForOne: number;
  private readonly k: number;
  private up = 0;
  private down = 0;
  private seen = 0;
  private lastEvidence = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.warmup = num(p, 'warmupReadings', 150);
    this.evidenceForOne = num(p, 'evidenceForOne', 6);
    this.k = num(p, 'k', 0.5);
    const memory = num(p, 'memoryReadings', 5000);
    this.pointTail = new TailCalibrator(memory);
    this.shiftTail = new TailCalibrator(memory);
  }

  step(_ts: number, x: number, ctx: SensorContext): void {
    if (ctx.faulty) { this.score = 0; return; }
    const z = this.holt.update(x);
    this.seen++;
    const zc = z > 5 ? 5 : z < -5 ? -5 : z;
    const up = this.up + zc - this.k;
    const down = this.down - zc - this.k;
    this.up = up > 0 ? up : 0;
    this.down = down > 0 ? down : 0;
    const g = this.up > this.down ? this.up : this.down;
    const az = z < 0 ? -z : z;
    const ePoint = this.pointTail.evidence(az);
    const eShift = this.shiftTail.evidence(g);
    this.pointTail.add(az);
    this.shiftTail.add(g);
    const e = ePoint > eShift ? ePoint : eShift;
    this.lastEvidence = e;
    this.score = this.seen > this.warmup ? Math.min(1, e / this.evidenceForOne) : 0;
    if (eShift > this.evidenceForOne && this.seen > this.warmup) {
      this.holt.rebase(x);
      this.up = 0;
      this.down = 0;
    }
  }

  message(): string {
    return `unusual behaviour: evidence ${this.lastEvidence.toFixed(1)} (−log10 p)`;
  }

  stateBytes(): number {
    return 96 + 12 * 8 + this.pointTail.stateBytes() + this.shiftTail.stateBytes() + 80;
  }
}
