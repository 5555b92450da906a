import { float32Run, objectBytes } from '../arena.js';
import { numericFields, numericRun } from '../numeric-fields.js';
import { DAY as DAY_MS } from '../time-constants.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;

const DEFAULT_SLOTS = 24;

/**
 * A robust daily profile: the expected value and its day-to-day spread for each of `slots` parts of
 * the (UTC) day (24: hours), linearly interpolated between slot centres, learned online with a
 * memory of about `memoryDays` days. Updates are Huber-clipped at 3 spreads, so an event does not
 * teach it much, and the owner stops calling `learn` while it suspects one.
 * State: 3 × slots float32 in a run of the arena (288 B for 24 slots), 1 float64 and an object of
 * 9 fields ≈ 0.4 KiB.
 */
export class DailyProfile {
  /** Per slot i: s[o + 3i] mean, +1 spread, +2 days of data seen (interpolation-weighted). */
  private readonly s: Float32Array;
  private readonly o: number;
  private readonly slots: number;
  private readonly slotMs: number;
  readonly f64: Float64Array;
  readonly f64At: number;
  private i0 = 0;
  private i1 = 0;
  declare private f: number;

  constructor(private readonly memoryDays = 7, slots = DEFAULT_SLOTS) {
    this.slots = slots;
    this.slotMs = DAY / slots;
    const run = float32Run(3 * slots);
    this.s = run.array;
    this.o = run.at;
    const numbers = numericRun(DailyProfile);
    this.f64 = numbers.array;
    this.f64At = numbers.at;
  }

  /** Locate ts between two slot centres (call before expected/spread/learn for that ts). */
  at(ts: number): this {
    const u = (((ts % DAY) + DAY) % DAY) / this.slotMs - 0.5;
    const fl = Math.floor(u);
    this.f = u - fl;
    this.i0 = (fl + this.slots) % this.slots;
    this.i1 = (this.i0 + 1) % this.slots;
    return this;
  }

  /** Both neighbouring slots have seen at least `days` days of data. */
  ready(days = 0.8): boolean {
    const s = this.s, o = this.o;
    return s[o + 3 * this.i0 + 2]! >= days && s[o + 3 * this.i1 + 2]! >= days;
  }

  expected(): number {
    const s = this.s, o = this.o, f = this.f;
    return s[o + 3 * this.i0]! * (1 - f) + s[o + 3 * this.i1]! * f;
  }

  spreadAt(): number {
    const s = this.s, o = this.o, f = this.f;
    return s[o + 3 * this.i0 + 1]! * (1 - f) + s[o + 3 * this.i1 + 1]! * f;
  }

  /** Learn x at the located time; `dtMs` is the time the reading stands for; `floor` bounds the spread below. */
  learn(x: number, dtMs: number, floor: number): void {
    const f = this.f;
    this.learnSlot(this.i0, 1 - f, x, dtMs, floor);
    this.learnSlot(this.i1, f, x, dtMs, floor);
  }

  private learnSlot(i: number, w: number, x: number, dtMs: number, floor: number): void {
    if (w <= 0) return;
    const s = this.s, at = this.o + 3 * i;
    const dayShare = (w * dtMs) / this.slotMs; // this reading's share of one day's worth of this slot
    const seen = s[at + 2]!;
    s[at + 2] = seen + dayShare;
    if (seen === 0) { s[at] = x; s[at + 1] = floor; return; }
    const rate = dayShare / Math.min(seen + dayShare, this.memoryDays);
    const spread = Math.max(s[at + 1]!, floor);
    const r = x - s[at]!;
    const lim = 3 * spread;
    s[at] = s[at]! + rate * (r > lim ? lim : r < -lim ? -lim : r);
    // In its first two days the spread may grow fast (clip at 10 spreads, not 4): a slot that really
    // varies (a sharp daily edge) must not look steady for long.
    const a = Math.abs(r) * 1.2533, cap = (seen < 2 ? 10 : 4) * spread;
    s[at + 1] = s[at + 1]! + rate * ((a < cap ? a : cap) - s[at + 1]!);
  }

  /**
   * The slot index where the `n` consecutive slots begin whose means are lowest ('low'), or whose
   * day-to-day spreads are smallest ('steady'): the quiet hours.
   */
  window(n: number, by: 'low' | 'steady'): number {
    const k0 = by === 'low' ? 0 : 1;
    let best = 0, bestSum = Infinity;
    for (let i = 0; i < this.slots; i++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += this.s[this.o + 3 * ((i + k) % this.slots) + k0]!;
      if (sum < bestSum) { bestSum = sum; best = i; }
    }
    return best;
  }

  /** The slot index of a time. */
  slotOf(ts: number): number {
    return Math.floor((((ts % DAY) + DAY) % DAY) / this.slotMs);
  }

  get slotCount(): number {
    return this.slots;
  }

  /** Whether every slot has seen at least `days` days of data. */
  complete(days: number): boolean {
    for (let i = 0; i < this.slots; i++) if (this.s[this.o + 3 * i + 2]! < days) return false;
    return true;
  }

  stateBytes(): number {
    return objectBytes(9) + 8 + 3 * this.slots * 4;
  }
}
numericFields(DailyProfile, ['f']);
