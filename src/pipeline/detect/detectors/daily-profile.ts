import { DAY } from '../time-constants.js';

const SLOTS = 48;
const SLOT_MS = DAY / SLOTS;

/**
 * A robust daily profile: the expected value and its day-to-day spread for each half hour of the
 * (UTC) day, linearly interpolated between slot centres, learned online with a memory of about
 * `memoryDays` days. Updates are Huber-clipped at 3 spreads, so an event does not teach it much,
 * and the owner stops calling `learn` while it suspects one. State: 3 × 48 float32 = 576 B.
 */
export class DailyProfile {
  private readonly mean = new Float32Array(SLOTS);
  private readonly spread = new Float32Array(SLOTS);
  /** Days of data each slot has seen (interpolation-weighted), for warm start and readiness. */
  private readonly days = new Float32Array(SLOTS);
  private i0 = 0;
  private i1 = 0;
  private f = 0;

  constructor(private readonly memoryDays = 7) {}

  /** Locate ts between two slot centres (call before expected/spread/learn for that ts). */
  at(ts: number): this {
    const u = (((ts % DAY) + DAY) % DAY) / SLOT_MS - 0.5;
    const fl = Math.floor(u);
    this.f = u - fl;
    this.i0 = (fl + SLOTS) % SLOTS;
    this.i1 = (this.i0 + 1) % SLOTS;
    return this;
  }

  /** Both neighbouring slots have seen at least `days` days of data. */
  ready(days = 0.8): boolean {
    return this.days[this.i0]! >= days && this.days[this.i1]! >= days;
  }

  expected(): number {
    return this.mean[this.i0]! * (1 - this.f) + this.mean[this.i1]! * this.f;
  }

  spreadAt(): number {
    return this.spread[this.i0]! * (1 - this.f) + this.spread[this.i1]! * this.f;
  }

  /** Learn x at the located time; `dtMs` is the time the reading stands for; `floor` bounds the spread below. */
  learn(x: number, dtMs: number, floor: number): void {
    this.learnSlot(this.i0, 1 - this.f, x, dtMs, floor);
    this.learnSlot(this.i1, this.f, x, dtMs, floor);
  }

  private learnSlot(i: number, w: number, x: number, dtMs: number, floor: number): void {
    if (w <= 0) return;
    const dayShare = (w * dtMs) / SLOT_MS; // this reading's share of one day's worth of this slot
    const seen = this.days[i]!;
    this.days[i] = seen + dayShare;
    if (seen === 0) { this.mean[i] = x; this.spread[i] = floor; return; }
    const rate = dayShare / Math.min(seen + dayShare, this.memoryDays);
    const s = Math.max(this.spread[i]!, floor);
    const r = x - this.mean[i]!;
    const lim = 3 * s;
    this.mean[i]! += rate * (r > lim ? lim : r < -lim ? -lim : r);
    const a = Math.abs(r) * 1.2533;
    this.spread[i]! += rate * ((a < 4 * s ? a : 4 * s) - this.spread[i]!);
  }

  /**
   * The slot index where the `n` consecutive slots begin whose means are lowest ('low'), or whose
   * day-to-day spreads are smallest ('steady'): the quiet hours.
   */
  window(n: number, by: 'low' | 'steady'): number {
    const v = by === 'low' ? this.mean : this.spread;
    let best = 0, bestSum = Infinity;
    for (let i = 0; i < SLOTS; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v[(i + k) % SLOTS]!;
      if (s < bestSum) { bestSum = s; best = i; }
    }
    return best;
  }

  /** The half-hour slot index of a time. */
  static slotOf(ts: number): number {
    return Math.floor((((ts % DAY) + DAY) % DAY) / SLOT_MS);
  }

  /** Whether every slot has seen at least `days` days of data. */
  complete(days: number): boolean {
    for (let i = 0; i < SLOTS; i++) if (this.days[i]! < days) return false;
    return true;
  }

  stateBytes(): number {
    return 3 * SLOTS * 4 + 3 * 8 + 3 * 64;
  }
}
