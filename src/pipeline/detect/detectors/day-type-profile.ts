import { float32Run, objectBytes } from '../arena.js';
import { numericFields, numericRun } from '../numeric-fields.js';
import { DAY as DAY_MS, HOUR as HOUR_MS } from '../time-constants.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;
const HOUR = HOUR_MS;

/**
 * Daily and weekly seasonality in bounded state: a daily profile for working days and one for
 * weekends (Saturday, Sunday in the local time `utcOffsetH`), each the expected value and its
 * day-to-day spread for each of `slots` parts of the day (24: hours), linearly interpolated between
 * slot centres and learned online with a memory of about `memoryDays` days of its kind. Updates are
 * Huber-clipped at 3 spreads, so an event does not teach it much; the owner stops learning while it
 * suspects one. Each reading teaches the profile of its calendar day. The expectation comes from the
 * calendar day's profile, or with `byFit` from whichever profile has fitted the last few hours
 * better (a holiday on a weekday is then expected like a Sunday). Until a weekend has been seen the
 * working-day profile stands in.
 * State: 2 × 3 × slots float32 in a run of the arena (576 B for 24 slots), 3 float64 and an object
 * of 9 fields ≈ 0.7 KiB (its settings are shared by every profile made with the same ones).
 */
interface Settings {
  readonly slots: number;
  readonly slotMs: number;
  readonly offsetMs: number;
  readonly memoryDays: number;
  readonly byFit: boolean;
}

const settingsByKey = new Map<string, Settings>();
function settingsOf(memoryDays: number, utcOffsetH: number, slots: number, byFit: boolean): Settings {
  const key = `${memoryDays}/${utcOffsetH}/${slots}/${byFit}`;
  let k = settingsByKey.get(key);
  if (!k) settingsByKey.set(key, k = { slots, slotMs: DAY / slots, offsetMs: utcOffsetH * HOUR, memoryDays, byFit });
  return k;
}

export class DayTypeProfile {
  /** Per day type d and slot i: s[o + (d·slots + i)·3] mean, +1 spread, +2 days of data seen. */
  private readonly s: Float32Array;
  private readonly o: number;
  private readonly k: Settings;
  private readonly slots: number;
  readonly f64: Float64Array;
  readonly f64At: number;
  /** Located: day type of the reading (0 working day, 1 weekend), slots, interpolation weight. */
  private calendar = 0;
  private i0 = 0;
  private i1 = 0;
  declare private f: number;
  declare private fitWeekday: number;
  declare private fitWeekend: number;

  constructor(memoryDays = 7, utcOffsetH = 0, slots = 24, byFit = true) {
    this.k = settingsOf(memoryDays, utcOffsetH, slots, byFit);
    this.slots = slots;
    const run = float32Run(2 * 3 * slots);
    this.s = run.array;
    this.o = run.at;
    const numbers = numericRun(DayTypeProfile);
    this.f64 = numbers.array;
    this.f64At = numbers.at;
  }

  /** Locate ts (call before the other methods for that ts). */
  at(ts: number): this {
    const local = ts + this.k.offsetMs;
    const dayNumber = Math.floor(local / DAY);
    const dow = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    this.calendar = dow === 0 || dow === 6 ? 1 : 0;
    const u = (local - dayNumber * DAY) / this.k.slotMs - 0.5;
    const fl = Math.floor(u);
    this.f = u - fl;
    this.i0 = (fl + this.slots) % this.slots;
    this.i1 = (this.i0 + 1) % this.slots;
    return this;
  }

  /** Index in `s` of day type `type`'s slot i. */
  private base(type: number, i: number): number {
    return this.o + (type * this.slots + i) * 3;
  }

  private readyType(type: number, days: number): boolean {
    return this.s[this.base(type, this.i0) + 2]! >= days && this.s[this.base(type, this.i1) + 2]! >= days;
  }

