import { objectBytes } from './arena.js';
import { DayTypeProfile } from './detectors/day-type-profile.js';
import type { SensorMeta } from './sensor-meta.js';
import { DAY as DAY_MS, Smoother } from './time-constants.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;

const FIRST_GAPS = 7;
/** Shared by every sensor: it only caches e^(−Δt/τ) for the last Δt seen. */
const CHANGE_SCALE = new Smoother(DAY);

/**
 * Facts about the current reading shared by every monitor of one sensor, computed once per reading:
 * the gap since the previous reading, the expected interval, the robust scale of reading-to-reading
 * changes, whether a device monitor has found the reading itself bad (then value monitors neither
 * alarm on it nor learn from it), and the sensor's daily/weekly profile, shared by the monitors
 * that need one (created by the first that asks; it learns after each good reading while no alarm
 * is active on the sensor and no monitor finds the reading suspect, so an event does not teach it
 * that it is normal — unless the alarms last two days: then it is the new normal).
 * State: an object of 15 fields, 7 of them boxed numbers (≈ 0.25 KiB), plus the profile when a monitor
 * uses one (≈ 0.7 KiB).
 */
export class SensorContext {
  // Number fields read by every monitor on every reading stay in the object: V8 reads them faster
  // than from a typed array, and they are few (7 × 24 B).
  /** Readings accepted so far, this one included. */
  count = 0;
  ts = Number.NaN;
  prevTs = Number.NaN;
  /** ts − previous ts (0 for the first reading). */
  gapMs = 0;
  /** Expected interval between readings (ms): given, or the median of the first gaps, then tracked. */
  intervalMs: number;
  readonly intervalGiven: boolean;
  /** Mean absolute change between consecutive readings (each change clipped at 4 scales), NaN at first. */
  diffScale = Number.NaN;
  /** The reading is not a measurement of the world (impossible value, frozen sensor): do not learn from it. */
  faulty = false;
  /** A monitor finds this reading suspicious (not yet an alarm): the shared profile does not learn it. */
  suspect = false;
  /** A device alarm that invalidates the sensor's values (offline, stuck, impossible) is active. */
  deviceFault = false;
  /** Alarms active on this sensor after the previous reading, the general detector's aside (slow learners pause meanwhile). */
  activeAlarms = 0;
  /** Since when `activeAlarms` has been non-zero (the profile learns again after two days of it: a new normal). */
  private alarmedSince = Number.NaN;
  private lastGood = Number.NaN;
  /** The first gaps, to learn the interval from; dropped once learned. */
  private firstGaps: number[] | undefined;
  private gaps = 0;
  private profile: DayTypeProfile | undefined;

  constructor(public meta: SensorMeta) {
    this.intervalGiven = meta.intervalS !== undefined && meta.intervalS > 0;
    this.intervalMs = this.intervalGiven ? meta.intervalS! * 1000 : Number.NaN;
  }

  /** Whether the expected interval is known yet (given, or learned from a few gaps). */
  get intervalKnown(): boolean {
    return this.intervalMs === this.intervalMs;
  }

  /** The sensor's shared daily/weekly profile, located at the current reading. */
  seasonal(): DayTypeProfile {
    if (this.profile === undefined) { this.profile = new DayTypeProfile(7, 0, 24, false); this.profile.at(this.ts); }
    return this.profile;
  }

  begin(ts: number): void {
    this.prevTs = this.ts;
    this.ts = ts;
    this.count++;
    this.faulty = false;
    this.suspect = false;
    this.gapMs = this.count > 1 ? ts - this.prevTs : 0;
    if (this.count > 1 && !this.intervalGiven) this.learnInterval(this.gapMs);
    this.profile?.at(ts);
  }

  /** After the monitors: learn the change scale and the profile from a good reading x. */
  end(x: number): void {
    if (this.faulty) return;
    const last = this.lastGood;
    this.lastGood = x;
    if (last === last && this.gapMs <= 3 * (this.intervalMs || this.gapMs)) {
      const d = Math.abs(x - last);
      const s = this.diffScale;
      if (s !== s) this.diffScale = d;
      else {
        const n = this.count;
        const a = n < 100 ? 1 / n : CHANGE_SCALE.alpha(this.gapMs);
        this.diffScale = s + a * ((d < 4 * s + 1e-12 ? d : 4 * s + 1e-12) - s);
      }
    }
    if (this.activeAlarms === 0) this.alarmedSince = Number.NaN;
    else if (this.alarmedSince !== this.alarmedSince) this.alarmedSince = this.ts;
    if (this.profile !== undefined) {
      const floor = Math.max(this.diffScale === this.diffScale ? this.diffScale : 0, Math.abs(x) * 1e-3 + 1e-9);
      const quiet = this.activeAlarms === 0 && !this.suspect;
      this.profile.observe(x, this.gapMs, floor, quiet || this.ts - this.alarmedSince > 2 * DAY);
    }
  }

  private learnInterval(gap: number): void {
    if (this.gaps < FIRST_GAPS) {
      const first = (this.firstGaps ??= []);
      first.push(gap);
      this.gaps++;
      if (this.gaps >= 3) this.intervalMs = median([...first]);
      if (this.gaps === FIRST_GAPS) this.firstGaps = undefined;
      return;
    }
    // Follow a changed reporting interval slowly; gaps (dropouts) and bursts are not the interval.
    if (gap > 0.5 * this.intervalMs && gap < 2 * this.intervalMs) this.intervalMs += 0.01 * (gap - this.intervalMs);
  }

  stateBytes(): number {
    return objectBytes(15) + 7 * 16 + (this.profile?.stateBytes() ?? 0);
  }
}

function median(a: number[]): number {
  const s = a.sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
