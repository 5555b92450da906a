import { DAY, HOUR } from '../time-constants.js';
import { DailyProfile } from './daily-profile.js';

/**
 * Daily and weekly seasonality in bounded state: one daily profile for working days and one for
 * weekends (Saturday, Sunday in the local time `utcOffsetH`). Each reading teaches the profile of
 * its calendar day; the expectation comes from whichever profile has fitted the last few hours
 * better, so a holiday on a weekday is expected like a Sunday. Until a weekend has been seen the
 * working-day profile stands in. State: 2 daily profiles + 5 numbers ≈ 1.2 KiB.
 */
export class DayTypeProfile {
  private readonly weekday: DailyProfile;
  private readonly weekend: DailyProfile;
  private fitWeekday = 0;
  private fitWeekend = 0;
  private isWeekend = false;
  private lastTs = Number.NaN;
  private readonly offsetMs: number;

  constructor(memoryDays = 7, utcOffsetH = 0) {
    this.weekday = new DailyProfile(memoryDays);
    this.weekend = new DailyProfile(memoryDays * 2 / 5);
    this.offsetMs = utcOffsetH * HOUR;
  }

  /** Locate ts (call before the other methods for that ts). */
  at(ts: number): this {
    const local = ts + this.offsetMs;
    const dow = (Math.floor(local / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    this.isWeekend = dow === 0 || dow === 6;
    this.weekday.at(local);
    this.weekend.at(local);
    return this;
  }

  /** The profile to expect from: the better fit of the last hours, once both are ready. */
  private get active(): DailyProfile {
    if (!this.weekend.ready()) return this.weekday;
    if (!this.weekday.ready()) return this.weekend;
    return this.fitWeekend < this.fitWeekday ? this.weekend : this.weekday;
  }

  ready(days = 0.8): boolean {
    return this.weekday.ready(days) || this.weekend.ready(days);
  }

  /** Whether the profile has seen both kinds of day. */
  get weekSeen(): boolean {
    return this.weekday.ready() && this.weekend.ready();
  }

  expected(): number {
    return this.active.expected();
  }

  spreadAt(): number {
    return this.active.spreadAt();
  }

  /** Track which day type fits (τ = 4 h), and teach the calendar day's profile unless `learn` is false. */
  observe(x: number, dtMs: number, floor: number, learn: boolean): void {
    const a = this.lastTs === this.lastTs ? 1 - Math.exp(-dtMs / (4 * HOUR)) : 1;
    this.lastTs = 1;
    if (this.weekday.ready()) this.fitWeekday += a * (Math.abs(x - this.weekday.expected()) / Math.max(this.weekday.spreadAt(), floor) - this.fitWeekday);
    if (this.weekend.ready()) this.fitWeekend += a * (Math.abs(x - this.weekend.expected()) / Math.max(this.weekend.spreadAt(), floor) - this.fitWeekend);
    if (learn) (this.isWeekend ? this.weekend : this.weekday).learn(x, dtMs, floor);
  }

  complete(days: number): boolean {
    return this.weekday.complete(days);
  }

  window(n: number, by: 'low' | 'steady'): number {
    return this.weekday.window(n, by);
  }

  stateBytes(): number {
    return this.weekday.stateBytes() + this.weekend.stateBytes() + 6 * 8 + 64;
  }
}