  /** The day type to expect from. */
  private get active(): number {
    if (!this.readyType(1, 0.8)) return 0;
    if (!this.readyType(0, 0.8)) return 1;
    if (!this.k.byFit) return this.calendar;
    return this.fitWeekend < this.fitWeekday ? 1 : 0;
  }

  ready(days = 0.8): boolean {
    return this.readyType(0, days) || this.readyType(1, days);
  }

  /** Whether the profile has seen both kinds of day. */
  get weekSeen(): boolean {
    return this.readyType(0, 0.8) && this.readyType(1, 0.8);
  }

  private value(type: number, k: number): number {
    const f = this.f;
    return this.s[this.base(type, this.i0) + k]! * (1 - f) + this.s[this.base(type, this.i1) + k]! * f;
  }

  expected(): number {
    return this.value(this.active, 0);
  }

  spreadAt(): number {
    return this.value(this.active, 1);
  }

  /**
   * Whether x is a value this time of day has: between the two neighbouring slots' means (widened by
   * k spreads). Unlike the interpolated expectation this holds at a sharp daily edge too.
   */
  within(x: number, k: number): boolean {
    const t = this.active;
    const a = this.base(t, this.i0), b = this.base(t, this.i1);
    const s = this.s;
    const lo = Math.min(s[a]!, s[b]!) - k * Math.max(s[a + 1]!, s[b + 1]!);
    const hi = Math.max(s[a]!, s[b]!) + k * Math.max(s[a + 1]!, s[b + 1]!);
    return x >= lo && x <= hi;
  }

  /** Teach the calendar day's profile (when `learn`), and with `byFit` track which type fits (τ = 4 h). */
  observe(x: number, dtMs: number, floor: number, learn: boolean): void {
    if (learn) {
      this.learnSlot(this.base(this.calendar, this.i0), 1 - this.f, x, dtMs, floor);
      this.learnSlot(this.base(this.calendar, this.i1), this.f, x, dtMs, floor);
    }
    if (!this.k.byFit) return;
    const a = 1 - Math.exp(-dtMs / (4 * HOUR));
    if (this.readyType(0, 0.8)) this.fitWeekday += a * (Math.abs(x - this.value(0, 0)) / Math.max(this.value(0, 1), floor) - this.fitWeekday);
    if (this.readyType(1, 0.8)) this.fitWeekend += a * (Math.abs(x - this.value(1, 0)) / Math.max(this.value(1, 1), floor) - this.fitWeekend);
  }

  private learnSlot(at: number, w: number, x: number, dtMs: number, floor: number): void {
    if (w <= 0) return;
    const s = this.s;
    const dayShare = (w * dtMs) / this.k.slotMs; // this reading's share of one day's worth of this slot
    const seen = s[at + 2]!;
    s[at + 2] = seen + dayShare;
    if (seen === 0) { s[at] = x; s[at + 1] = floor; return; }
    // Weekends come 2 days in 7: their memory in days of their own kind is shorter.
    const memory = at - this.o >= 3 * this.slots ? (this.k.memoryDays * 2) / 5 : this.k.memoryDays;
    const rate = dayShare / Math.min(seen + dayShare, memory);
    const spread = Math.max(s[at + 1]!, floor);
    const r = x - s[at]!;
    const lim = 3 * spread;
    s[at] = s[at]! + rate * (r > lim ? lim : r < -lim ? -lim : r);
    // In its first two days the spread may grow fast (clip at 10 spreads, not 4): a slot that really
    // varies (a sharp daily edge) must not look steady for long.
    const a = Math.abs(r) * 1.2533, cap = (seen < 2 ? 10 : 4) * spread;
    s[at + 1] = s[at + 1]! + rate * ((a < cap ? a : cap) - s[at + 1]!);
  }

  stateBytes(): number {
    return objectBytes(9) + 3 * 8 + 6 * this.slots * 4;
  }
}
numericFields(DayTypeProfile, ['f', 'fitWeekday', 'fitWeekend']);
