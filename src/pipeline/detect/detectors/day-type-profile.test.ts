import { describe, expect, it } from 'vitest';
import { T0 } from '../synthetic.js';
import { DayTypeProfile } from './day-type-profile.js';

const HOUR = 3_600_000;
/** A series whose weekday pattern peaks at 08:00 and weekend pattern at 12:00. */
const value = (ts: number): number => {
  const d = new Date(ts), h = d.getUTCHours(), weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  return 10 + (weekend ? (h >= 11 && h <= 13 ? 10 : 0) : h >= 7 && h <= 9 ? 10 : 0);
};

describe('day-type profile', () => {
  it('learns working days and weekends apart, by the calendar', () => {
    const p = new DayTypeProfile(7, 0, 24, false);
    for (let t = T0; t < T0 + 21 * 24 * HOUR; t += 10 * 60_000) { p.at(t); p.observe(value(t), 10 * 60_000, 0.1, true); }
    const monday8 = T0 + 21 * 24 * HOUR + 8 * HOUR + 30 * 60_000, saturday12 = T0 + 26 * 24 * HOUR + 12 * HOUR + 30 * 60_000;
    expect(p.at(monday8).expected()).toBeGreaterThan(17);
    expect(p.at(saturday12).expected()).toBeGreaterThan(17);
    expect(p.at(saturday12 - 4 * HOUR).expected()).toBeLessThan(13);
    expect(p.weekSeen).toBe(true);
  });

  it('with byFit, expects a holiday (a weekday living like a Sunday) from the weekend profile', () => {
    const p = new DayTypeProfile(7, 0, 24, true);
    for (let t = T0; t < T0 + 21 * 24 * HOUR; t += 10 * 60_000) { p.at(t); p.observe(value(t), 10 * 60_000, 0.1, true); }
    const holiday = T0 + 21 * 24 * HOUR; // a Monday with the weekend pattern
    for (let t = holiday; t < holiday + 11 * HOUR; t += 10 * 60_000) { p.at(t); p.observe(value(t + 5 * 24 * HOUR), 10 * 60_000, 0.1, false); }
    expect(p.at(holiday + 12 * HOUR).expected()).toBeGreaterThan(17);
  });

  it('is not ready before a slot has seen most of a day of data', () => {
    const p = new DayTypeProfile();
    p.at(T0); p.observe(1, 60_000, 0.1, true);
    expect(p.at(T0).ready()).toBe(false);
  });
});
