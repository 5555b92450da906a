import type { SensorMeta } from './sensor-meta.js';

const FIRST_GAPS = 9;

/**
 * Facts about the current reading shared by every monitor of one sensor, computed once per reading:
 * the gap since the previous reading, the expected interval, and whether a device monitor has found
 * the reading itself bad (then value monitors neither alarm on it nor learn from it).
 * State: ~14 numbers + a 9-slot Float64Array (≈ 0.2 KiB).
 */
export class SensorContext {
  /** Readings accepted so far, this one included. */
  count = 0;
  ts = Number.NaN;
  value = Number.NaN;
  prevTs = Number.NaN;
  prevValue = Number.NaN;
  /** ts − previous ts (0 for the first reading). */
  gapMs = 0;
  /** Expected interval between readings (ms): given, or the median of the first gaps, then tracked. */
  intervalMs: number;
  readonly intervalGiven: boolean;
  /** The reading is not a measurement of the world (impossible value, frozen sensor): do not learn from it. */
  faulty = false;
  /** A device alarm that invalidates the sensor's values (offline, stuck, impossible) is active. */
  deviceFault = false;
  /** Alarms active on this sensor after the previous reading (monitors that learn slowly pause meanwhile). */
  activeAlarms = 0;
  private readonly firstGaps = new Float64Array(FIRST_GAPS);
  private gaps = 0;

  constructor(public meta: SensorMeta) {
    this.intervalGiven = meta.intervalS !== undefined && meta.intervalS > 0;
    this.intervalMs = this.intervalGiven ? meta.intervalS! * 1000 : Number.NaN;
  }

  /** Whether the expected interval is known yet (given, or learned from a few gaps). */
  get intervalKnown(): boolean {
    return this.intervalMs === this.intervalMs;
  }

  begin(ts: number, value: number): void {
    this.prevTs = this.ts;
    this.prevValue = this.value;
    this.ts = ts;
    this.value = value;
    this.count++;
    this.faulty = false;
    this.gapMs = this.count > 1 ? ts - this.prevTs : 0;
    if (this.count > 1 && !this.intervalGiven) this.learnInterval(this.gapMs);
  }

  private learnInterval(gap: number): void {
    if (this.gaps < FIRST_GAPS) {
      this.firstGaps[this.gaps++] = gap;
      if (this.gaps >= 3) this.intervalMs = median(this.firstGaps.subarray(0, this.gaps));
      return;
    }
    // Follow a changed reporting interval slowly; gaps (dropouts) and bursts are not the interval.
    if (gap > 0.5 * this.intervalMs && gap < 2 * this.intervalMs) this.intervalMs += 0.01 * (gap - this.intervalMs);
  }

  stateBytes(): number {
    return 14 * 8 + FIRST_GAPS * 8 + 64;
  }
}

function median(a: Float64Array): number {
  const s = Array.from(a).sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
