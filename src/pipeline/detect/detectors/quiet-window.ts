import { objectBytes } from '../arena.js';
import { numericFields, numericRun } from '../numeric-fields.js';
import { DAY as DAY_MS } from '../time-constants.js';
import { DailyProfile } from './daily-profile.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const DAY = DAY_MS;


/**
 * The quiet hours of each day and how far a day's quiet hours sit from the learned profile.
 * The window is the `hours` of the day with the lowest values (night flow) or the steadiest ones
 * (the hours a drift shows first), located again once a day from the profile. During it the excess
 * over the profile is averaged without its highest and lowest reading (one spike does not move it).
 * When the window closes `nightExcess` holds that night's mean excess and `nightEnded` is true for
 * one reading. The night-to-night spread of normal nights is learned by the owner via `learnSpread`.
 * State: daily profile + 8 float64 + an object of 15 fields ≈ 0.6 KiB.
 */
export class QuietWindow {
  readonly profile: DailyProfile;
  private readonly slots: number;
  readonly f64: Float64Array;
  readonly f64At: number;
  private start = -1;
  private locatedDay = -1;
  private inside = false;
  private count = 0;
  declare private sum: number;
  declare private sumExpected: number;
  declare private max: number;
  declare private min: number;
  /** Normal nights seen, and the spread of their excesses (σ, from the mean absolute excess). */
  nights = 0;
  declare spread: number;
  declare nightExcess: number;
  declare nightBase: number;
  nightEnded = false;
  /** The night's range of excesses (max − min), to tell a rough night from a steady one. */
  declare nightRange: number;
  /** Something else was going on during the night (an alarm): do not judge or learn from it. */
  disturbed = false;
  nightDisturbed = false;

  constructor(hours: number, private readonly by: 'low' | 'steady', memoryDays = 10) {
    this.profile = new DailyProfile(memoryDays, 24);
    this.slots = Math.max(1, Math.round(hours * this.profile.slotCount / 24));
    const numbers = numericRun(QuietWindow);
    this.f64 = numbers.array;
    this.f64At = numbers.at;
    this.max = Number.NEGATIVE_INFINITY;
    this.min = Number.POSITIVE_INFINITY;
    this.spread = Number.NaN;
  }

  /** Update with a reading; returns whether it falls in the quiet window (and the profile is ready). */
  push(ts: number, x: number): boolean {
    this.nightEnded = false;
    this.profile.at(ts);
    const day = Math.floor(ts / DAY);
    if (day !== this.locatedDay && this.profile.complete(2)) {
      this.start = this.profile.window(this.slots, this.by);
      this.locatedDay = day;
    }
    const slot = this.profile.slotOf(ts);
    const n = this.profile.slotCount;
    const inside = this.start >= 0 && (slot - this.start + n) % n < this.slots;
    if (this.inside && !inside) this.close();
    this.inside = inside;
    if (!inside || !this.profile.ready(2)) return false;
    const expected = this.profile.expected();
    const r = x - expected;
    this.sum += r;
    this.sumExpected += expected;
    if (r > this.max) this.max = r;
    if (r < this.min) this.min = r;
    this.count++;
    return true;
  }

  /** Readings so far in tonight's window, and how many make half a window at this interval. */
  get readings(): number {
    return this.count;
  }
  halfWindow(intervalMs: number): number {
    const windowMs = (this.slots * DAY) / this.profile.slotCount;
    return Math.max(2, Math.floor(windowMs / Math.max(intervalMs || windowMs, 1) / 2));
  }

  /** Tonight's mean excess so far, without the highest and lowest reading. */
  excess(): number {
    if (this.count === 0) return 0;
    return this.count >= 4 ? (this.sum - this.max - this.min) / (this.count - 2) : this.sum / this.count;
  }

  base(): number {
    return this.count > 0 ? this.sumExpected / this.count : 0;
  }

  private close(): void {
    if (this.count > 0) {
      this.nightExcess = this.excess();
      this.nightBase = this.base();
      this.nightRange = this.max - this.min;
      this.nightDisturbed = this.disturbed;
      this.nightEnded = true;
    }
    this.disturbed = false;
    this.sum = this.sumExpected = this.count = 0;
    this.max = Number.NEGATIVE_INFINITY;
    this.min = Number.POSITIVE_INFINITY;
  }

  /** Count the night that just ended as normal: it teaches the night-to-night spread. */
  learnSpread(): void {
    const a = Math.abs(this.nightExcess) * 1.2533;
    if (this.spread !== this.spread) this.spread = a;
    else this.spread += (this.nights < 7 ? 1 / (this.nights + 1) : 0.15) * (Math.min(a, 3 * this.spread) - this.spread);
    this.nights++;
  }

  stateBytes(): number {
    return this.profile.stateBytes() + objectBytes(15) + 8 * 8;
  }
}
numericFields(QuietWindow, ['sum', 'sumExpected', 'max', 'min', 'spread', 'nightExcess', 'nightBase', 'nightRange']);
